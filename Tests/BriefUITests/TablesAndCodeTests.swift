import Testing
import BriefCore
@testable import BriefUI

/// Issue 16: GFM tables as grids, code never wrapped, both scrolled sideways.
@Suite("Tables and code")
struct TablesAndCodeTests {
    static let tableText = """
        # Prices

        | Fruit | Price | Origin |
        |:------|------:|:------:|
        | apples | 3 | Kent |
        | 東京 | 12.50 | — |

        After the table.
        """

    static let codeText = """
        # Code

        ```swift
        let veryLongLine = "this line of code is much wider than forty columns of screen"
        \tindented()
        ```

        Text after.
        """

    @Test("A pipe table is a grid: aligned columns as the delimiter row says, wide characters measured, a rule under the header")
    func tableGrid() {
        let state = ReadingKeysTests.plain(Self.tableText, width: 60, height: 14)
        let rows = AppView.render(state).rows()
        let header = rows.firstIndex { $0.contains("Fruit") }!
        #expect(Array(rows[header...(header + 3)]) == [
            "    Fruit  │ Price │ Origin",
            "    ───────┼───────┼───────",
            "    apples │     3 │  Kent",
            "    東京   │ 12.50 │   —",
        ])
        #expect(rows.contains { $0.contains("After the table.") })
    }

    @Test("A table wider than the screen is cut with a marker; → scrolls it, ← back")
    func wideTableScrolls() {
        let wide = "# W\n\n| a | b |\n|---|---|\n| " + String(repeating: "x", count: 50) + " | end |\n"
        var state = ReadingKeysTests.plain(wide, width: 40, height: 12)
        var rows = AppView.render(state).rows()
        let row = rows.firstIndex { $0.contains("xxxx") }!
        #expect(rows[row].hasSuffix("›"), "\(rows[row])")
        #expect(!rows[row].contains("end"))
        Fixtures.press([.right, .right], on: &state)
        rows = AppView.render(state).rows()
        #expect(rows[row].contains("end"), "\(rows[row])")
        #expect(rows[row].contains("‹"))
        Fixtures.press([.left, .left, .left], on: &state)
        #expect(state.reader?.sideways == 0)
        #expect(AppView.render(state).rows()[row].hasSuffix("›"))
    }

    @Test("Code is never wrapped: a long line is cut with a marker, tabs expanded, drawn in the code role")
    func codeUnwrapped() {
        let state = ReadingKeysTests.plain(Self.codeText, width: 40, height: 12)
        let screen = AppView.render(state)
        let rows = screen.rows()
        let line = rows.firstIndex { $0.contains("veryLongLine") }!
        #expect(rows[line].hasSuffix("›"))
        #expect(rows[line + 1] == "    " + "    indented()", "the next row is the next code line, not a continuation")
        let column = (0..<screen.width).first { screen[line, $0].text == "l" }!
        #expect(screen[line, column].style.role == .code)
    }

    @Test("→ with nothing wide on screen says so and changes nothing")
    func nothingToScroll() {
        var state = AppState(document: Fixtures.ports(), width: 40, height: 12)
        Fixtures.press([.right], on: &state)
        #expect(state.reader?.sideways == 0)
        #expect(AppView.render(state).rows().last!.contains("nothing wider"))
    }
}

@Suite("Inline styles and links in the reader")
struct InlineStyleTests {
    /// The style of the first cell showing `word` on screen.
    static func style(of word: String, in screen: Screen) -> Style? {
        let first = String(word.first!)
        for row in 0..<screen.height {
            let text = screen.rows()[row]
            guard text.contains(word) else { continue }
            for column in 0..<screen.width where screen[row, column].text == first {
                let cells = (column..<min(screen.width, column + word.count)).map { screen[row, $0].text }.joined()
                if cells == word { return screen[row, column].style }
            }
        }
        return nil
    }

    @Test("Emphasis italic, strong bold, code in the code role, struck dimmed (its tildes gone), links underlined and numbered")
    func styles() {
        let state = ReadingKeysTests.plain("""
            # S

            Some *leaning* and **heavy** and `code` and ~~gone~~ and [a link](https://example.invalid/x) here.
            """, width: 79, height: 10)
        let screen = AppView.render(state)
        let rows = screen.rows()
        #expect(rows.contains { $0.contains("and gone and a link[1] here.") }, "\(rows)")
        #expect(Self.style(of: "leaning", in: screen)?.italic == true)
        #expect(Self.style(of: "heavy", in: screen)?.bold == true)
        #expect(Self.style(of: "code", in: screen)?.role == .code)
        #expect(Self.style(of: "gone", in: screen)?.dim == true)
        let link = Self.style(of: "link", in: screen)
        #expect(link?.underline == true && link?.role == .link)
        #expect(Self.style(of: "[1]", in: screen)?.role == .link)
        #expect(state.reader?.document.links.map(\.destination) == ["https://example.invalid/x"])
    }

