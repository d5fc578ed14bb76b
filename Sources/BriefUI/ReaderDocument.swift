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
        case title, meta, heading, paragraph, bullet, quote, code
    }
    public var kind: Kind
    public var text: String
    public var level: Int
    public var marker: String?
    /// Index in `Article.blocks`, for body blocks.
    public var blockIndex: Int?
}

/// A summary bullet or key claim, in reading order.
public struct KeyPoint: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case summaryBullet, claim }
    public var kind: Kind
    public var item: Int
    /// UTF-8 range of the key point in the item's text.
    public var range: Range<Int>
    public var position: Position { Position(item: item, offset: range.lowerBound) }
}

/// An outline entry, flattened in reading order with its depth and subtree extent.
public struct OutlineEntry: Sendable, Equatable {
    public var kind: OutlineNode.Kind
    public var text: String
    public var depth: Int
    public var position: Position
    /// Index one past this entry's last descendant in `ReaderDocument.outlineEntries`.
    public var subtreeEnd: Int
    public var hasChildren: Bool { subtreeEnd > 0 }
}

/// An opened article with everything the reader derives from it once: layout items,
/// key points, headings and the flattened outline. Layout itself is lazy (`ArticleLayout`).
/// Unchecked Sendable: it may be built on another thread and handed over, but its one
/// cache (`foldedText`) is filled only by the thread that shows it.
public final class ReaderDocument: @unchecked Sendable {
    public let path: String
    public let article: Article
    public let items: [LayoutItem]
    /// Item index of `article.blocks[0]`.
    public let firstBlockItem: Int
    public let keyPoints: [KeyPoint]
    /// Claim ranges per item, for emphasis.
    public let claimRanges: [Int: [Range<Int>]]
    public let headingItems: [Int]
    public let outlineEntries: [OutlineEntry]
    /// Evidence per summary bullet's item.
    public let evidence: [Int: [OutlineNode.Evidence]]
    /// UTF-8 size of all items before each item (and the total at the end), for percent read.
    let byteStarts: [Int]

    public convenience init(path: String, article: Article) {
        let analysis = ClaimAnalyzer().analyze(article)
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
        var items = [LayoutItem(kind: .title, text: article.title, level: 1, blockIndex: nil)]
        let meta = [article.byline, article.dateline].compactMap { $0 }.filter { !$0.isEmpty }
        if !meta.isEmpty {
            items.append(LayoutItem(kind: .meta, text: meta.joined(separator: " · "), level: 0, blockIndex: nil))
        }
        firstBlockItem = items.count
        var headings: [Int] = []
        for (index, block) in article.blocks.enumerated() {
            let kind: LayoutItem.Kind
            switch block.kind {
            case .heading: kind = .heading; headings.append(items.count)
            case .paragraph: kind = .paragraph
            case .bullet: kind = .bullet
            case .quote: kind = .quote
            case .code: kind = .code
            }
            items.append(LayoutItem(kind: kind, text: block.text, level: block.level, marker: block.marker,
                                    blockIndex: index))
        }
        self.items = items
        headingItems = headings

        var starts: [Int] = []
        starts.reserveCapacity(items.count + 1)
        var total = 0
        for item in items { starts.append(total); total += item.text.utf8.count + 1 }
        starts.append(total)
        byteStarts = starts

        // Key points: summary bullets (bullets before the first paragraph), then claims.
        let offset = firstBlockItem
        var points: [KeyPoint] = []
        var evidence: [Int: [OutlineNode.Evidence]] = [:]
        for (index, block) in article.blocks.enumerated() {
            if block.kind == .paragraph { break }
            if block.kind == .bullet {
                points.append(KeyPoint(kind: .summaryBullet, item: index + offset, range: 0..<block.text.utf8.count))
                if let found = analysis.evidence[index], !found.isEmpty { evidence[index + offset] = found }
            }
        }
        var claims: [Int: [Range<Int>]] = [:]
        for claim in analysis.claims {
            points.append(KeyPoint(kind: .claim, item: claim.blockIndex + offset, range: claim.range))
            claims[claim.blockIndex + offset, default: []].append(claim.range)
        }
        points.sort { $0.position < $1.position }
        keyPoints = points
        claimRanges = claims
        self.evidence = evidence

        var outline = Outline(article: article)
        outline.attach(analysis)
        outlineEntries = ReaderDocument.flatten(outline, analysis: analysis, firstBlockItem: offset)
    }

