import Testing
@testable import BriefCore

@Suite("Parser: every input shape gives its complete outline")
struct ParserTests {
    @Test("The user's example: title, three summary bullets, five one-line paragraphs, no sections")
    func usersExample() throws {
        let article = try bundledArticle("microsoft-openai-non-exclusive.txt")
        #expect(article.reading == .onePerLine)
        #expect(article.title == "Microsoft and OpenAI Pivot to Non-Exclusive Partnership Terms")
        #expect(article.titleLine == 1)
        let lines = dump(Outline(article: article)).map { String($0.prefix(40)) }
        #expect(lines == [
            "bullet 1 2: Microsoft and OpenAI transit",
            "bullet 1 3: Strategic shift marks a matu",
            "bullet 1 4: Revision likely addresses gr",
            "paragraph 0 5: For the past few years, t",
            "paragraph 0 6: At its core, this pivot r",
            "paragraph 0 7: For students of technolog",
            "paragraph 0 8: The technical implication",
            "paragraph 0 9: Ultimately, the 'Winds of",
        ])
        // Both markers of "- •Text" are gone; the bullet text is the whole line's text.
        #expect(article.blocks[0].text
                == "Microsoft and OpenAI transition from exclusive cloud and IP agreements to non-exclusive terms.")
        // The last paragraph is the whole of line 9, verbatim (curly quotes and dashes kept).
        #expect(article.blocks[7].text.hasSuffix("survive in an open, competitive global market."))
        #expect(article.blocks[3].text.contains("Microsoft’s software ecosystem"))
    }

    @Test("Markdown: ATX and setext headings, nested lists, quotes, fenced and indented code, inline syntax")
    func markdown() {
        let text = """
            # Title

            Intro *with* **emphasis** and [a link](https://x.test/a "T") and `code_span`.

            Setext Section
            --------------

            - one
              - nested *a*
                1. deep
            - two

            > quoted
            > > inner

            ```sh
            # not a heading
            ```

                # indented code

            ## ATX closing ##

            1) first
            2) second

            [ref]: https://ref.test
            See [the ref] and [ref] and <https://auto.test>.
            """
        let (article, lines) = outline(text, fileName: "x.md")
        #expect(article.reading == .markdown)
        #expect(article.title == "Title")
        #expect(article.titleLine == 1)
        #expect(lines == [
            "paragraph 0 3: Intro with emphasis and a link and code_span.",
            "section 2 5: Setext Section",
            "  bullet 1 8: one",
            "    bullet 2 9: nested a",
            "      bullet 3 10: deep",
            "  bullet 1 11: two",
            "  quote 1 13: quoted",
            "  quote 2 14: inner",
            "  code 0 16: # not a heading",
            "  code 0 20: # indented code",
            "section 2 22: ATX closing",
            "  bullet 1 24: first",
            "  bullet 1 25: second",
            "  paragraph 0 28: See [the ref] and ref and https://auto.test.",
        ])
        // Link targets stay in the model.
        #expect(article.blocks[0].links == [Link(text: "a link", destination: "https://x.test/a")])
        #expect(article.blocks.last?.links == [Link(text: "ref", destination: "https://ref.test"),
                                               Link(text: "https://auto.test", destination: "https://auto.test")])
        #expect(article.blocks.first { $0.kind == .code }?.info == "sh")
        #expect(article.blocks.first { $0.text == "deep" }?.marker == "1.")
    }

    @Test("Hard-wrapped text: BOM, CRLF, setext title and section, byline, joined lines, tab indent, mixed glyphs")
    func hardWrapped() {
        let text = "\u{FEFF}The Budget Gap\r\n==============\r\n\r\nBy Ana Ruiz\r\n\r\n"
            + "The council met on Tuesday and\r\nagreed a plan that nobody\r\nliked.\r\n\r\n"
            + "\tIt was late. The vote\r\nwas close.\r\n\r\n"
            + "What Comes Next\r\n---------------\r\n\r\n"
            + "* first item\r\n- second item that wraps\r\n  onto a second line\r\n• third\r\n▪ fourth\r\n◦ fifth\r\n– sixth\r\n\r\n"
            + "1. one\r\n2) two\r\n\r\n> A quoted line\r\n> that continues.\r\n\r\n"
            + "The end came quickly. Nobody was surprised.\r\n"
        let (article, lines) = outline(text, fileName: "budget.txt")
        #expect(article.reading == .hardWrapped)
        #expect(article.title == "The Budget Gap")
        #expect(article.byline == "By Ana Ruiz")
        #expect(lines == [
            "paragraph 0 6: The council met on Tuesday and agreed a plan that nobody liked.",
            "paragraph 0 10: It was late. The vote was close.",
            "section 2 13: What Comes Next",
            "  bullet 1 16: first item",
            "  bullet 1 17: second item that wraps onto a second line",
            "  bullet 1 19: third",
            "  bullet 1 20: fourth",
            "  bullet 1 21: fifth",
            "  bullet 1 22: sixth",
            "  bullet 1 24: one",
            "  bullet 1 25: two",
            "  quote 1 27: A quoted line that continues.",
            "  paragraph 0 30: The end came quickly. Nobody was surprised.",
        ])
        #expect(article.blocks.first { $0.text == "two" }?.marker == "2)")
    }

    @Test("Scraped text: one paragraph per line, Title Case lines between paragraphs are sections")
    func scraped() {
        let text = """
            Grid Storage Comes of Age
            - •Batteries win peak contracts.
            - •Gas plants lose ground.
            Utilities signed more battery contracts this year than ever before. Analysts expect the trend to continue.
            Prices fell by half in three years. That changed the math.
            Why Batteries Won
            They are fast to build. They are cheap to run.
            The Duration Problem
            Four hours is not four days. Winter storms last longer.
            Regulators should act now.
            """
        let (article, lines) = outline(text, fileName: "grid.txt")
        #expect(article.reading == .onePerLine)
        #expect(article.title == "Grid Storage Comes of Age")
        #expect(lines == [
            "bullet 1 2: Batteries win peak contracts.",
            "bullet 1 3: Gas plants lose ground.",
            "paragraph 0 4: Utilities signed more battery contracts this year than ever before. Analysts expect the trend to continue.",
            "paragraph 0 5: Prices fell by half in three years. That changed the math.",
            "section 2 6: Why Batteries Won",
            "  paragraph 0 7: They are fast to build. They are cheap to run.",
            "section 2 8: The Duration Problem",
            "  paragraph 0 9: Four hours is not four days. Winter storms last longer.",
            "  paragraph 0 10: Regulators should act now.",
        ])
    }

    @Test("A sentence-case line or a line ending in punctuation is not a heading")
    func notHeadings() {
        let text = """
            A Title
            The first paragraph ends here. It has two sentences.
            This line is not a heading.
            Another short line
            The last paragraph. Done.
            """
        let (_, lines) = outline(text, fileName: "t.txt")
        #expect(lines.allSatisfy { $0.hasPrefix("paragraph") })
    }

    @Test("Invalid UTF-8 becomes U+FFFD; NUL, ESC, C1 and bidi controls never reach the text")
    func hostileBytes() {
        var bytes = Array("Title\nBad \u{FF}byte, nul".utf8)
        bytes[10] = 0xFF
        bytes += [0x00] + Array(" esc\u{1B}[31m red \u{9B}2J \u{202E}rev\u{2066}x\u{7F}.\n".utf8)
        bytes += Array("Second line here.\n".utf8)
        let article = ArticleParser.parse(bytes: bytes, fileName: "bad.txt")
        let text = article.blocks.map(\.text).joined(separator: "|")
        #expect(text == "Bad \u{FFFD}byte, nul esc[31m red 2J revx.|Second line here.")
        for scalar in text.unicodeScalars {
            #expect(scalar.value >= 0x20 && scalar.value != 0x7F && !(0x80...0x9F).contains(scalar.value))
        }
    }

    @Test("Truncated and overlong UTF-8 sequences are replaced, not dropped or crashed on")
    func invalidSequences() {
        let cases: [([UInt8], String)] = [
            ([0x41, 0xC0, 0xAF, 0x42], "A\u{FFFD}B"),           // overlong "/"
            ([0x41, 0xE2, 0x82], "A\u{FFFD}"),                   // truncated at end
            ([0x41, 0xED, 0xA0, 0x80, 0x42], "A\u{FFFD}B"),      // surrogate
            ([0xF4, 0x90, 0x80, 0x80], "\u{FFFD}"),              // above U+10FFFF
        ]
        for (bytes, expected) in cases {
            #expect(SourceText(bytes: bytes).string == expected)
        }
    }

    @Test("Empty and whitespace-only input give an article with no blocks")
    func empty() {
        for text in ["", "\n\n", "   \t  \n", "\u{FEFF}"] {
            let article = ArticleParser.parse(text, fileName: "empty.txt")
            #expect(article.blocks.isEmpty)
            #expect(article.title == "Empty")
        }
    }

    @Test("Deep nesting is read without recursion and without crashing")
    func deepNesting() {
        let quotes = String(repeating: "> ", count: 20_000) + "a"
        let article = ArticleParser.parse(quotes, fileName: "q.md")
        #expect(article.blocks.count == 1)
        // Past 100 levels, deeper markers are read as text of the deepest item.
        let lists = (0..<300).map { String(repeating: "  ", count: $0) + "* a" }.joined(separator: "\n")
        let listArticle = ArticleParser.parse(lists, fileName: "l.md")
        #expect(listArticle.blocks.count == MarkdownBlockParser.maxDepth)
        #expect(listArticle.blocks.last?.level == MarkdownBlockParser.maxDepth)
        #expect(Outline(article: listArticle).nodes.count == 1)
    }
}

