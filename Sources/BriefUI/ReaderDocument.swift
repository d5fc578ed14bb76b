import BriefCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A place in the text: a layout item and a UTF-8 offset inside its text. Positions
/// do not depend on the width, so a resize keeps the same text at the top.
public struct Position: Sendable, Hashable, Comparable {
    public var item: Int
    public var offset: Int

    public init(item: Int, offset: Int) {
        self.item = item
        self.offset = offset
    }

    public static func < (a: Position, b: Position) -> Bool {
        (a.item, a.offset) < (b.item, b.offset)
    }
}

/// One thing the reader lays out: the title, the byline/dateline, or a body block.
public struct LayoutItem: Sendable {
    public enum Kind: Sendable, Equatable {
        case title, meta, heading, paragraph, bullet, quote, code, table
    }
    public var kind: Kind
    public var text: String
    public var level: Int
    public var marker: String?
    /// Index in `Article.blocks`, for body blocks.
    public var blockIndex: Int?
    /// A table's cells, row by row, and its columns' alignment.
    public var rows: [[String]] = []
    public var alignments: [ColumnAlignment] = []
}

/// A summary bullet or a key point of the body, in reading order.
public struct KeyPoint: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case summaryBullet, claim }
    public var kind: Kind
    public var item: Int
    /// UTF-8 range of the key point in the item's text.
    public var range: Range<Int>
    /// Its part in the article (a summary bullet's is `summary`).
    public var role: KeyPointRole
    /// How likely the sentence is a key point (nil for summary bullets).
    public var score: Double?
    /// Why it was chosen (`w` shows it); packed, the words made when shown.
    public var explanation: KeyPointReasons
    /// A summary bullet's best evidence line (0: none).
    public var evidenceLine: Int32
    public var position: Position { Position(item: item, offset: range.lowerBound) }

    public init(kind: Kind, item: Int, range: Range<Int>, role: KeyPointRole, score: Double? = nil,
                explanation: KeyPointReasons = .init(), evidenceLine: Int = 0) {
        self.kind = kind
        self.item = item
        self.range = range
        self.role = role
        self.score = score
        self.explanation = explanation
        self.evidenceLine = Int32(clamping: evidenceLine)
    }

    /// Why it was chosen, in words.
    public var reasons: [String] {
        guard kind == .summaryBullet else { return explanation.texts }
        var reasons = ["summary bullet at the top of the article"]
        if evidenceLine > 0 { reasons.append("supported by line \(evidenceLine) (Enter jumps there)") }
        return reasons
    }
}

/// An outline entry, flattened in reading order with its depth and subtree extent.
public struct OutlineEntry: Sendable, Equatable {
    public var kind: OutlineNode.Kind
    public var text: String
    /// Key points only: thesis, claim, conclusion or fact.
    public var role: KeyPointRole? = nil
    public var depth: Int
    public var position: Position
    /// Index one past this entry's last descendant in `ReaderDocument.outlineEntries`.
    public var subtreeEnd: Int
    public var hasChildren: Bool { subtreeEnd > 0 }
}

/// The items of a document: the title, the byline/dateline if any, then one per body
/// block, made from the blocks when asked for (a huge article is not held twice).
public struct LayoutItems: RandomAccessCollection, Sendable {
    let title: String
    let meta: String?
    let blocks: [Block]

    init(article: Article) {
        title = article.title
        let meta = [article.byline, article.dateline].compactMap { $0 }.filter { !$0.isEmpty }
        self.meta = meta.isEmpty ? nil : meta.joined(separator: " · ")
        blocks = article.blocks
    }

    /// Item index of `blocks[0]`.
    var firstBlockItem: Int { meta == nil ? 1 : 2 }
    public var startIndex: Int { 0 }
    public var endIndex: Int { firstBlockItem + blocks.count }

    public subscript(index: Int) -> LayoutItem {
        if index == 0 { return LayoutItem(kind: .title, text: title, level: 1, blockIndex: nil) }
        if let meta, index == 1 { return LayoutItem(kind: .meta, text: meta, level: 0, blockIndex: nil) }
        let blockIndex = index - firstBlockItem
        let block = blocks[blockIndex]
        let kind: LayoutItem.Kind
        switch block.kind {
        case .heading: kind = .heading
        case .paragraph: kind = .paragraph
        case .bullet: kind = .bullet
        case .quote: kind = .quote
        case .code: kind = .code
        case .table: kind = .table
        }
        return LayoutItem(kind: kind, text: block.text, level: block.level, marker: block.marker, blockIndex: blockIndex,
                          rows: block.rows, alignments: block.columnAlignments)
    }
}

