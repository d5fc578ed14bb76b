import BriefCore

/// One article in the library list.
public struct LibraryEntry: Sendable, Equatable {
    public var path: String
    public var title: String
    public var words: Int
    public var keyPoints: Int
    /// The article's kind (news report, analysis…), when analysed.
    public var kind: ArticleKind?
    /// Notes the reader has written on the article.
    public var notes: Int
    /// Seconds since 1970 of the file's last change.
    public var modified: Int
    public var read: Bool
    /// Why the file could not be read, for an entry listed with a notice instead of an article.
    public var problem: String?
    /// Title and text, lowercased (see `TextSearch`), for the filter.
    var searchText: [UInt8]

    public init(path: String, title: String, words: Int, keyPoints: Int, kind: ArticleKind? = nil, notes: Int = 0,
                modified: Int, read: Bool, text: String) {
        self.path = path
        self.kind = kind
        self.title = title
        self.words = words
        self.keyPoints = keyPoints
        self.notes = notes
        self.modified = modified
        self.read = read
        searchText = TextSearch.folded(title + "\n" + text)
    }

    public init(path: String, article: Article, keyPoints: Int, kind: ArticleKind? = nil, notes: Int, modified: Int,
                read: Bool) {
        let text = article.blocks.map(\.text).joined(separator: "\n")
        self.init(path: path, title: article.title, words: article.wordCount, keyPoints: keyPoints, kind: kind,
                  notes: notes, modified: modified, read: read, text: text)
    }

    /// A file in the library that could not be read: listed under its name, with the reason.
    public init(path: String, problem: String) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        self.init(path: path, title: name, words: 0, keyPoints: 0, modified: 0, read: true, text: "")
        self.problem = problem
    }

    /// Minutes at about 230 words a minute, at least 1.
    public var readingMinutes: Int { max(1, (words + 115) / 230) }
}

public enum LibrarySort: String, Sendable, CaseIterable {
    case title, modified, unread = "unread first"

    var next: LibrarySort {
        let all = LibrarySort.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}

public struct LibraryState: Sendable {
    public var entries: [LibraryEntry]
    /// Indices into `entries` that pass the filter, in sort order.
    public private(set) var visible: [Int] = []
    /// Index into `visible`.
    public var selected = 0
    public var filter = "" { didSet { refresh() } }
    public var sort: LibrarySort = .title { didSet { refresh() } }

    public init(entries: [LibraryEntry]) {
        self.entries = entries
        refresh()
    }

    public var selectedEntry: LibraryEntry? {
        visible.indices.contains(selected) ? entries[visible[selected]] : nil
    }

    /// Recomputes the visible list, keeping the selected article selected when it stays visible.
    mutating func refresh() {
        let keep = selectedEntry?.path
        let needle = TextSearch.folded(filter)
        var indices = entries.indices.filter { needle.isEmpty || TextSearch.contains(entries[$0].searchText, needle) }
        switch sort {
        case .title:
            indices.sort { (entries[$0].title.lowercased(), $0) < (entries[$1].title.lowercased(), $1) }
        case .modified:
            indices.sort { (-entries[$0].modified, $0) < (-entries[$1].modified, $1) }
        case .unread:
            indices.sort { (entries[$0].read ? 1 : 0, entries[$0].title.lowercased(), $0)
                < (entries[$1].read ? 1 : 0, entries[$1].title.lowercased(), $1) }
        }
        visible = indices
        selected = keep.flatMap { path in indices.firstIndex { entries[$0].path == path } } ?? 0
    }

    mutating func markRead(_ path: String) {
        for i in entries.indices where entries[i].path == path { entries[i].read = true }
    }
}

/// Case-insensitive substring search over UTF-8. Letters fold to lowercase where the
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

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        var found = false
        haystack.withUnsafeBufferPointer { buffer in
            forEachMatch(of: needle, in: buffer) { _ in found = true; return false }
        }
        return found
    }

    /// Calls `body` with the start of each non-overlapping match until it returns false.
    static func forEachMatch(of needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Bool) {
        guard let first = needle.first, needle.count <= haystack.count else { return }
        let n = needle.count
        var i = 0
        let last = haystack.count - n
        while i <= last {
            var b = haystack[i]
            if b >= 0x41 && b <= 0x5A { b += 0x20 }
            if b == first {
                var j = 1
                while j < n {
                    var c = haystack[i + j]
                    if c >= 0x41 && c <= 0x5A { c += 0x20 }
                    if c != needle[j] { break }
                    j += 1
                }
                if j == n {
                    if !body(i) { return }
                    i += n
                    continue
                }
            }
            i += 1
        }
    }

    /// Whether `needle` (already folded) stands at `offset` in `haystack`, case folded.
    static func matchesAt(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, offset: Int) -> Bool {
        var window = Array(haystack[offset..<(offset + needle.count)])
        foldInPlace(&window)
        return window == needle
    }

    /// UTF-8 ranges of every match of `query` in `text` (at most `limit`).
    public static func matches(of query: [UInt8], in text: String, limit: Int) -> [Range<Int>] {
        var result: [Range<Int>] = []
        let folded = self.folded(text)
        folded.withUnsafeBufferPointer { buffer in
            forEachMatch(of: query, in: buffer) { start in
                result.append(start..<start + query.count)
                return result.count < limit
            }
        }
        return result
    }
}
