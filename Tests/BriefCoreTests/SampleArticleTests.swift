import Testing
@testable import BriefCore

/// The bundled articles cover every shape; their titles, readings and sections are fixed.
@Suite("Bundled articles")
struct SampleArticleTests {
    func sections(_ article: Article) -> [String] {
        var result: [String] = []
        Outline(article: article).forEachDepthFirst { node, _ in
            if node.kind == .section { result.append("\(node.level) \(node.line) \(node.text)") }
        }
        return result
    }

    @Test("Markdown with nested sections and a code fence")
    func shipping() throws {
        let article = try bundledArticle("shipping-lanes.md")
        #expect(article.reading == .markdown)
        #expect(article.title == "The Slow Boat Is Back")
        #expect(sections(article) == [
            "2 5 A Fleet Too Big for Its Cargo", "3 11 The orderbook problem", "2 17 What the Numbers Show",
            "2 34 Who Wins and Who Pays", "3 51 The retailer's dilemma", "2 57 What Comes Next",
        ])
        let code = try #require(article.blocks.first { $0.kind == .code })
        #expect(code.line == 21)
        #expect(code.info == "text")
        #expect(code.text.hasPrefix("# "))  // a "#" line inside the fence stays code
        let bullets = article.blocks.filter { $0.kind == .bullet }
        #expect(bullets.map(\.level) == [1, 2, 2, 2, 1, 2, 2, 2, 1, 2])
        #expect(bullets.first?.text == "Carriers")
    }

    @Test("Hard-wrapped plain text with setext headings and CRLF")
    func cityBudget() throws {
        let article = try bundledArticle("city-budget-hardwrapped.txt")
        #expect(article.reading == .hardWrapped)
        #expect(article.title == "Harwick’s Budget Balances on Paper, Not in Practice")
        #expect(article.titleLine == 1)
        #expect(sections(article) == [
            "2 16 The Shape of the Deal", "2 34 Where the Money Goes",
            "2 61 Why the Gap Keeps Coming Back", "2 87 What the Council Should Do",
        ])
        let bullets = article.blocks.filter { $0.kind == .bullet }
        #expect(bullets.map(\.line) == [47, 48, 49, 50, 51, 53])
        #expect(bullets[4].text.hasSuffix("across the network."))  // its wrapped line 52 is joined
        #expect(article.blocks.allSatisfy { !$0.text.contains("\r") })
    }

    @Test("Scraped one-line paragraphs with inferred sections")
    func gridStorage() throws {
        let article = try bundledArticle("grid-storage-scraped.txt")
        #expect(article.reading == .onePerLine)
        #expect(sections(article) == [
            "2 8 Why Batteries Won the Argument", "2 13 The Duration Problem", "2 18 What Regulators Should Do Next",
        ])
        #expect(article.blocks.filter { $0.kind == .paragraph }.map(\.line)
                == [5, 6, 7, 9, 10, 11, 12, 14, 15, 16, 17, 19, 20, 21])
    }

    @Test("Numbered lists in both styles and quotes")
    func waterTreaty() throws {
        let article = try bundledArticle("water-treaty-lists-quotes.md")
        #expect(sections(article) == [
            "2 5 Background", "2 11 What Changed", "2 21 The Negotiating Positions",
            "2 40 What Experts Recommend", "2 57 Outlook",
        ])
        #expect(article.blocks.filter { $0.marker?.hasSuffix(")") == true }.map(\.line) == [52, 53, 54, 55])
        #expect(article.blocks.filter { $0.kind == .quote }.map(\.line) == [36, 44, 46, 48])
    }

    @Test("A long read keeps its section tree")
    func longRead() throws {
        let article = try bundledArticle("long-read-semiconductors.md")
        #expect(article.wordCount >= 5_000)
        let all = sections(article)
        #expect(all.count == 19)
        #expect(all.first == "2 5 A Field Outside Town")
        #expect(all.last == "2 208 Coda: Back to the Field")
        #expect(Outline(article: article).nodes.filter { $0.kind == .section }.count == 12)
    }

    @Test("CJK, right-to-left text and emoji come through verbatim")
    func multilingual() throws {
        let article = try bundledArticle("asia-markets-multilingual.md")
        #expect(sections(article) == [
            "2 7 日本：円安が輸出株を押し上げ 🇯🇵", "2 13 中国：消费复苏仍显乏力 🇨🇳", "2 19 صناديق الخليج تتجه شرقاً",
            "2 25 The Retail Wave", "2 29 What to Watch Next Week",
        ])
        #expect(article.blocks.contains { $0.text.contains("👩‍💻") })
        #expect(article.blocks.contains { $0.text.contains("cafe\u{301}") })
    }

    @Test("Wire copy: byline and dateline are recognized, abbreviations kept in sentences")
    func wire() throws {
        let article = try bundledArticle("rate-decision-wire.txt")
        #expect(article.reading == .onePerLine)
        #expect(article.byline == "By Clara Whitfield")
        #expect(article.dateline == "WASHINGTON, March 4 (Brief Wire)")
        #expect(sections(article).isEmpty)
        let first = try #require(article.blocks.first)
        #expect(first.line == 3)
        let sentences = SentenceSegmenter(rules: .reading).sentences(in: article.blocks[1].text)
        #expect(sentences.first?.contains("on Jan. 5, when") == true)
    }
}
