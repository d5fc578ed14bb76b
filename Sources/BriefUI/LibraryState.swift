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