/// An opened article with everything the reader derives from it once: key points, headings
/// and the flattened outline. Items are made from the blocks when needed (`LayoutItems`),
/// layout is lazy (`ArticleLayout`).
/// Immutable once built, so it may be built on another thread and handed over.
public final class ReaderDocument: Sendable {
    public let path: String
    public let article: Article
    public let items: LayoutItems
    /// Item index of `article.blocks[0]`.
    public let firstBlockItem: Int
    /// Summary bullets and key points in reading order.
    public let keyPoints: [KeyPoint]
    /// The article's kind, once analysed.
    public let kind: ArticleKind?
    public let headingItems: [Int]
    public let outlineEntries: [OutlineEntry]
    /// The links, numbered in reading order (`u` lists them).
    public let links: [DocumentLink]
    /// Evidence per summary bullet's item.
    public let evidence: [Int: [OutlineNode.Evidence]]
    /// UTF-8 size of all items before each item (and the total at the end), for percent read.
    let byteStarts: [Int]

    public convenience init(path: String, article: Article) {
        // The reader shows the reasons in words (`w`), never the signals behind them.
        let analysis = ClaimAnalyzer(explains: true, signals: false).analyze(article)
        self.init(path: path, article: article, analysis: analysis)
    }

    /// Which part of a large article this is while its whole parse is still running.
    public enum Preview: Sendable {
        /// Its beginning (what opens first).
        case head
        /// Its end (shown when `G` is pressed before the whole parse arrives); block lines
        /// are those of the file.
        case tail
    }
    public let preview: Preview?

    public init(path: String, article: Article, analysis: ArticleAnalysis, preview: Preview? = nil) {
        self.path = path
        self.article = article
        self.preview = preview
        items = LayoutItems(article: article)
        let offset = items.firstBlockItem
        firstBlockItem = offset

        var starts: [Int] = []
        starts.reserveCapacity(items.count + 1)
        var total = 0
        for item in 0..<offset {  // the title and the byline
            starts.append(total)
            total += items[item].text.utf8.count + 1
        }
        var headings: [Int] = []
        for (index, block) in article.blocks.enumerated() {
            starts.append(total)
            if block.kind == .heading { headings.append(index + offset) }
            total += block.text.utf8.count + 1
        }
        starts.append(total)
        byteStarts = starts
        headingItems = headings

        // Key points: summary bullets (bullets before the first paragraph), then claims.
        var points: [KeyPoint] = []
        var evidence: [Int: [OutlineNode.Evidence]] = [:]
        for (index, block) in article.blocks.enumerated() {
            if block.kind == .paragraph { break }
            if block.kind == .bullet {
                let found = analysis.evidence[index] ?? []
                points.append(KeyPoint(kind: .summaryBullet, item: index + offset, range: 0..<block.text.utf8.count,
                                       role: .summary, evidenceLine: found.first?.line ?? 0))
                if !found.isEmpty { evidence[index + offset] = found }
            }
        }
        for claim in analysis.claims {
            points.append(KeyPoint(kind: .claim, item: claim.blockIndex + offset, range: claim.range, role: claim.role,
                                   score: claim.score, explanation: claim.explanation))
        }
        points.sort { $0.position < $1.position }
        keyPoints = points
        kind = analysis.kind
        self.evidence = evidence
        outlineEntries = ReaderDocument.outline(article.blocks, analysis: analysis, firstBlockItem: offset)
        links = ReaderDocument.links(of: article.blocks, firstBlockItem: offset)
    }

    /// The outline in reading order, each entry with its depth and the end of its subtree, built
    /// from the nodes' parents (no tree: for a huge article the tree would be as large again).
    /// A paragraph's, bullet's or quote's claims come first among its children, in reading order.
    private static func outline(_ blocks: [Block], analysis: ArticleAnalysis, firstBlockItem: Int) -> [OutlineEntry] {
        let parents = OutlineBuilder.parents(blocks)
        let claims = analysis.claimsInReadingOrder
        var depths = [Int32](repeating: 0, count: blocks.count)
        var entries: [OutlineEntry] = []
        entries.reserveCapacity(blocks.count + claims.count)
        var open: [Int] = []  // entries whose subtree may still grow, outermost first
        func add(_ kind: OutlineNode.Kind, _ text: String, depth: Int, _ position: Position, role: KeyPointRole? = nil) {
            while let last = open.last, entries[last].depth >= depth { close() }
            open.append(entries.count)
            entries.append(OutlineEntry(kind: kind, text: text, role: role, depth: depth, position: position, subtreeEnd: 0))
        }
        func close() {
            let index = open.removeLast()
            if entries.count > index + 1 { entries[index].subtreeEnd = entries.count }
        }
        var next = 0  // the next claim
        for (index, block) in blocks.enumerated() {
            let parent = Int(parents[index])
            let depth = parent < 0 ? 0 : Int(depths[parent]) + 1
            depths[index] = Int32(depth)
            let kind = OutlineBuilder.kind(of: block)
            add(kind, OutlineBuilder.text(of: block), depth: depth, Position(item: index + firstBlockItem, offset: 0))
            while next < claims.count, claims[next].blockIndex <= index {
                let claim = claims[next]
                next += 1
                guard claim.blockIndex == index, OutlineBuilder.holdsClaims(kind) else { continue }
                add(.claim, claim.text, depth: depth + 1,
                    Position(item: index + firstBlockItem, offset: claim.range.lowerBound), role: claim.role)
            }
        }
        while !open.isEmpty { close() }
        return entries
    }

