import BriefCore

/// One article in the library list. A row is listed at once from its file (name, size, date)
/// and filled in later by the library's background work (`LibraryDetails`).
public struct LibraryEntry: Sendable, Equatable {
    public var path: String
    /// The article's title; until the row is filled, one read cheaply from the file's first
    /// heading line or made from its name.
    public var title: String { didSet { titleKey = title.lowercased(); searchTitle = TextSearch.folded(title) } }
    public var words: Int
    /// The words were counted over the raw file, not the parsed article (a very large one).
    public var wordsEstimated = false
    /// Nil when not counted (a very large article until it is opened).
    public var keyPoints: Int?
    /// The article's kind (news report, analysis…), when analysed.
    public var kind: ArticleKind?
    /// Notes the reader has written on the article.
    public var notes: Int
    /// Seconds since 1970 of the file's last change.
    public var modified: Int
    /// The article's own date when it has one, else the day its file was changed.
    public var date: CalendarDay?
    /// Bytes in the file (0 when not known).
    public var size: Int
    public var read: Bool
    /// Whether the background work has filled in the title, counts, kind and key points.
    public internal(set) var filled: Bool
    /// Why the file could not be read, for an entry listed with a notice instead of an article.
    public var problem: String?
    /// The title lowercased, for sorting.
    private(set) var titleKey: String
    /// The title, folded (see `TextSearch`), for the filter.
    private(set) var searchTitle: [UInt8]
    /// The article's distinct words, folded, one a line (see `LibraryDetails.vocabulary`), for
    /// the filter: a fraction of the text, which the library never keeps.
    var searchWords: [UInt8]

    /// A filled row (tests, and articles known whole).
    public init(path: String, title: String, words: Int, keyPoints: Int?, kind: ArticleKind? = nil, notes: Int = 0,
                modified: Int, date: CalendarDay? = nil, read: Bool, text: String) {
        self.path = path
        self.kind = kind
        self.title = title
        self.words = words
        self.keyPoints = keyPoints
        self.notes = notes
        self.modified = modified
        self.date = date
        self.size = text.utf8.count
        self.read = read
        filled = true
        titleKey = title.lowercased()
        searchTitle = TextSearch.folded(title)
        searchWords = LibraryDetails.vocabulary([text])
    }

    /// A row known only from its file, to be filled in by `LibraryState.fill`.
    public init(path: String, provisionalTitle: String, size: Int, modified: Int, date: CalendarDay?, read: Bool) {
        self.path = path
        title = provisionalTitle
        words = 0
        keyPoints = nil
        notes = 0
        self.modified = modified
        self.date = date
        self.size = size
        self.read = read
        filled = false
        titleKey = provisionalTitle.lowercased()
        searchTitle = TextSearch.folded(provisionalTitle)
        searchWords = []
    }

    /// A file in the library that could not be read: listed under its name, with the reason.
    public init(path: String, problem: String) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        self.init(path: path, title: name, words: 0, keyPoints: 0, modified: 0, read: true, text: "")
        self.problem = problem
    }

    /// Minutes at about 230 words a minute, at least 1.
    public var readingMinutes: Int { max(1, (words + 115) / 230) }

    /// Whether every term of the filter is in the title or the text (`terms` from `LibraryState.terms`).
    func matches(_ whole: [UInt8], _ terms: [[UInt8]]) -> Bool {
        if TextSearch.contains(searchTitle, whole) { return true }
        return !terms.isEmpty && terms.allSatisfy { TextSearch.contains(searchTitle, $0) || TextSearch.contains(searchWords, $0) }
    }
}

/// What the library's background work found out about one article.
public struct LibraryDetails: Sendable, Equatable {
    public var path: String
    public var title: String
    public var words: Int
    public var wordsEstimated: Bool
    public var keyPoints: Int?
    public var kind: ArticleKind?
    public var notes: Int
    /// The article's own date, when it gives one.
    public var date: CalendarDay?
    /// See `LibraryEntry.searchWords`.
    public var vocabulary: [UInt8]
    public var problem: String?