@Suite("Inline phase: what the reader sees")
struct InlineTests {
    func visible(_ s: String) -> String { InlineParser.parse(Array(s.utf8)).text }

    @Test("Emphasis marks go, literal asterisks and underscores stay")
    func emphasis() {
        #expect(visible("*a* **b** ***c*** _d_ __e__") == "a b c d e")
        #expect(visible("snake_case_name and 2 * 3 * 4") == "snake_case_name and 2 * 3 * 4")
        #expect(visible("*a **b** c*") == "a b c")
        #expect(visible("**unclosed and *half") == "**unclosed and *half")
        #expect(visible("foo*bar*baz") == "foobarbaz")
        #expect(visible("a ** b") == "a ** b")
    }

    @Test("Links, images, autolinks, code spans, escapes, entities and raw HTML")
    func links() {
        #expect(visible("[text](http://a.test) ![alt *x*](img.png)") == "text alt x")
        #expect(visible("[not a link] [x](<y z>)") == "[not a link] x")
        #expect(visible("`a *b* [c](d)` and ``x ` y``") == "a *b* [c](d) and x ` y")
        #expect(visible("\\*not emphasis\\* \\[x\\]") == "*not emphasis* [x]")
        #expect(visible("AT&amp;T &copy; &#8212; &#x2014; &bogus;") == "AT&T © — — &bogus;")
        #expect(visible("a <span class=\"x\">b</span> <!-- c --> d") == "a b d")
        #expect(visible("mail <me@example.com>") == "mail me@example.com")
        #expect(visible("ends with a 3 < 4 comparison") == "ends with a 3 < 4 comparison")
        #expect(visible("&#0; &#27;[31m") == "\u{FFFD} \u{FFFD}[31m")
    }