    /// What the layout puts into an item's text: each link's number after its text, and the
    /// marks of the styles in `marks`.
    public func insertions(in item: Int, marks: InlineMarks = []) -> [Insertion] {
        // At one offset: closing marks, then a link's number, then opening marks.
        var result: [(order: Int, insertion: Insertion)] = []
        var k = links.partitionPoint { $0.item >= item }
        while k < links.count, links[k].item == item {
            result.append((1, Insertion(at: links[k].range.upperBound, text: "[\(k + 1)]", kind: .linkNumber)))
            k += 1
        }
        if !marks.isEmpty, let block = items[item].blockIndex {
            for span in article.blocks[block].spans {
                let mark: String
                switch span.kind {
                case .code where marks.contains(.code): mark = "`"
                case .strikethrough where marks.contains(.strikethrough): mark = "~~"
                case .emphasis where marks.contains(.emphasis): mark = "_"
                default: continue
                }
                result.append((2, Insertion(at: span.range.lowerBound, text: mark, kind: .styleMark)))
                result.append((0, Insertion(at: span.range.upperBound, text: mark, kind: .styleMark)))
            }
        }
        return result.sorted { ($0.insertion.at, $0.order) < ($1.insertion.at, $1.order) }.map(\.insertion)
    }

    /// Ranges of the claims in an item, for emphasis.
    public func claimRanges(in item: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var k = keyPoints.partitionPoint { $0.item >= item }
        while k < keyPoints.count, keyPoints[k].item == item {
            if keyPoints[k].kind == .claim { ranges.append(keyPoints[k].range) }
            k += 1
        }
        return ranges
    }

    /// Size of the search text: every item's text followed by "\n" (item i starts at
    /// `byteStarts[i]`). Offsets of a search are offsets in it.
    var searchTextSize: Int { byteStarts.last ?? 0 }

    /// Non-overlapping matches of a folded needle starting in `from..<to` of the search
    /// text, in reading order, at most `limit`. Returns them and where the scan stopped
    /// (`to`, or after the last match when the limit was reached).
    ///
    /// Each item is folded into one reusable buffer as the scan reaches it: no folded copy
    /// of the whole article is kept (it would be as large as the article). A match never
    /// spans items (the needle has no "\n").
    func matches(of needle: [UInt8], from: Int, to: Int, limit: Int) -> (found: [(item: Int, range: Range<Int>)], end: Int) {
        guard !needle.isEmpty, !needle.contains(0x0A), limit > 0, from < to else { return ([], max(from, to)) }
        var result: [(item: Int, range: Range<Int>)] = []
        var item = (0..<items.count).partitionPoint { byteStarts[$0 + 1] > from }  // the item containing `from`
        var folded: [UInt8] = []
        var position = from  // in the search text
        while item < items.count, byteStarts[item] < to, result.count < limit {
            let itemStart = byteStarts[item]
            var text = items[item].text
            let first = max(0, position - itemStart)  // where in this item the scan starts
            let last = to - itemStart  // a match must start before this
            text.withUTF8 { bytes in
                guard first < bytes.count, bytes.count - first >= needle.count else { return }
                folded.removeAll(keepingCapacity: true)
                folded.append(contentsOf: bytes)
                TextSearch.foldInPlace(&folded)
                folded.withUnsafeBytes { text in
                    TextSearch.forEachMatch(of: needle, in: text, from: first, before: last) { offset in
                        result.append((item, offset..<offset + needle.count))
                        position = itemStart + offset + needle.count
                        return result.count < limit
                    }
                }
            }
            item += 1
        }
        return (result, result.count >= limit ? position : to)
    }

    /// The heading item at or before `item`, if any.
    public func section(containing item: Int) -> Int? {
        let after = headingItems.partitionPoint { $0 > item }
        return after > 0 ? headingItems[after - 1] : nil
    }

    /// How far into the text a position is, 0...1.
    public func fraction(at position: Position) -> Double {
        guard let total = byteStarts.last, total > 0, position.item < items.count else { return 1 }
        return Double(byteStarts[position.item] + min(position.offset, items[position.item].text.utf8.count)) / Double(total)
    }

    /// The position `fraction` (0...1) of the way into the text (for `N%`).
    public func position(atFraction fraction: Double) -> Position {
        guard let total = byteStarts.last, total > 0 else { return Position(item: 0, offset: 0) }
        let target = Int(Double(total) * min(1, max(0, fraction)))
        let item = max(0, min(items.count - 1, byteStarts.partitionPoint { $0 > target } - 1))
        return Position(item: item, offset: min(target - byteStarts[item], items[item].text.utf8.count))
    }

    /// Layout-item position of a reading-state record (block -1 is the title).
    public func position(block: Int, offset: Int) -> Position {
        let item = block < 0 ? 0 : min(block + firstBlockItem, items.count - 1)
        return Position(item: max(0, item), offset: block < 0 ? 0 : max(0, offset))
    }

    /// The block and offset to remember for a position (-1 for the title area).
    public func block(of position: Position) -> (block: Int, offset: Int) {
        position.item < firstBlockItem ? (-1, 0) : (position.item - firstBlockItem, position.offset)
    }
}