    @Test("A link number never separates from its link when the line wraps; search still finds text after it")
    func linkNumberWraps() {
        var state = ReadingKeysTests.plain("""
            # S

            A sentence with [one](https://example.invalid/1) and [two](https://example.invalid/2) links that wraps on a narrow screen after them.
            """, width: 24, height: 10)
        let rows = AppView.render(state).rows()
        #expect(rows.contains { $0.contains("one[1]") } && rows.contains { $0.contains("two[2]") }, "\(rows)")
        Fixtures.press(Fixtures.keys("/wraps") + [.enter], on: &state)
        #expect(state.reader?.search?.matches.count == 1)
        let screen = AppView.render(state)
        #expect(Self.style(of: "wraps", in: screen)?.role == .currentMatch)
    }

    @Test("u lists the links; 2u selects the second; a number past the last says so")
    func linksList() {
        var state = ReadingKeysTests.plain("""
            # S

            See [one](https://example.invalid/1), [two](#s) and [three](mailto:x@example.invalid).
            """, width: 60, height: 14)
        Fixtures.press(Fixtures.keys("2u"), on: &state)
        #expect(state.linksList?.selected == 1)
        let rows = AppView.render(state).rows()
        #expect(rows.contains { $0.contains("Links · 3") })
        #expect(rows.contains { $0.contains("[2] two") })
        Fixtures.press([.escape] + Fixtures.keys("9u"), on: &state)
        #expect(state.linksList == nil)
        #expect(AppView.render(state).rows().last!.contains("no link 9"))
        Fixtures.press(Fixtures.keys("u"), on: &state)
        #expect(state.apply(.enter) == [.openURL("https://example.invalid/1")], "the list stays for the next one")
        Fixtures.press([.escape], on: &state)
        #expect(state.linksList == nil)
    }

    @Test("Enter opens an http link; y copies it; a javascript: link is refused")
    func openAndCopy() {
        var state = ReadingKeysTests.plain("""
            # S

            See [one](https://example.invalid/1) and [bad](javascript:alert(1)).
            """, width: 60, height: 14)
        Fixtures.press(Fixtures.keys("u"), on: &state)
        #expect(state.apply(.enter) == [.openURL("https://example.invalid/1")])
        #expect(state.apply(.char("y")) == [.copyToClipboard("https://example.invalid/1")])
        Fixtures.press(Fixtures.keys("j"), on: &state)
        #expect(state.apply(.enter) == [])
        #expect(AppView.render(state).rows().last!.contains("not a web address"))
    }
}

@Suite("Links inside a web page")
struct WebAnchorTests {
    @Test("A web page's #anchor links, made absolute against the page, jump to the element with that id (GitHub's user-content- ids too)")
    func absoluteFragment() {
        let html = """
            <html><head><title>Guide</title></head><body><article>
            <h1>Guide</h1>
            <p>Contents: <a href="#setup">Setup</a> and <a href="#usage">Usage</a>, and a paragraph long enough to be kept as the article's text by the extractor.</p>
            <p>Another paragraph of the article, with enough words in it to look like prose to the content scorer.</p>
            <h2 id="setup">Setup</h2><p>Install it first, with a sentence or two of instructions that read like prose.</p>
            <h2 id="user-content-usage">Usage</h2><p>Then use it, with a sentence or two of instructions that read like prose.</p>
            <p>More about using it, a paragraph of prose so that the heading can reach the top of the window.</p>
            <p>Still more about using it, another paragraph of prose so that the heading can reach the top.</p>
            </article></body></html>
            """
        let article = WebArticleParser.parse(bytes: Array(html.utf8), url: "https://example.invalid/guide")
        let document = ReaderDocument(path: "https://example.invalid/guide", article: article,
                                      analysis: ArticleAnalysis(claims: [], evidence: [:]))
        var state = AppState(document: document, width: 60, height: 8)
        #expect(document.links.map(\.destination) == ["https://example.invalid/guide#setup", "https://example.invalid/guide#usage"])
        Fixtures.press(Fixtures.keys("u") + [.enter], on: &state)
        #expect(state.reader.map { document.items[$0.top.item].text } == "Setup")
        Fixtures.press(Fixtures.keys("2u") + [.enter], on: &state)
        #expect(state.reader.map { document.items[$0.top.item].text } == "Usage")
    }
}

@Suite("Relative links of a local article")
struct RelativeLinkTests {
    @Test("A relative link to another article opens it in Brief (the place kept); another file goes to the browser as file://")
    func relative() {
        let article = ArticleParser.parse("# R\n\nSee [setup](docs/setup.md#first) and [the logo](img/logo%20big.png).\n", fileName: "README.md")
        let document = ReaderDocument(path: "/home/r/project/README.md", article: article,
                                      analysis: ArticleAnalysis(claims: [], evidence: [:]))
        var state = AppState(document: document, width: 60, height: 10)
        Fixtures.press(Fixtures.keys("u"), on: &state)
        let effects = state.apply(.enter)
        #expect(effects.last == .open(path: "/home/r/project/docs/setup.md"))
        #expect(effects.contains { if case .saveReading = $0 { true } else { false } })
        Fixtures.press(Fixtures.keys("2u"), on: &state)
        #expect(state.apply(.enter) == [.openURL("file:///home/r/project/img/logo big.png")])
    }
}