    private static func flatten(_ outline: Outline, analysis: ArticleAnalysis, firstBlockItem: Int) -> [OutlineEntry] {
        var entries: [OutlineEntry] = []
        var claimsByBlock: [Int: [ScoredSentence]] = [:]
        for claim in analysis.claims { claimsByBlock[claim.blockIndex, default: []].append(claim) }
        func visit(_ node: OutlineNode, depth: Int) {
            let item = node.blockIndex + firstBlockItem
            var offset = 0
            if node.kind == .claim,
               let claim = claimsByBlock[node.blockIndex]?.first(where: { $0.text == node.text }) {
                offset = claim.range.lowerBound
            }
            let index = entries.count
            entries.append(OutlineEntry(kind: node.kind, text: node.text, depth: depth,
                                        position: Position(item: item, offset: offset), subtreeEnd: 0))
            for child in node.children { visit(child, depth: depth + 1) }
            if entries.count > index + 1 { entries[index].subtreeEnd = entries.count }
        }
        for node in outline.nodes { visit(node, depth: 0) }
        return entries
    }

    /// Every item's text, lowercased (same byte lengths), each followed by "\n": item i starts at
    /// `byteStarts[i]`. Built on the first search; a search is then one `memchr` pass.
    private var foldedStorage: [UInt8]?

    var foldedText: [UInt8] {
        if let foldedStorage { return foldedStorage }
        var folded: [UInt8] = []
        folded.reserveCapacity(byteStarts.last ?? 0)
        for item in items {
            folded.append(contentsOf: item.text.utf8)
            folded.append(0x0A)
        }
        TextSearch.foldInPlace(&folded)
        foldedStorage = folded
        return folded
    }

    /// Builds the search text now (call before handing the document to another thread),
    /// so the first search of a huge article does not pay for it.
    public func prepareSearch() { _ = foldedText }

    /// Size of the search text (every item's text and a separator).
    var searchTextSize: Int { byteStarts.last ?? 0 }

    /// Non-overlapping matches of a folded needle starting in `from..<to` of the search
    /// text, in reading order, at most `limit`. Returns them and where the scan stopped
    /// (`to`, or after the last match when the limit was reached).
    func matches(of needle: [UInt8], from: Int, to: Int, limit: Int) -> (found: [(item: Int, range: Range<Int>)], end: Int) {
        guard !needle.isEmpty, !needle.contains(0x0A), limit > 0 else { return ([], to) }
        var result: [(item: Int, range: Range<Int>)] = []
        var position = from
        let folded = foldedText
        folded.withUnsafeBytes { text in
            needle.withUnsafeBytes { pattern in
                guard let base = text.baseAddress else { return }
                let lastStart = min(to, text.count - pattern.count + 1)
                var item = 0
                var high = items.count
                while item < high {  // the item containing `from`
                    let mid = (item + high) / 2
                    if byteStarts[mid + 1] <= from { item = mid + 1 } else { high = mid }
                }
                while position < lastStart, result.count < limit {
                    // memchr finds candidates fast (the text is folded, so one byte suffices).
                    guard let hit = memchr(base + position, Int32(pattern[0]), lastStart - position) else {
                        position = lastStart
                        break
                    }
                    let offset = base.distance(to: UnsafeRawPointer(hit))
                    if memcmp(hit, pattern.baseAddress!, pattern.count) != 0 {
                        position = offset + 1
                        continue
                    }
                    while byteStarts[item + 1] <= offset { item += 1 }
                    let start = offset - byteStarts[item]
                    result.append((item, start..<start + pattern.count))
                    position = offset + pattern.count
                }
            }
        }
        return (result, result.count >= limit ? position : max(position, to))
    }

    /// The heading item at or before `item`, if any.
    public func section(containing item: Int) -> Int? {
        var low = 0, high = headingItems.count
        while low < high {
            let mid = (low + high) / 2
            if headingItems[mid] <= item { low = mid + 1 } else { high = mid }
        }
        return low > 0 ? headingItems[low - 1] : nil
    }

    /// How far into the text a position is, 0...1.
    public func fraction(at position: Position) -> Double {
        guard let total = byteStarts.last, total > 0, position.item < items.count else { return 1 }
        return Double(byteStarts[position.item] + min(position.offset, items[position.item].text.utf8.count)) / Double(total)
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
