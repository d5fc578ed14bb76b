import BriefCore

/// One article in the library list.
public struct LibraryEntry: Sendable, Equatable {
    public var path: String
    public var title: String
    public var words: Int
    public var keyClaims: Int
    /// Notes the reader has written on the article.
    public var notes: Int
    /// Seconds since 1970 of the file's last change.
    public var modified: Int
    public var read: Bool
    /// Title and text, ASCII-lowercased, for the filter.
    var searchText: [UInt8]

    public init(path: String, title: String, words: Int, keyClaims: Int, notes: Int = 0, modified: Int, read: Bool,
                text: String) {
        self.path = path
        self.title = title
        self.words = words
        self.keyClaims = keyClaims
        self.notes = notes
        self.modified = modified
        self.read = read
        searchText = TextSearch.folded(title + "\n" + text)
    }

    public init(path: String, article: Article, keyClaims: Int, notes: Int, modified: Int, read: Bool) {
        let text = article.blocks.map(\.text).joined(separator: "\n")
        self.init(path: path, title: article.title, words: article.wordCount, keyClaims: keyClaims, notes: notes,
                  modified: modified, read: read, text: text)
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

/// Case-insensitive substring search over UTF-8: ASCII letters fold, everything else
/// compares exactly, so byte offsets stay those of the original text.
public enum TextSearch {
    public static func folded(_ text: some StringProtocol) -> [UInt8] {
        text.utf8.map { ($0 >= 0x41 && $0 <= 0x5A) ? $0 + 0x20 : $0 }
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

    /// Whether `needle` (already folded) stands at `offset` in `haystack`, ASCII case folded.
    static func matchesAt(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, offset: Int) -> Bool {
        for j in 0..<needle.count {
            var c = haystack[offset + j]
            if c >= 0x41 && c <= 0x5A { c += 0x20 }
            if c != needle[j] { return false }
        }
        return true
    }

    /// UTF-8 ranges of every match of `query` in `text` (at most `limit`).
    public static func matches(of query: [UInt8], in text: String, limit: Int) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var text = text
        text.withUTF8 { buffer in
            forEachMatch(of: query, in: buffer) { start in
                result.append(start..<start + query.count)
                return result.count < limit
            }
        }
        return result
    }
}
