import Testing
@testable import BriefCore

/// A news page as sites build them: navigation, a header, share buttons, the article, related
/// links, comments and a footer. `body` is the article's own HTML.
func newsPage(title: String = "Council Approves the New Budget - The Daily Example",
              head: String = "", body: String) -> [UInt8] {
    let html = """
    <!DOCTYPE html>
    <html lang="en-GB"><head><meta charset="utf-8">
    <title>\(title)</title>
    \(head)
    </head><body>
    <header class="site-header"><nav class="main-nav"><ul>
    <li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/business">Business</a></li>
    <li><a href="/sport">Sport</a></li><li><a href="/culture">Culture</a></li></ul></nav></header>
    <div class="share-buttons"><a href="https://share.example/fb">Share on Facebook</a> <a href="https://share.example/x">Share on X</a></div>
    <main><article class="story-body">
    \(body)
    </article></main>
    <aside class="related-links"><h3>Related</h3><ul>
    <li><a href="/a">Another story about something else entirely</a></li>
    <li><a href="/b">More stories you may like to read today</a></li></ul></aside>
    <div id="comments" class="comments"><p>First! Great article, thanks.</p><p>I disagree with all of it, as usual.</p></div>
    <footer class="site-footer"><p>© 2026 The Daily Example. All rights reserved. <a href="/privacy">Privacy</a></p></footer>
    </body></html>
    """
    return Array(html.utf8)
}

/// Paragraphs long enough, and with enough commas, to read as article text.
let storyParagraphs = """
<p>The city council approved a budget of 4.2 billion dollars on Tuesday, after a debate that lasted, by most accounts, well into the night.</p>
<p>The plan raises spending on transit by 12 percent, cuts the parks budget, and sets aside money for the repair of bridges that engineers have called unsafe.</p>
<p>Critics said the increase in transit spending, while welcome, would not cover the cost of the new lines, and that the cuts to parks would fall hardest on poorer districts.</p>
<p>The mayor, who proposed the budget in March, said the council had made the right choice, and that the city would review its spending again next year.</p>
"""

@Suite("Web pages: the article found, the boilerplate left out")
struct HTMLExtractionTests {
    @Test("The article's paragraphs are kept and navigation, share, related, comments and footer are not")
    func boilerplateRemoved() {
        let article = WebArticleParser.parse(bytes: newsPage(body: "<h1>Council Approves the New Budget</h1>" + storyParagraphs),
                                             url: "https://news.example/2026/budget")
        let texts = article.blocks.map(\.text)
        #expect(texts.count == 4)
        #expect(texts.first?.hasPrefix("The city council approved") == true)
        #expect(texts.last?.hasPrefix("The mayor, who proposed") == true)
        let all = texts.joined(separator: "\n")
        for boilerplate in ["Home", "Share on", "Related", "Another story", "First!", "All rights reserved"] {
            #expect(!all.contains(boilerplate), "\(boilerplate) leaked into the article")
        }
        #expect(article.reading == .html)
        #expect(article.language == "en-GB")
        #expect(article.url == "https://news.example/2026/budget")
    }

    @Test("The title loses the site's name and the h1 that repeats it is not a block")
    func titleCleaned() {
        let article = WebArticleParser.parse(bytes: newsPage(body: "<h1>Council Approves the New Budget</h1>" + storyParagraphs))
        #expect(article.title == "Council Approves the New Budget")
        #expect(!article.blocks.contains { $0.kind == .heading && $0.text == article.title })
    }

    @Test("A page with no title takes it from the file name")
    func titleFromFileName() {
        let page = Array(("<html><body><article>" + storyParagraphs + "</article></body></html>").utf8)
        let article = WebArticleParser.parse(bytes: page, fileName: "budget-vote.html")
        #expect(!article.title.isEmpty)
        #expect(article.blocks.count == 4)
    }

    @Test("A page with no article text gives an article with no blocks, not a crash")
    func emptyPage() {
        for page in ["", "<html></html>", "<html><body><nav><a href='/'>Home</a></nav></body></html>", "<<<>>>&&&", "\u{0}\u{0}"] {
            let article = WebArticleParser.parse(bytes: Array(page.utf8), fileName: "empty.html")
            #expect(article.blocks.allSatisfy { !$0.text.isEmpty })
            #expect(!article.title.isEmpty)
        }
    }

