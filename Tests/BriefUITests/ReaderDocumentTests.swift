import Testing
import BriefCore
import BriefStore
@testable import BriefUI

/// What the reader derives from an article without holding it twice: items made from the
/// blocks, the outline listed flat without its tree, claim ranges looked up in the key
/// points, and search folding one item at a time.
@Suite("Reader document")
struct ReaderDocumentTests {
    static let nested = """
        # Lists and Quotes

        - Summary one says the fleet is back.
        - Summary two says rates will fall.

        The fleet returned to the strait on Monday and rates should fall by spring.

        ## Details

        1. First point about insurers and their premiums.
           - A nested bullet that reflects a real shift in risk.
             - Deeper still, a bullet about ports.

           A continuation paragraph of the first point that argues the premiums will stay high.
        2. Second point.

        > A quote that says the calm will not last, one broker said.

        ### Deeper section

        ```
        let x = 1
            let y = 2
        ```

        ## Back up

        Closing paragraph that should be the last word on the matter.
        """

    /// The reference: the outline tree with the analysis attached, visited depth first.
    static func treeEntries(_ article: Article, _ analysis: ArticleAnalysis, firstBlockItem: Int) -> [OutlineEntry] {
        var outline = Outline(article: article)
        outline.attach(analysis)
        var entries: [OutlineEntry] = []
        func visit(_ node: OutlineNode, depth: Int) {
            var offset = 0
            if node.kind == .claim {
                offset = analysis.claims.first { $0.blockIndex == node.blockIndex && $0.text == node.text }!.range.lowerBound
            }
            let index = entries.count
            entries.append(OutlineEntry(kind: node.kind, text: node.text, role: node.role, depth: depth,
                                        position: Position(item: node.blockIndex + firstBlockItem, offset: offset),
                                        subtreeEnd: 0))
            for child in node.children { visit(child, depth: depth + 1) }
            if entries.count > index + 1 { entries[index].subtreeEnd = entries.count }
        }
        for node in outline.nodes { visit(node, depth: 0) }
        return entries
    }

    /// The package's bundled Articles/ (this file is Tests/BriefUITests/ReaderDocumentTests.swift).
    static let articlesFolder = #filePath.split(separator: "/", omittingEmptySubsequences: false).dropLast(3)
        .joined(separator: "/") + "/Articles"

    static func articles() throws -> [Article] {
        var articles = [ArticleParser.parse(nested, fileName: "nested.md"),
                        ArticleParser.parse(Fixtures.portsText, fileName: "ports.md")]
        for name in ["microsoft-openai-non-exclusive.txt", "water-treaty-lists-quotes.md", "long-read-semiconductors.md",
                     "city-budget-hardwrapped.txt", "asia-markets-multilingual.md"] {
            let path = Self.articlesFolder + "/" + name
            articles.append(ArticleParser.parse(bytes: try ArticleFiles.read(path).get(), fileName: path))
        }
        return articles
    }