    public init(path: String, title: String, words: Int, wordsEstimated: Bool = false, keyPoints: Int?,
                kind: ArticleKind?, notes: Int, date: CalendarDay?, vocabulary: [UInt8]) {
        self.path = path
        self.title = title
        self.words = words
        self.wordsEstimated = wordsEstimated
        self.keyPoints = keyPoints
        self.kind = kind
        self.notes = notes
        self.date = date
        self.vocabulary = vocabulary
    }

    /// The article could not be read.
    public init(path: String, problem: String) {
        self.init(path: path, title: path.split(separator: "/").last.map(String.init) ?? path, words: 0,
                  keyPoints: 0, kind: nil, notes: 0, date: nil, vocabulary: [])
        self.problem = problem
    }

    /// Most of an article's vocabulary the library keeps for the filter.
    public static let vocabularyLimit = 64 << 10

    /// The distinct words of `texts`, folded, one a line, in the order first seen (at most
    /// `vocabularyLimit` bytes). Words are split where `LibraryState.terms` splits the filter.
    public static func vocabulary(_ texts: some Sequence<String>) -> [UInt8] {
        // One pass over each text's bytes; words are told apart by a 64-bit hash (FNV-1a),
        // which is much cheaper than hashing each word's bytes into a set of arrays.
        var seen = Set<UInt64>()
        var out: [UInt8] = []
        for text in texts {
            let folded = TextSearch.folded(text)
            var full = false
            folded.withUnsafeBufferPointer { bytes in
                var i = 0
                while i < bytes.count {
                    while i < bytes.count, LibraryState.separates(bytes[i]) || LibraryState.joins(bytes[i]) { i += 1 }
                    var end = i
                    while end < bytes.count, !LibraryState.separates(bytes[end]) { end += 1 }
                    var last = end
                    while last > i, LibraryState.joins(bytes[last - 1]) { last -= 1 }
                    if last > i {
                        var hash: UInt64 = 0xcbf29ce484222325
                        for k in i..<last { hash = (hash ^ UInt64(bytes[k])) &* 0x100000001b3 }
                        if seen.insert(hash).inserted {
                            if out.count + (last - i) + 1 > vocabularyLimit { full = true; return }
                            out.append(contentsOf: bytes[i..<last])
                            out.append(0x0A)
                        }
                    }
                    i = end
                }
            }
            if full { break }
        }
        return out
    }
}

public enum LibrarySort: String, Sendable, CaseIterable {
    case title, date, unread = "unread first"

    var next: LibrarySort {
        let all = LibrarySort.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}

public struct LibraryState: Sendable {
    public private(set) var entries: [LibraryEntry]
    /// Indices into `entries` that pass the filter, in sort order.
    public private(set) var visible: [Int] = []
    /// Index into `visible`.
    public var selected = 0
    public var filter = "" { didSet { refresh() } }
    public var sort: LibrarySort = .title { didSet { refresh() } }
    /// The current year: dates in it are shown without it ("Dec 3"). Nil: every date in full.
    public var thisYear: Int?
    /// Rows filled in so far (see `LibraryEntry.filled`).
    public private(set) var filledCount = 0
    private var indexOfPath: [String: Int] = [:]

    public init(entries: [LibraryEntry], thisYear: Int? = nil) {
        self.entries = entries
        self.thisYear = thisYear
        for (index, entry) in entries.enumerated() { indexOfPath[entry.path] = index }
        filledCount = entries.count { $0.filled }
        refresh()
    }

    public var selectedEntry: LibraryEntry? {
        visible.indices.contains(selected) ? entries[visible[selected]] : nil
    }

    /// Whether background work is still filling rows in.
    public var isFilling: Bool { filledCount < entries.count }

    public func entry(path: String) -> LibraryEntry? { indexOfPath[path].map { entries[$0] } }