    @Test("A content div marked as the article wins over a longer comment thread")
    func commentsLose() {
        let comments = (1...12).map { "<p>Comment \($0): I have read this, and I think, honestly, that the council is wrong, again.</p>" }.joined()
        let page = """
        <html><head><title>Budget</title></head><body>
        <div class="article-body">\(storyParagraphs)</div>
        <div class="comment-list">\(comments)</div></body></html>
        """
        let article = WebArticleParser.parse(bytes: Array(page.utf8))
        #expect(article.blocks.first?.text.hasPrefix("The city council") == true)
        #expect(!article.blocks.contains { $0.text.hasPrefix("Comment") })
    }
}

@Suite("Web pages: each element becomes Brief's own block")
struct HTMLMappingTests {
    func blocks(_ body: String, url: String = "https://news.example/world/story.html") -> [Block] {
        WebArticleParser.parse(bytes: newsPage(body: storyParagraphs + body), url: url).blocks.dropFirst(4).map { $0 }
    }

    @Test("h2–h6 are sections with their level; an h1 inside the article becomes a level-2 section")
    func headings() {
        let found = blocks("<h2>What happens next</h2><p>The budget now goes to the state, which must approve it, as the law requires, by June.</p><h3>Transit</h3><p>Transit lines open in 2027, the agency said, if the money arrives, and the contracts are signed.</p>")
        #expect(found.filter { $0.kind == .heading }.map(\.text) == ["What happens next", "Transit"])
        #expect(found.filter { $0.kind == .heading }.map(\.level) == [2, 3])
    }

    @Test("Lists are bullets with depth, ordered lists keep their numbers (and a start attribute)")
    func lists() {
        let found = blocks("<ul><li>Transit, up 12 percent</li><li>Parks, down 8 percent<ul><li>Playgrounds closed</li></ul></li></ul><ol start=\"3\"><li>Third step</li><li>Fourth step</li></ol>")
        let bullets = found.filter { $0.kind == .bullet }
        #expect(bullets.map(\.text) == ["Transit, up 12 percent", "Parks, down 8 percent", "Playgrounds closed", "Third step", "Fourth step"])
        #expect(bullets.map(\.level) == [1, 1, 2, 1, 1])
        #expect(bullets.map(\.marker) == [nil, nil, nil, "3.", "4."])
    }

    @Test("Blockquotes are quotes, pre is code with its language, br breaks nothing it should not")
    func quotesAndCode() {
        let found = blocks("<blockquote><p>We made the right choice, and we will review it next year.</p></blockquote><pre><code class=\"language-python\">total = 4.2e9\nprint(total)\n</code></pre>")
        let quote = found.first { $0.kind == .quote }
        #expect(quote?.text == "We made the right choice, and we will review it next year.")
        #expect(quote?.level == 1)
        let code = found.first { $0.kind == .code }
        #expect(code?.text == "total = 4.2e9\nprint(total)")
        #expect(code?.info == "python")
    }

    @Test("A data table keeps its rows and cells, and its caption as a paragraph")
    func tables() {
        let found = blocks("<table><caption>Spending by department</caption><thead><tr><th>Department</th><th>2025</th><th>2026</th></tr></thead><tbody><tr><td>Transit</td><td>1.1</td><td>1.23</td></tr><tr><td>Parks</td><td>0.4</td><td>0.37</td></tr></tbody></table>")
        let table = found.first { $0.kind == .table }
        #expect(table?.rows == [["Department", "2025", "2026"], ["Transit", "1.1", "1.23"], ["Parks", "0.4", "0.37"]])
        #expect(table?.text == "Department | 2025 | 2026\nTransit | 1.1 | 1.23\nParks | 0.4 | 0.37")
        #expect(found.contains { $0.kind == .paragraph && $0.text == "Spending by department" })
    }

    @Test("A layout table's text is read as paragraphs, not as a grid")
    func layoutTable() {
        let found = blocks("<table><tr><td><p>The council will meet again in May, when it will, as promised, review the transit plan.</p></td></tr></table>")
        #expect(!found.contains { $0.kind == .table })
        #expect(found.contains { $0.kind == .paragraph && $0.text.hasPrefix("The council will meet again") })
    }

