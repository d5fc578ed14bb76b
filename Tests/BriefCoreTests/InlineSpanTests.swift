import Testing
@testable import BriefCore

/// The text each span covers, with its kind: what the reader will style.
func styled(_ text: String, _ spans: [InlineSpan]) -> [String] {
    let bytes = Array(text.utf8)
    return spans.map { span in
        let covered = String(decoding: bytes[span.range], as: UTF8.self)
        switch span.kind {
        case .emphasis: return "em:" + covered
        case .strong: return "strong:" + covered
        case .code: return "code:" + covered
        case .strikethrough: return "del:" + covered
        case .link(let index): return "link\(index):" + covered
        }
    }
}

@Suite("Inline spans: where emphasis, strong, code, strikethrough and links are in the visible text")
struct InlineSpanTests {
    func parse(_ s: String, references: [String: String] = [:]) -> InlineParser.Output {
        InlineParser.parse(Array(s.utf8), references: references)
    }

    func spans(_ s: String) -> [String] {
        let output = parse(s)
        return styled(output.text, output.spans)
    }

    @Test("Each kind covers exactly its visible inner text")
    func eachKind() {
        let output = parse("An *em* and **strong**, `code`, ~~gone~~ and [a link](https://a.example).")
        #expect(output.text == "An em and strong, code, gone and a link.")
        #expect(styled(output.text, output.spans) == ["em:em", "strong:strong", "code:code", "del:gone", "link0:a link"])
        #expect(spans("_under_ and __double__") == ["em:under", "strong:double"])
        #expect(spans("mail <me@example.com> or <https://b.example/x>") == ["link0:me@example.com", "link1:https://b.example/x"])
    }

    @Test("Spans nest: strong around emphasis, strong inside a link, both on one word")
    func nesting() {
        let output = parse("**bold *both* bold**")
        #expect(output.text == "bold both bold")
        #expect(styled(output.text, output.spans) == ["strong:bold both bold", "em:both"])
        let link = parse("[**x**](u) and *[y](v)*")
        #expect(link.text == "x and y")
        #expect(styled(link.text, link.spans) == ["link0:x", "strong:x", "em:y", "link1:y"])
        #expect(link.links.map(\.destination) == ["u", "v"])
        #expect(spans("***c***") == ["em:c", "strong:c"])
    }

    @Test("Ranges stay exact after collapsed whitespace, entities, escapes and multi-byte text")
    func offsets() {
        #expect(spans("a  \n  *b*") == ["em:b"])
        #expect(spans("  lead   *b*  ") == ["em:b"])
        #expect(spans("AT&amp;T &copy; *c* \\* \\[x\\] **d**") == ["em:c", "strong:d"])
        #expect(spans("Zürich — 東京 *é* `ü`") == ["em:é", "code:ü"])
        #expect(spans("*a \n b*") == ["em:a b"])
        #expect(spans("`  spaced  `") == ["code:spaced"])
    }

    @Test("No emphasis inside a code span; literal asterisks make no span")
    func codeSpan() {
        #expect(spans("`a *b* c` and 2 * 3") == ["code:a *b* c"])
        #expect(spans("snake_case_name") == [])
        #expect(parse("plain text, no syntax").spans.isEmpty)
    }

    @Test("Strikethrough follows GFM: one or two tildes, matched in kind and length")
    func strikethrough() {
        #expect(parse("~~a~~").text == "a")
        #expect(spans("~~a~~") == ["del:a"])
        #expect(spans("~one~ tilde") == ["del:one"])
        #expect(parse("~~a").text == "~~a")
        #expect(parse("~~a").spans.isEmpty)
        #expect(parse("a~~b~~c").text == "abc")
        #expect(spans("a~~b~~c") == ["del:b"])
        #expect(parse("~~~three~~~").text == "~~~three~~~")
        #expect(parse("~~a~").text == "~~a~")
        #expect(parse("~~ a ~~").text == "~~ a ~~")
        #expect(parse("\\~\\~not\\~\\~").text == "~~not~~")
        #expect(parse("about ~5% or ~ 6").text == "about ~5% or ~ 6")
        // Tildes and asterisks do not close each other.
        #expect(parse("~a*").text == "~a*")
        let mixed = parse("~~struck *and em*~~")
        #expect(mixed.text == "struck and em")
        #expect(styled(mixed.text, mixed.spans) == ["del:struck and em", "em:and em"])
    }

