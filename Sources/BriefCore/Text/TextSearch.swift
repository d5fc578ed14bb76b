#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one case-insensitive substring search over UTF-8: the library filter, the reader's
/// search, evidence lookup. Letters fold to lowercase where the
/// lowercase form has the same UTF-8 length (ASCII, Latin, Greek, Cyrillic: "É" ~ "é"), so
/// byte offsets stay those of the original text; anything else compares exactly.
public enum TextSearch {
    public static func folded(_ text: some StringProtocol) -> [UInt8] {
        var bytes = Array(text.utf8)
        foldInPlace(&bytes)
        return bytes
    }

    /// Lowercases `bytes` in place, keeping every character's length.
    public static func foldInPlace(_ bytes: inout [UInt8]) {
        // ASCII first, in a loop without branches the compiler vectorizes: searching a huge
        // article folds every item as the scan reaches it.
        let high = bytes.withUnsafeMutableBufferPointer { buffer -> UInt8 in
            var seen: UInt8 = 0
            for i in buffer.indices {
                let b = buffer[i]
                seen |= b
                buffer[i] = b &+ (b &- 0x41 < 26 ? 0x20 : 0)
            }
            return seen & 0x80
        }
        guard high != 0 else { return }
        var cache: [UInt32: UInt32] = [:]  // scalar -> same-length lowercase (or itself)
        let n = bytes.count
        var i = 0
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if b >= 0x41 && b <= 0x5A { bytes[i] = b + 0x20 }
                i += 1
                continue
            }
            let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
            guard length > 1, i + length <= n else { i += 1; continue }
            var value = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for k in 1..<length { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
            let lower: UInt32
            if let cached = cache[value] {
                lower = cached
            } else {
                var mapped = value
                if let scalar = Unicode.Scalar(value), scalar.properties.changesWhenLowercased {
                    let lowered = scalar.properties.lowercaseMapping.unicodeScalars
                    if lowered.count == 1, let first = lowered.first, UTF8.width(first) == length {
                        mapped = first.value
                    }
                }
                cache[value] = mapped
                lower = mapped
            }
            if lower != value {
                var v = lower
                for k in stride(from: length - 1, to: 0, by: -1) {
                    bytes[i + k] = 0x80 | UInt8(v & 0x3F)
                    v >>= 6
                }
                let lead: UInt8 = length == 2 ? 0xC0 : length == 3 ? 0xE0 : 0xF0
                bytes[i] = lead | UInt8(v)
            }
            i += length
        }
    }

    /// Whether `haystack` (folded) contains `needle` (folded).
    public static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        var found = false
        haystack.withUnsafeBytes { buffer in
            forEachMatch(of: needle, in: buffer, from: 0, before: buffer.count) { _ in found = true; return false }
        }
        return found
    }

    /// Calls `body` with the start of each non-overlapping match of `needle` that starts in
    /// `from..<before` of `haystack` (both folded), in order, until it returns false.
    /// memchr finds the candidates (the text is folded, so its first byte suffices).
    public static func forEachMatch(of needle: [UInt8], in haystack: UnsafeRawBufferPointer,
                                    from: Int, before: Int, _ body: (Int) -> Bool) {
        guard let first = needle.first, let base = haystack.baseAddress, haystack.count >= needle.count else { return }
        needle.withUnsafeBytes { pattern in
            let lastStart = min(before, haystack.count - pattern.count + 1)
            var at = max(0, from)
            while at < lastStart {
                guard let hit = memchr(base + at, Int32(first), lastStart - at) else { return }
                let offset = base.distance(to: UnsafeRawPointer(hit))
                if memcmp(hit, pattern.baseAddress!, pattern.count) != 0 {
                    at = offset + 1
                    continue
                }
                if !body(offset) { return }
                at = offset + pattern.count
            }
        }
    }

    /// Whether `needle` (folded) stands at `offset` in `haystack`, case folded.
    public static func matchesAt(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, offset: Int) -> Bool {
        var window = Array(haystack[offset..<(offset + needle.count)])
        foldInPlace(&window)
        return window == needle
    }

    /// UTF-8 ranges of every match of `query` (folded) in `text` (at most `limit`).
    public static func matches(of query: [UInt8], in text: String, limit: Int) -> [Range<Int>] {
        var result: [Range<Int>] = []
        let folded = self.folded(text)
        folded.withUnsafeBytes { buffer in
            forEachMatch(of: query, in: buffer, from: 0, before: buffer.count) { start in
                result.append(start..<start + query.count)
                return result.count < limit
            }
        }
        return result
    }
}