    @Test("Figure captions are kept; images give their alt text, but not a file name")
    func figures() {
        let found = blocks("<figure><img src=\"bridge.jpg\" alt=\"bridge.jpg\"><figcaption>The Elm Street bridge, closed since May.</figcaption></figure><p><img src=\"x.png\" alt=\"A map of the new lines\"> The new lines, shown above, run north, south, and to the airport.</p>")
        #expect(found.contains { $0.text == "The Elm Street bridge, closed since May." })
        #expect(!found.contains { $0.text.contains("bridge.jpg") })
        #expect(found.contains { $0.text.hasPrefix("A map of the new lines The new lines") })

        // A divider 2 px high says "line"; that is not the article's.
        let divided = blocks("<figure><img src=\"rule.jpg\" alt=\"line\" height=\"2\" width=\"464\"></figure><p>After the rule, the story goes on, as stories do, to the end.</p>")
        #expect(!divided.contains { $0.text == "line" || $0.text.hasPrefix("line ") })
    }

    @Test("Links keep their text and an absolute target resolved against the page (or its <base>)")
    func links() {
        let found = blocks("<p>Read <a href=\"../docs/budget.pdf\">the full budget</a> or <a href=\"https://other.example/x\">the review</a>, and the <a href=\"#top\">summary</a>, by <a href=\"javascript:alert(1)\">script</a>.</p>")
        let links = found.first { $0.text.hasPrefix("Read the full budget") }?.links ?? []
        #expect(links.map(\.text) == ["the full budget", "the review", "summary"])
        #expect(links.map(\.destination) == ["https://news.example/docs/budget.pdf", "https://other.example/x",
                                             "https://news.example/world/story.html#top"])

        let based = WebArticleParser.parse(bytes: newsPage(head: "<base href=\"https://cdn.example/base/\">",
                                                           body: storyParagraphs + "<p>See <a href=\"chart.html\">the chart</a> for the numbers, by district, and by year.</p>"),
                                           url: "https://news.example/story").blocks
        #expect(based.last?.links.first?.destination == "https://cdn.example/base/chart.html")
    }

    @Test("White space between inline elements is a space; between blocks it is layout; in pre it is kept")
    func layoutWhitespace() {
        let found = blocks("""
            <p><b>Bold</b> <i>italic</i>\n<a href="/x">link</a> and the council said it would decide, after a long night, on Tuesday.</p>
            <div>
              <p>The second paragraph, in a div, with its own layout around it, says more about the budget.</p>
            </div>
            <pre>  indented
                deeper

            after a blank line</pre>
            """)
        #expect(found.first?.text.hasPrefix("Bold italic link and the council") == true)
        #expect(found.contains { $0.text == "The second paragraph, in a div, with its own layout around it, says more about the budget." })
        let code = found.first { $0.kind == .code }
        #expect(code?.text == "  indented\n    deeper\n\nafter a blank line")

        // Parsing keeps no node for white space between blocks, and keeps it beside inline ones.
        let page = HTMLParser.parse(utf8: Array("<body>\n <div>\n <p>a</p>\n <p><b>x</b> <i>y</i></p>\n</div>\n</body>".utf8))
        var texts: [String] = []
        var todo = [page.root]
        while let node = todo.popLast() {
            if node.isText { texts.append(node.text) }
            todo += node.children
        }
        #expect(texts.sorted() == [" ", "a", "x", "y"])
    }

    @Test("Entities are decoded and whitespace collapsed; script, style and hidden forms leave nothing")
    func textCleaning() {
        let found = blocks("<p>Caf&eacute; &amp; bar&nbsp;owners, &#8220;quoted&#8221;,\n   said   so.</p><script>var leak = 'script text';</script><style>.x{color:red}</style><noscript>Enable JavaScript</noscript><template><p>template text</p></template>")
        #expect(found.contains { $0.text == "Café & bar\u{A0}owners, “quoted”, said so." })  // a no-break space stays one
        let all = found.map(\.text).joined()
        #expect(!all.contains("script text") && !all.contains("color:red") && !all.contains("Enable JavaScript") && !all.contains("template text"))
    }

    @Test("A block's line is the line of its element in the HTML, for notes to anchor to")
    func lines() {
        let page = "<html><head><title>T</title></head><body>\n<article>\n" + storyParagraphs + "\n</article></body></html>"
        let article = WebArticleParser.parse(bytes: Array(page.utf8))
        #expect(article.blocks.map(\.line) == [3, 4, 5, 6])
    }
}

