import BriefCore

/// A search in the open article: its matches so far, the current one, and how far the
/// scan has come (a huge article is searched in slices between keys).
public struct SearchState: Sendable {
    public struct Match: Sendable, Equatable {
        public var item: Int
        public var range: Range<Int>
        public var position: Position { Position(item: item, offset: range.lowerBound) }
    }
    public var query: String
    public var matches: [Match] = []
    /// Match indices per item, for highlighting.
    var matchesByItem: [Int: [Int]] = [:]
    public var current: Int?
    private let needle: [UInt8]
    /// How far into the document's search text the scan has come.
    private var scanned = 0
    private let size: Int

    /// More than this many matches are not counted (a one-letter search of a huge text).
    public static let limit = 10_000
    /// Bytes scanned per slice: a few milliseconds, so keys stay within a frame while a
    /// huge article is searched (the rest is scanned between keys, see `AppState.continueWork`).
    public static let slice = 2 << 20

    /// Starts a search and scans its first slice. When `query` extends the query of
    /// `previous` (typing on), the part `previous` scanned is not scanned again: only its
    /// matches are checked. (A query that overlaps itself, like "aaa", may then count a
    /// match fewer than a fresh scan.)
    init(query: String, document: ReaderDocument, refining previous: SearchState? = nil) {
        self.query = query
        needle = TextSearch.folded(query)
        size = document.searchTextSize
        if let previous, !previous.query.isEmpty, query.hasPrefix(previous.query), previous.matches.count < Self.limit {
            for match in previous.matches {
                var text = document.items[match.item].text
                let found = text.withUTF8 { bytes in
                    match.range.lowerBound + needle.count <= bytes.count
                        && TextSearch.matchesAt(needle, in: bytes, offset: match.range.lowerBound)
                }
                guard found else { continue }
                if let last = matches.last, last.item == match.item, last.range.upperBound > match.range.lowerBound { continue }
                add(Match(item: match.item, range: match.range.lowerBound..<match.range.lowerBound + needle.count))
            }
            scanned = previous.scanned
        }
        if needle.isEmpty { scanned = size }
        scan(document)
    }

    public var isComplete: Bool { scanned >= size || matches.count >= Self.limit }

    private mutating func add(_ match: Match) {
        matchesByItem[match.item, default: []].append(matches.count)
        matches.append(match)
    }

    /// Scans the next slice.
    mutating func scan(_ document: ReaderDocument) {
        guard !isComplete else { return }
        let (found, end) = document.matches(of: needle, from: scanned, to: min(size, scanned + Self.slice),
                                            limit: Self.limit - matches.count)
        for match in found { add(Match(item: match.item, range: match.range)) }
        scanned = end
    }
}