    @Test("The flat outline is the outline tree with its claims, in reading order, depths and subtrees kept")
    func flatOutlineIsTheTree() throws {
        for article in try Self.articles() {
            let analysis = ClaimAnalyzer(explains: false).analyze(article)
            let document = ReaderDocument(path: "/a.md", article: article, analysis: analysis)
            let expected = Self.treeEntries(article, analysis, firstBlockItem: document.firstBlockItem)
            #expect(document.outlineEntries == expected, "\(article.title)")
            #expect(document.outlineEntries.contains { $0.kind == .claim }, "\(article.title)")
        }
        let nested = ArticleParser.parse(Self.nested, fileName: "nested.md")
        let document = ReaderDocument(path: "/n.md", article: nested, analysis: ArticleAnalysis(claims: [], evidence: [:]))
        // The nested bullet and its own bullet sit under the first point; the section holds them all.
        let depths = document.outlineEntries.map { "\($0.depth) \($0.kind.rawValue)" }
        #expect(depths == ["0 bullet", "0 bullet", "0 paragraph", "0 section", "1 bullet", "2 bullet", "3 bullet",
                           "2 paragraph", "1 bullet", "1 quote", "1 section", "2 code", "0 section", "1 paragraph"])
        #expect(document.outlineEntries[11].text == "let x = 1 let y = 2")
    }

    @Test("Items are the title, the byline, then one per block, made from the blocks")
    func itemsFromBlocks() throws {
        var article = ArticleParser.parse(Self.nested, fileName: "nested.md")
        article.byline = "By A. Writer"
        article.dateline = "June 3"
        let document = ReaderDocument(path: "/n.md", article: article, analysis: ArticleAnalysis(claims: [], evidence: [:]))
        #expect(document.firstBlockItem == 2)
        #expect(document.items.count == article.blocks.count + 2)
        #expect(document.items[0].kind == .title && document.items[0].text == "Lists and Quotes")
        #expect(document.items[1].kind == .meta && document.items[1].text == "By A. Writer · June 3")
        for (index, block) in article.blocks.enumerated() {
            let item = document.items[index + 2]
            #expect(item.blockIndex == index && item.text == block.text && item.level == block.level
                    && item.marker == block.marker)
        }
        #expect(document.items.map(\.kind).filter { $0 == .heading }.count == 3)
        #expect(document.headingItems.map { document.items[$0].text } == ["Details", "Deeper section", "Back up"])
        let plain = ReaderDocument(path: "/p.md", article: Article(title: "T", reading: .markdown, blocks: []),
                                   analysis: ArticleAnalysis(claims: [], evidence: [:]))
        #expect(plain.firstBlockItem == 1 && plain.items.count == 1)
        #expect(plain.searchTextSize == 2)
    }

    @Test("An item's claim ranges are its own claims, not its neighbours' or a summary bullet's")
    func claimRangesPerItem() {
        let document = Fixtures.ports()
        var found: [Int: [Range<Int>]] = [:]
        for point in document.keyPoints where point.kind == .claim { found[point.item, default: []].append(point.range) }
        #expect(found.count == 2)
        for item in document.items.indices {
            #expect(document.claimRanges(in: item) == (found[item] ?? []))
        }
        let bullet = document.keyPoints.first { $0.kind == .summaryBullet }!
        #expect(document.claimRanges(in: bullet.item).isEmpty)
    }

    @Test("Search folds each item as it scans: accents, a start inside an item, matches at the slice end")
    func foldedItemByItem() {
        let blocks = [
            Block(kind: .paragraph, text: "Visit the ÉLYSÉE today.", line: 3),
            Block(kind: .paragraph, text: "élysée Élysée", line: 5),
            Block(kind: .paragraph, text: "Nothing here.", line: 7),
        ]
        let document = ReaderDocument(path: "/e.md", article: Article(title: "Élysée", reading: .markdown, blocks: blocks),
                                      analysis: ArticleAnalysis(claims: [], evidence: [:]))
        let needle = TextSearch.folded("élysée")
        let all = document.matches(of: needle, from: 0, to: document.searchTextSize, limit: 100)
        // The title is item 0; "élysée" is 8 bytes.
        #expect(all.found.map(\.item) == [0, 1, 2, 2])
        #expect(all.found.map(\.range) == [0..<8, 10..<18, 0..<8, 9..<17])
        #expect(all.end == document.searchTextSize)
        // From inside item 2 (after its first match) to just after the start of its second.
        let start = document.byteStarts[2]
        let part = document.matches(of: needle, from: start + 1, to: start + 10, limit: 100)
        #expect(part.found.map(\.item) == [2] && part.found.map(\.range) == [9..<17])
        #expect(document.matches(of: needle, from: start + 1, to: start + 9, limit: 100).found.isEmpty)
        // The limit stops the scan just after the last match.
        let limited = document.matches(of: needle, from: 0, to: document.searchTextSize, limit: 2)
        #expect(limited.found.count == 2 && limited.end == document.byteStarts[1] + 18)
        #expect(document.matches(of: Array("zebra".utf8), from: 0, to: document.searchTextSize, limit: 5).found.isEmpty)
    }
}