@Suite("Web pages: title, byline, date, site and language from the page's metadata")
struct HTMLMetadataTests {
    @Test("Open Graph and article meta tags")
    func openGraph() {
        let head = """
        <meta property="og:title" content="Council approves $4.2bn budget">
        <meta property="og:site_name" content="The Daily Example">
        <meta name="author" content="Jane Smith">
        <meta property="article:published_time" content="2026-03-04T18:30:00+01:00">
        <link rel="canonical" href="https://news.example/budget">
        """
        let article = WebArticleParser.parse(bytes: newsPage(head: head, body: storyParagraphs), url: "https://news.example/budget?utm=1")
        #expect(article.title == "Council approves $4.2bn budget")
        #expect(article.site == "The Daily Example")
        #expect(article.byline == "Jane Smith")
        #expect(article.published == "2026-03-04T17:30:00Z")
        #expect(article.url == "https://news.example/budget")
    }

    @Test("JSON-LD NewsArticle: headline, author objects and date")
    func jsonLD() {
        let head = """
        <script type="application/ld+json">
        {"@context":"https://schema.example","@graph":[{"@type":"WebSite","name":"Example"},
         {"@type":"NewsArticle","headline":"Bridges to be repaired","datePublished":"2026-05-01",
          "author":[{"@type":"Person","name":"Ana Lima"},{"@type":"Person","name":"Tom Okafor"}],
          "publisher":{"@type":"Organization","name":"Example News"}}]}
        </script>
        """
        let article = WebArticleParser.parse(bytes: newsPage(title: "Bridges | Example", head: head, body: storyParagraphs))
        #expect(article.title == "Bridges to be repaired")
        #expect(article.byline?.contains("Ana Lima") == true)
        #expect(article.byline?.contains("Tom Okafor") == true)
        #expect(article.published?.hasPrefix("2026-05-01") == true)
    }

    @Test("Broken JSON-LD is ignored, not fatal")
    func brokenJSONLD() {
        let head = "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": </script>"
        let article = WebArticleParser.parse(bytes: newsPage(head: head, body: storyParagraphs))
        #expect(article.title == "Council Approves the New Budget")
        #expect(article.blocks.count == 4)
    }

    @Test("A byline in the page (rel=author, class byline) when the head names none")
    func bylineInPage() {
        let article = WebArticleParser.parse(bytes: newsPage(body: "<p class=\"byline\">By <a rel=\"author\" href=\"/p/jo\">Jo Park</a></p>" + storyParagraphs))
        #expect(article.byline?.contains("Jo Park") == true)
        #expect(!article.blocks.contains { $0.text.contains("Jo Park") })
    }

    @Test("Dates are normalised to ISO-8601 UTC; nonsense is dropped")
    func dates() {
        #expect(ISODate.normalize("2026-03-04T18:30:00+01:00") == "2026-03-04T17:30:00Z")
        #expect(ISODate.normalize("2026-03-04T18:30:00Z") == "2026-03-04T18:30:00Z")
        #expect(ISODate.normalize("2026-03-04")?.hasPrefix("2026-03-04") == true)
        #expect(ISODate.normalize("yesterday") == nil)
        #expect(ISODate.normalize("") == nil)
    }

    @Test("Links resolve as a browser would; script and data targets are refused")
    func linkResolution() {
        #expect(WebLink.resolve("b.html", against: "https://x.example/a/c.html") == "https://x.example/a/b.html")
        #expect(WebLink.resolve("/root", against: "https://x.example/a/c.html") == "https://x.example/root")
        #expect(WebLink.resolve("//cdn.example/y", against: "https://x.example/") == "https://cdn.example/y")
        #expect(WebLink.resolve("mailto:desk@x.example", against: "https://x.example/") == "mailto:desk@x.example")
        #expect(WebLink.resolve("javascript:alert(1)", against: "https://x.example/") == nil)
        #expect(WebLink.resolve("data:text/html,<b>x</b>", against: "https://x.example/") == nil)
    }
}

@Suite("Web pages: the charset from the header, a BOM or <meta>, and never mojibake")
struct HTMLCharsetTests {
    func text(_ bytes: [UInt8], declared: String? = nil) -> String {
        String(decoding: PageDecoding.utf8(bytes, declared: declared).bytes, as: UTF8.self)
    }

    @Test("A Latin-1 page declared in <meta charset>")
    func metaCharset() {
        let bytes = Array("<html><head><meta charset=\"iso-8859-1\"></head><body>caf".utf8) + [0xE9] + Array("</body></html>".utf8)
        #expect(text(bytes).contains("café"))
        #expect(PageDecoding.utf8(bytes).charset == "windows-1252")  // as WHATWG maps latin1
    }

