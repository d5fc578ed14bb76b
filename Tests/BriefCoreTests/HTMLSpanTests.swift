import Testing
@testable import BriefCore

@Suite("Web pages: inline styles, links, anchors and table alignment")
struct HTMLSpanTests {
    func blocks(_ body: String) -> [Block] {
        WebArticleParser.parse(bytes: newsPage(body: storyParagraphs + body), url: "https://news.example/world/story.html")
            .blocks.dropFirst(4).map { $0 }
    }

    @Test("em/i, strong/b, code/kbd/samp/tt, del/s/strike and links become spans of the collapsed text")
    func styles() throws {
        let found = blocks("<p>  An <em>em</em>, <i>i</i>,\n   <strong> strong</strong>, <b>b</b>, <code>x = 1</code>, <kbd>Ctrl</kbd>, <samp>out</samp>, <tt>tt</tt>, <del>del</del>, <s>s</s>, <strike>old</strike> and <a href=\"/more\">a <b>bold</b> link</a>, as the council said in its statement.</p>")
        let block = try #require(found.first)
        #expect(block.text == "An em, i, strong, b, x = 1, Ctrl, out, tt, del, s, old and a bold link, as the council said in its statement.")
        #expect(styled(block.text, block.spans) == [
            "em:em", "em:i", "strong:strong", "strong:b", "code:x = 1", "code:Ctrl", "code:out", "code:tt",
            "del:del", "del:s", "del:old", "link0:a bold link", "strong:bold",
        ])
        #expect(block.links == [Link(text: "a bold link", destination: "https://news.example/more")])
    }

    @Test("Entities and multi-byte text before a span keep its range exact; an empty element has none")
    func offsets() throws {
        let found = blocks("<p>AT&amp;T — Zürich &lt;b&gt; <em>é</em> <strong> </strong> <a href=\"https://x.example\"><img src=\"a.png\"></a> and the rest, said the council, of the statement.</p>")
        let block = try #require(found.first)
        #expect(styled(block.text, block.spans) == ["em:é"])
    }

    @Test("Spans in bullets, quotes and headings; a link in a heading")
    func blocksOfEveryKind() {
        let found = blocks("<h2 id=\"next\">What <em>happens</em> <a href=\"#x\">next</a></h2><ul><li>One <code>code</code> item</li></ul><blockquote><p>A <b>quoted</b> word.</p></blockquote>")
        #expect(found.map { styled($0.text, $0.spans) } == [["em:happens", "link0:next"], ["code:code"], ["strong:quoted"]])
        #expect(found[0].text == "What happens next")
        #expect(found[0].kind == .heading)
        #expect(found[0].links.first?.destination == "https://news.example/world/story.html#x")
    }

    @Test("A block cut by a block element inside an inline one keeps the rest of the span")
    func cutSpan() {
        let found = blocks("<div><em>Before <div>inside</div> after</em></div>")
        #expect(found.map { styled($0.text, $0.spans) } == [["em:Before"], ["em:inside"], ["em:after"]])
    }

    @Test("Anchors: a heading's id, a block's id, an <a id> or <a name> at its start")
    func anchors() {
        let found = blocks("""
        <h2 id="next">What happens next</h2>
        <p id="first">A paragraph with its own id, as the council wrote in the statement.</p>
        <p><a name="named"></a>A paragraph named by an empty anchor at its start.</p>
        <p><a id="linked" href="/x">Linked</a> text at the start of a paragraph.</p>
        <p>No anchor here, though <a id="late">one</a> is inside.</p>
        <section id="outer"><h3 id="inner">Inner wins</h3></section>
        <section id="sec"><h3>Section's id</h3></section>
        <div id="wrap"><p>Inside a wrapper with an id, as the council said.</p><p>And a second paragraph in it.</p></div>
        <pre id="code">let x = 1</pre>
        """)
        #expect(found.map(\.anchor) == ["next", "first", "named", "linked", nil, "inner", "sec", "wrap", nil, "code"])
    }

    @Test("Markdown and text have no anchors")
    func markdownAnchors() {
        let article = ArticleParser.parse("# T\n\n## Heading\n\nText.\n", fileName: "a.md")
        #expect(article.blocks.allSatisfy { $0.anchor == nil })
    }

    @Test("Table alignment from align or text-align on the first row's cells, else none")
    func tableAlignment() throws {
        let found = blocks("""
        <table><tr><th align="left">Dept</th><th style="width: 4em; text-align: center !important">2025</th><th ALIGN="RIGHT">2026</th><th>Note</th></tr>
        <tr><td>Transit</td><td>1.1</td><td>1.23</td><td>up</td></tr><tr><td>Parks</td><td>0.4</td><td>0.37</td><td>down</td><td>extra</td></tr></table>
        """)
        let table = try #require(found.first { $0.kind == .table })
        #expect(table.columnAlignments == [.left, .center, .right, .none, .none])
        let plain = blocks("<table><tr><td>A</td><td>B</td></tr><tr><td>1</td><td>2</td></tr></table>")
        #expect(plain.first { $0.kind == .table }?.columnAlignments == [.none, .none])
        let byRow = blocks("<table><tr align=\"center\"><td>A</td><td style=\"text-align:right\">B</td></tr><tr><td>1</td><td>2</td></tr></table>")
        #expect(byRow.first { $0.kind == .table }?.columnAlignments == [.center, .right])
    }

    @Test("Markdown export writes the alignment row")
    func markdownAlignment() {
        let block = Block(kind: .table, text: "a | b | c", line: 1, rows: [["a", "b", "c"]], columnAlignments: [.left, .center, .right])
        let article = Article(title: "T", reading: .html, blocks: [block])
        #expect(ArticleText.markdown(article).contains("| :-- | :-: | --: |"))
        let back = ArticleParser.parse(ArticleText.markdown(article), fileName: "t.md")
        #expect(back.blocks.first?.columnAlignments == [.left, .center, .right])
    }
}
