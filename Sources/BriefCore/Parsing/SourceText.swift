/// Article bytes made safe to parse: valid UTF-8 (invalid sequences become U+FFFD),
/// no BOM, "\n" line ends only, and no control characters but tab and newline.
///
/// Article text is untrusted, so this is the one place where terminal controls are
/// taken out: C0 and C1 controls (ESC, 8-bit CSI 0x9B, BEL, NUL…), DEL and the
/// bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069). Form feed and
/// vertical tab read as line ends. Whatever is downstream (model, outline, terminal)
/// never sees them.
public struct SourceText: Sendable {
    public let bytes: [UInt8]

    public init(bytes input: some Collection<UInt8>) {
        bytes = SourceText.clean(Array(input))
    }

    public init(string: String) {
        self.init(bytes: Array(string.utf8))
    }

    public var string: String { String(decoding: bytes, as: UTF8.self) }

    static func clean(_ input: [UInt8]) -> [UInt8] {
        // Most files need no change: share the input instead of copying 100 MB.
        if isClean(input) { return input }
        var out = [UInt8]()
        out.reserveCapacity(input.count)
        let n = input.count
        var i = 0
        // UTF-8 byte order mark
        if n >= 3 && input[0] == 0xEF && input[1] == 0xBB && input[2] == 0xBF { i = 3 }
        let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
        input.withUnsafeBufferPointer { buf in
            while i < n {
                let b = buf[i]
                if b >= 0x20 && b < 0x7F {
                    // Plain ASCII run: the common case, copied as is.
                    var j = i + 1
                    while j < n, buf[j] >= 0x20, buf[j] < 0x7F { j += 1 }
                    out.append(contentsOf: buf[i..<j])
                    i = j
                    continue
                }
                if b < 0x80 {
                    switch b {
                    case 0x0A, 0x09: out.append(b)
                    case 0x0D:
                        out.append(0x0A)
                        if i + 1 < n && buf[i + 1] == 0x0A { i += 1 }
                    case 0x0B, 0x0C: out.append(0x0A)
                    default: break  // other C0 controls and DEL are dropped
                    }
                    i += 1
                    continue
                }
                // Multi-byte sequence: validate by hand (overlongs, surrogates, > U+10FFFF).
                var length = 0
                var scalar: UInt32 = 0
                if b >= 0xC2 && b <= 0xDF { length = 2; scalar = UInt32(b & 0x1F) }
                else if b >= 0xE0 && b <= 0xEF { length = 3; scalar = UInt32(b & 0x0F) }
                else if b >= 0xF0 && b <= 0xF4 { length = 4; scalar = UInt32(b & 0x07) }
                var valid = length > 0 && i + length <= n
                if valid {
                    for k in 1..<length {
                        let c = buf[i + k]
                        if c & 0xC0 != 0x80 { valid = false; break }
                        scalar = scalar << 6 | UInt32(c & 0x3F)
                    }
                }
                if valid {
                    switch length {
                    case 3: valid = scalar >= 0x800 && !(0xD800...0xDFFF).contains(scalar)
                    case 4: valid = scalar >= 0x10000 && scalar <= 0x10FFFF
                    default: break
                    }
                }
                if !valid {
                    // Replace one maximal invalid prefix: skip continuation bytes that follow.
                    out.append(contentsOf: replacement)
                    i += 1
                    var skipped = 0
                    while i < n, buf[i] & 0xC0 == 0x80, skipped < 3 { i += 1; skipped += 1 }
                    continue
                }
                if isUnsafeControl(scalar) {
                    i += length
                    continue
                }
                out.append(contentsOf: buf[i..<(i + length)])
                i += length
            }
        }
        return out
    }

    /// Valid UTF-8 without BOM, CR, controls (but tab and newline), C1 or bidi controls.
    static func isClean(_ input: [UInt8]) -> Bool {
        input.withUnsafeBufferPointer { buf in
            let n = buf.count
            if n >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF { return false }
            var i = 0
            while i < n {
                let b = buf[i]
                if b >= 0x20 && b < 0x7F { i += 1; continue }
                if b == 0x0A || b == 0x09 { i += 1; continue }
                if b < 0x80 { return false }
                var length = 0
                var scalar: UInt32 = 0
                if b >= 0xC2 && b <= 0xDF { length = 2; scalar = UInt32(b & 0x1F) }
                else if b >= 0xE0 && b <= 0xEF { length = 3; scalar = UInt32(b & 0x0F) }
                else if b >= 0xF0 && b <= 0xF4 { length = 4; scalar = UInt32(b & 0x07) }
                else { return false }
                guard i + length <= n else { return false }
                for k in 1..<length {
                    let c = buf[i + k]
                    if c & 0xC0 != 0x80 { return false }
                    scalar = scalar << 6 | UInt32(c & 0x3F)
                }
                switch length {
                case 3: if scalar < 0x800 || (0xD800...0xDFFF).contains(scalar) { return false }
                case 4: if scalar < 0x10000 || scalar > 0x10FFFF { return false }
                default: break
                }
                if isUnsafeControl(scalar) { return false }
                i += length
            }
            return true
        }
    }

    /// C1 controls and bidirectional embeddings, overrides and isolates.
    @inline(__always)
    static func isUnsafeControl(_ scalar: UInt32) -> Bool {
        (0x80...0x9F).contains(scalar) || (0x202A...0x202E).contains(scalar)
            || (0x2066...0x2069).contains(scalar)
    }
}

extension String {
    /// This text with every terminal control removed, for text that did not come
    /// through `SourceText` (file names, error messages, user input).
    public var withoutControls: String {
        if utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return self }
        var scalars = String.UnicodeScalarView()
        for s in unicodeScalars {
            let v = s.value
            if v < 0x20 || v == 0x7F || SourceText.isUnsafeControl(v) {
                if v == 0x09 || v == 0x0A { scalars.append(" ") }
                continue
            }
            scalars.append(s)
        }
        return String(scalars)
    }
}