    @Test("Whitespace is collapsed and trimmed")
    func whitespace() {
        #expect(visible("  a\n  b\t\tc  ") == "a b c")
    }
}

@Suite("Parser: GitHub pipe tables")
struct PipeTableTests {
    @Test("A header, a delimiter row and body rows become one table block with its cells")
    func table() {
        let article = ArticleParser.parse("# T\n\nBefore the table.\n| Name | Value |\n|:-----|------:|\n| *alpha* | 1 |\n| [beta](https://b.example) \\| x | 2 | extra |\n| gamma |\n\nAfter.\n", fileName: "t.md")
        let kinds = article.blocks.map(\.kind)
        #expect(kinds == [.paragraph, .table, .paragraph])
        let table = article.blocks[1]
        #expect(table.rows == [["Name", "Value"], ["alpha", "1"], ["beta | x", "2"], ["gamma", ""]])
        #expect(table.line == 4)
        #expect(table.links.map(\.destination) == ["https://b.example"])
        #expect(article.blocks[0].text == "Before the table.")
    }

    @Test("Pipes without a delimiter row, or with a different cell count, stay a paragraph")
    func notTables() {
        for text in ["a | b\nc | d\n", "| a | b |\n| --- |\n", "a | b\n--- | --- | ---\n", "x\n---\n"] {
            let article = ArticleParser.parse("# T\n\n" + text, fileName: "t.md")
            #expect(!article.blocks.contains { $0.kind == .table }, "\(text)")
        }
    }
}