    @Test("http-equiv Content-Type, windows-1251 Cyrillic")
    func httpEquiv() {
        let bytes = Array("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"><p>".utf8) + [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2]
        #expect(text(bytes).contains("Привет"))
    }

    @Test("The HTTP header wins over <meta>; a BOM wins over both")
    func precedence() {
        let latin = Array("<meta charset=\"utf-8\"><p>".utf8) + [0xE9, 0xE9]
        #expect(text(latin, declared: "iso-8859-1").contains("éé"))
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("<meta charset=\"iso-8859-1\"><p>é".utf8)
        #expect(text(bom, declared: "iso-8859-1").hasSuffix("<p>é"))
    }

    @Test("Shift_JIS, GBK and UTF-16 pages")
    func eastAsian() {
        let sjis = Array("<meta charset=\"shift_jis\"><p>".utf8) + [0x93, 0xFA, 0x96, 0x7B]  // 日本
        #expect(text(sjis).hasSuffix("日本"))
        let gbk = Array("<meta charset=\"gb2312\"><p>".utf8) + [0xD6, 0xD0, 0xCE, 0xC4]  // 中文
        #expect(text(gbk).hasSuffix("中文"))
        let utf16: [UInt8] = [0xFF, 0xFE] + Array("<p>hé".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(text(utf16).hasSuffix("<p>hé"))
    }

    @Test("Valid UTF-8 wins over a wrong legacy declaration; an unknown charset falls back without failing")
    func wrongDeclaration() {
        let bytes = Array("<meta charset=\"iso-8859-1\"><p>café — “quoted”".utf8)
        #expect(text(bytes).hasSuffix("café — “quoted”"))
        let unknown = Array("<meta charset=\"x-no-such-charset\"><p>plain é".utf8)
        #expect(text(unknown).hasSuffix("plain é"))
        let invalid: [UInt8] = Array("<p>bad ".utf8) + [0xFF, 0xC3] + Array(" end".utf8)
        #expect(text(invalid).hasSuffix(" end"))
    }
}

@Suite("Web pages: hostile and broken HTML")
struct HTMLHostileTests {
    @Test("Control sequences in text, attributes and entities never reach the model")
    func controlBytes() {
        let body = "<p>Evil \u{1B}]52;c;cm0gLXJmIH4K\u{07} text &#27;[2J and &#x9b;31m more, to make it long enough, with commas, and words.</p>" + storyParagraphs
        let page = newsPage(title: "Title \u{1B}[31mred", body: body)
        let article = WebArticleParser.parse(bytes: page)
        let everything = article.title + article.blocks.map(\.text).joined() + article.blocks.flatMap(\.links).map(\.destination).joined()
        #expect(!everything.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) })
    }

    @Test("Unclosed tags, stray end tags and misnested inline markup are recovered")
    func brokenMarkup() {
        let page = "<html><head><title>Broken</title><body><div class=article><p>The first paragraph has no end tag, as old pages often do, and runs on.<p>The second <b>bold <i>and</b> italic</i> paragraph, also long enough to count, follows it.</div></span></td><p>The third, after stray tags, still belongs to the story, as a reader would expect."
        let article = WebArticleParser.parse(bytes: Array(page.utf8))
        #expect(article.blocks.count >= 2)
        #expect(article.blocks.contains { $0.text.hasPrefix("The second bold and italic paragraph") })
    }

    @Test("Very deep nesting is survived and its text kept")
    func deepNesting() {
        let depth = 20_000
        let page = "<html><body>" + String(repeating: "<div>", count: depth) + "<p>Deep text, at the bottom, of twenty thousand divs, is still a paragraph here.</p>" + String(repeating: "</div>", count: depth) + "</body></html>"
        let article = WebArticleParser.parse(bytes: Array(page.utf8), fileName: "deep.html")
        #expect(article.blocks.contains { $0.text.contains("Deep text") })
    }

    @Test("Binary noise parses to something without a crash")
    func noise() {
        var generator = SplitMix(seed: 17)
        for _ in 0..<50 {
            let bytes = (0..<2_000).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            let article = WebArticleParser.parse(bytes: Array("<html><body>".utf8) + bytes, fileName: "noise.html")
            #expect(!article.title.isEmpty)
        }
    }
}

@Suite("Web pages: extract as text, Markdown and JSON")
struct HTMLFormatTests {
    let article = WebArticleParser.parse(
        bytes: newsPage(head: "<meta name=\"author\" content=\"Jane Smith\"><meta property=\"article:published_time\" content=\"2026-03-04T10:00:00Z\">",
                        body: storyParagraphs + """
                        <h2>What next</h2><ul><li>State approval, by June</li><li>Review next year</li></ul>
                        <blockquote><p>We made the right choice.</p></blockquote>
                        <p>See <a href="/docs/budget [final].pdf">the *full* budget</a> for details, by department.</p>
                        <p># not a heading, 1. not a list</p>
                        <table><tr><th>Dept</th><th>2026</th></tr><tr><td>Transit | rail</td><td>1.23</td></tr></table>
                        <pre><code>a = 1</code></pre>
                        """),
        url: "https://news.example/budget")

    @Test("Text: title, byline and date line, paragraphs separated by blank lines, bullets and quotes")
    func text() {
        let text = ArticleText.text(article)
        #expect(text.hasPrefix("Council Approves the New Budget\n"))
        #expect(text.contains("Jane Smith"))
        #expect(text.contains("2026-03-04"))
        #expect(text.contains("\n\nThe city council approved a budget"))
        #expect(text.contains("• State approval, by June") || text.contains("- State approval, by June"))
        #expect(text.contains("We made the right choice."))
    }

    @Test("Markdown parses back into the same outline")
    func markdownRoundTrip() {
        let markdown = ArticleText.markdown(article)
        let reparsed = ArticleParser.parse(markdown, fileName: "x.md")
        #expect(reparsed.title == article.title)
        let original = article.blocks.map { "\($0.kind) \($0.level) \($0.text)" }
        let back = reparsed.blocks.map { "\($0.kind) \($0.level) \($0.text)" }
        #expect(back == original)
        let link = reparsed.blocks.flatMap(\.links).first
        #expect(link?.destination.hasPrefix("https://news.example/docs/budget") == true)
    }

    @Test("JSON has the documented keys and one paragraph a line in text")
    func json() throws {
        var bytes: [UInt8] = []
        ArticleText.json(article, source: "https://news.example/budget") { bytes += $0 }
        let line = String(decoding: bytes, as: UTF8.self)
        #expect(line.hasSuffix("\n"))
        #expect(line.filter { $0 == "\n" }.count == 1)
        for key in ["\"source\":", "\"url\":", "\"title\":", "\"byline\":", "\"published\":", "\"site\":", "\"lang\":", "\"text\":", "\"words\":"] {
            #expect(line.contains(key), "missing \(key)")
        }
        #expect(line.contains("\"published\":\"2026-03-04T10:00:00Z\""))
        #expect(line.contains("budget of 4.2 billion dollars on Tuesday, after a debate that lasted, by most accounts, well into the night.\\nThe plan raises"))
    }
}

@Suite("Web pages: what is a web page")
struct HTMLSniffTests {
    @Test("By extension, or by content that starts as HTML does")
    func sniff() {
        #expect(WebArticleParser.isHTML(Array("plain".utf8), fileName: "a.html"))
        #expect(WebArticleParser.isHTML(Array("plain".utf8), fileName: "A.HTM"))
        #expect(WebArticleParser.isHTML(Array("  <!DOCTYPE html><p>".utf8), fileName: "a.txt"))
        #expect(WebArticleParser.isHTML([0xEF, 0xBB, 0xBF] + Array("<html>".utf8), fileName: nil))
        #expect(WebArticleParser.isHTML(Array("<!-- saved --><html>".utf8), fileName: "page"))
        #expect(!WebArticleParser.isHTML(Array("# Title\n\n<p>inline html in markdown</p>".utf8), fileName: "a.md"))
        #expect(!WebArticleParser.isHTML(Array("Plain text news.".utf8), fileName: "a.txt"))
    }

    @Test("ArticleParser sends HTML to the web page parser and Markdown to its own")
    func dispatch() {
        let html = ArticleParser.parse(String(decoding: newsPage(body: storyParagraphs), as: UTF8.self), fileName: "story.html")
        #expect(html.reading == .html)
        #expect(html.blocks.count == 4)
    }
}

/// A small deterministic generator, so noise tests repeat.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