    /// Puts in what the background work found, then sorts and filters again (the selected
    /// article stays selected).
    public mutating func fill(_ details: [LibraryDetails]) {
        for found in details {
            guard let index = indexOfPath[found.path] else { continue }
            var entry = entries[index]
            if !entry.filled { filledCount += 1 }
            entry.filled = true
            if entry.title != found.title { entry.title = found.title }
            entry.words = found.words
            entry.wordsEstimated = found.wordsEstimated
            entry.keyPoints = found.keyPoints ?? entry.keyPoints
            entry.kind = found.kind ?? entry.kind
            entry.notes = found.notes
            if let date = found.date { entry.date = date }
            entry.searchWords = found.vocabulary
            entry.problem = found.problem
            entries[index] = entry
        }
        refresh()
    }

    /// The whole analysis of an article opened in the reader: its key points are now counted.
    mutating func analysed(_ path: String, keyPoints: Int, kind: ArticleKind?) {
        guard let index = indexOfPath[path], entries[index].problem == nil else { return }
        entries[index].keyPoints = keyPoints
        if let kind { entries[index].kind = kind }
    }

    /// Bytes between words: ASCII white space and punctuation, but for the joiners (letters
    /// in other scripts and digits stay in words).
    static func separates(_ byte: UInt8) -> Bool {
        byte < 0x80 && !(byte >= 0x61 && byte <= 0x7A) && !(byte >= 0x30 && byte <= 0x39)
            && !(byte >= 0x41 && byte <= 0x5A) && !joins(byte)
    }

    /// Punctuation inside a word ("non-exclusive", "U.S", "don't", "a/b", "name@host"),
    /// trimmed at its ends.
    static func joins(_ byte: UInt8) -> Bool {
        byte == 0x2D || byte == 0x27 || byte == 0x2E || byte == 0x5F || byte == 0x2F || byte == 0x40
    }

    /// The words of folded text, as the filter and `LibraryDetails.vocabulary` split it.
    static func words(_ folded: [UInt8]) -> [ArraySlice<UInt8>] {
        folded.split(whereSeparator: separates).compactMap { word in
            guard let start = word.firstIndex(where: { !joins($0) }) else { return nil }
            return word[start...word.lastIndex(where: { !joins($0) })!]
        }
    }

    /// The filter's words, folded.
    static func terms(_ filter: [UInt8]) -> [[UInt8]] { words(filter).map(Array.init) }

    /// Recomputes the visible list, keeping the selected article selected when it stays visible.
    mutating func refresh() {
        let keep = selectedEntry?.path
        let whole = TextSearch.folded(filter)
        let terms = Self.terms(whole)
        var indices = whole.isEmpty ? Array(entries.indices) : entries.indices.filter { entries[$0].matches(whole, terms) }
        switch sort {
        case .title:
            indices.sort { (entries[$0].titleKey, $0) < (entries[$1].titleKey, $1) }
        case .date:
            // Newest first; the file's time orders a day's articles.
            func key(_ i: Int) -> (CalendarDay, Int, Int) {
                (entries[i].date ?? CalendarDay(year: 1, month: 1, day: 1)!, entries[i].modified, -i)
            }
            indices.sort { key($0) > key($1) }
        case .unread:
            indices.sort { (entries[$0].read ? 1 : 0, entries[$0].titleKey, $0)
                < (entries[$1].read ? 1 : 0, entries[$1].titleKey, $1) }
        }
        visible = indices
        selected = keep.flatMap { path in indices.firstIndex { entries[$0].path == path } } ?? 0
    }

    mutating func markRead(_ path: String) { setRead(path, true) }

    mutating func setRead(_ path: String, _ read: Bool) {
        if let index = indexOfPath[path] { entries[index].read = read }
    }

    /// The notes count of the article at `path`.
    mutating func setNotes(_ path: String, count: Int) {
        if let index = indexOfPath[path] { entries[index].notes = count }
    }
}