    @Test("Link spans point at their entry in the links, images have none")
    func linkIndices() {
        let output = parse("![pic](p.png) [one](1) [two][ref] [ref] <https://c.example>", references: ["ref": "https://r.example"])
        #expect(output.text == "pic one two ref https://c.example")
        #expect(output.links.map(\.destination) == ["p.png", "1", "https://r.example", "https://r.example", "https://c.example"])
        #expect(styled(output.text, output.spans) == ["link1:one", "link2:two", "link3:ref", "link4:https://c.example"])
        for span in output.spans {
            guard case .link(let index) = span.kind else { continue }
            #expect(String(decoding: Array(output.text.utf8)[span.range], as: UTF8.self) == output.links[index].text)
        }
        let nested = parse("[![alt](i.png) caption](u)")
        #expect(nested.text == "alt caption")
        #expect(styled(nested.text, nested.spans) == ["link1:alt caption"])
        #expect(nested.links.map(\.destination) == ["i.png", "u"])
    }

    @Test("Blocks carry their spans; a stripped bullet glyph moves them")
    func blocks() {
        let article = ArticleParser.parse("# T\n\nSome *em* here.\n\n## A `code` heading\n\n- •Bullet with **strong**\n", fileName: "s.md")
        let found = article.blocks.map { styled($0.text, $0.spans) }
        #expect(found == [["em:em"], ["code:code"], ["strong:strong"]])
        #expect(article.blocks[2].text == "Bullet with strong")
    }
}

@Suite("Parser: GitHub pipe table alignment and cells")
struct PipeTableAlignmentTests {
    func table(_ text: String) -> Block? {
        ArticleParser.parse("# T\n\n" + text, fileName: "t.md").blocks.first { $0.kind == .table }
    }

    @Test("The delimiter row gives each column's alignment")
    func alignments() {
        let found = table("| a | b | c | d |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |\n")
        #expect(found?.columnAlignments == [.left, .center, .right, .none])
        #expect(table("a | b\n:---: | -\n")?.columnAlignments == [.center, .none])
        #expect(ArticleParser.parse("# T\n\nplain\n", fileName: "t.md").blocks[0].columnAlignments == [])
    }

    @Test("Escaped pipes, code spans, short and long rows, optional outer pipes")
    func cells() {
        #expect(table("| a | b |\n| - | - |\n| x \\| y | z |\n")?.rows == [["a", "b"], ["x | y", "z"]])
        // An escaped pipe inside a code span is a pipe in the code (GFM).
        #expect(table("| a | b |\n| - | - |\n| `x \\| y` | z |\n")?.rows == [["a", "b"], ["x | y", "z"]])
        // An unescaped pipe splits the cell even inside backticks, as GitHub does.
        #expect(table("| a | b |\n| - | - |\n| `x | y` |\n")?.rows == [["a", "b"], ["`x", "y`"]])
        #expect(table("| a | b |\n| - | - |\n| only |\n| 1 | 2 | 3 |\n")?.rows == [["a", "b"], ["only", ""], ["1", "2"]])
        #expect(table("a | b\n--- | ---\n1 | 2\n")?.rows == [["a", "b"], ["1", "2"]])
        #expect(table("| a | b\n--- | ---\n1 | 2 |\n")?.rows == [["a", "b"], ["1", "2"]])
        // A trailing escaped backslash before the last pipe: the pipe still closes the row.
        #expect(table("| a | b |\n| - | - |\n| 1 | 2 \\\\|\n")?.rows == [["a", "b"], ["1", "2 \\"]])
        #expect(table("| *em* | [l](u) |\n| - | - |\n")?.rows == [["em", "l"]])
    }
}
