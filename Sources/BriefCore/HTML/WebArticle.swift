/// A web page read as an article: the page decoded, parsed by libxml2, its article found by
/// `ContentExtractor` and mapped into Brief's own blocks — `h2`–`h6` sections, paragraphs,
/// bullets, quotes, code, tables with their cells, figure captions, links made absolute,
/// images as their alt text. A block's line is the line of its element in the HTML, so
/// notes anchor as they do in a text file.
public enum WebArticleParser {
    /// `url` is where the page came from (relative links resolve against it); `charset` is
    /// the one the HTTP header gave, if any.
    public static func parse(bytes: [UInt8], url: String? = nil, charset: String? = nil,
                             fileName: String? = nil) -> Article {
        let decoded = PageDecoding.utf8(bytes, declared: charset)
        let page = HTMLParser.parse(utf8: decoded.bytes)
        let metadata = MetadataReader.read(page, url: url)
        var extractor = ContentExtractor(title: metadata.title ?? "")
        let content = extractor.extract(from: page.root, reparse: { HTMLParser.parse(utf8: decoded.bytes).root })
        var writer = BlockWriter(base: metadata.baseURL)
        if let content { writer.write(content) }
        var title = metadata.title ?? ""
        if title.isEmpty {
            title = ArticleParser.fallbackTitle(writer.blocks, fileName: fileName ?? url)
        }
        var article = Article(title: title, byline: metadata.byline ?? extractor.byline.flatMap(MetadataReader.nonEmpty),
                              dateline: metadata.published, reading: .html, blocks: writer.blocks)
        article.url = metadata.canonicalURL ?? url
        article.site = metadata.site
        article.language = metadata.language
        article.published = metadata.published
        return article
    }

    /// Whether bytes read from a file of this name are a web page: `.html`/`.htm`/`.xhtml`,
    /// or content that starts as HTML does (a doctype, `<html>` or `<head>`).
    public static func isHTML(_ bytes: some Collection<UInt8>, fileName: String?) -> Bool {
        if let ext = fileName.flatMap(ArticleParser.fileExtension), ["html", "htm", "xhtml", "shtml"].contains(ext) {
            return true
        }
        var head = Array(bytes.prefix(512))
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { head.removeFirst(3) }
        let start = head.firstIndex { !TextMeasure.isSpace($0) } ?? head.endIndex
        let text = String(decoding: head[start...].prefix(16), as: UTF8.self).lowercased()
        return text.hasPrefix("<!doctype html") || text.hasPrefix("<html") || text.hasPrefix("<head")
            || (text.hasPrefix("<!--") && String(decoding: head, as: UTF8.self).lowercased().contains("<html"))
    }
}

/// Walks the extracted content and writes Brief's blocks.
struct BlockWriter {
    private(set) var blocks: [Block] = []
    let base: String?

    private struct Context {
        var listDepth = 0
        var quoteDepth = 0
        /// The marker of the list item whose first text has not been written yet.
        var pendingItem: String?
    }

    private var run: [UInt8] = []
    private var runLinks: [Link] = []
    /// Styles and links of the run, in its raw bytes (collapsed with it in `flush`).
    private var runSpans: [RawSpan] = []
    /// The styled elements still open, with where they started in the run: a block inside
    /// one ends the run, and the style goes on in the next.
    private var openStyles: [(kind: InlineSpan.Kind, start: Int)] = []
    private var runLine = 0
    /// Counts the runs written, so that an inline element that a block inside it cut in two
    /// knows its start is gone.
    private var runNumber = 0
    /// The `id` met where no text has been gathered yet: the anchor of the next block written.
    private var pendingAnchor: String?
    /// While inside a heading: its level (what inside would end a block is taken as inline).
    private var headingLevel: Int?
    private var context = Context()

    init(base: String?) { self.base = base }

    /// Writes the blocks of `node`, releasing each part of the tree once it is written: the
    /// tree of a large page is then never held beside all of its blocks.
    mutating func write(_ node: HTMLNode) {
        consuming = true
        walk(node)
        flush()
    }

    private var consuming = false

    private static let containers: Set<String> = [
        "div", "section", "article", "main", "header", "footer", "aside", "nav", "body", "html", "form", "fieldset",
        "center", "details", "summary", "address", "hgroup", "tbody", "thead", "tfoot", "tr", "td", "th", "dl",
        "figure", "picture", "#document",
    ]

    private mutating func walk(_ node: HTMLNode) {
        guard consuming else {
            for child in node.children { write(child: child) }
            return
        }
        // Taken out of the tree and released one by one as each is written.
        var children = node.children
        node.children = []
        children.reverse()
        while let child = children.popLast() { write(child: child) }
    }

    private mutating func write(child: HTMLNode) {
        if child.isText {
            append(child.text, line: child.line)
            return
        }
        defer { if consuming { child.children = [] } }
        if headingLevel != nil, !["a", "br", "img"].contains(child.name), BlockWriter.styles[child.name] == nil {
            walk(child)  // inside a heading, everything is the heading's text
            return
        }
        switch child.name {
        case "p", "dt", "dd", "figcaption", "caption", "legend":
            startBlock(child)
            walk(child)
            flush()
        case "h1", "h2", "h3", "h4", "h5", "h6":
            startBlock(child)
            headingLevel = max(2, Int(String(child.name.dropFirst())) ?? 2)
            walk(child)
            runLine = child.line
            flush()
            headingLevel = nil
        case "ul", "ol":
            startBlock(child)
            let ordered = child.name == "ol"
            var number = Int(child.attribute("start") ?? "") ?? 1
            context.listDepth += 1
            for item in child.children {
                if item.name == "li" {
                    context.pendingItem = ordered ? "\(number)." : ""
                    number += 1
                    noteAnchor(of: item, innermost: true)
                    walk(item)
                    flush()
                    context.pendingItem = nil
                } else if item.isElement {
                    walk(item)
                    flush()
                }
            }
            context.listDepth -= 1
        case "li":
            startBlock(child)
            context.listDepth += 1
            context.pendingItem = ""
            walk(child)
            flush()
            context.pendingItem = nil
            context.listDepth -= 1
        case "blockquote":
            startBlock(child)
            context.quoteDepth += 1
            walk(child)
            flush()
            context.quoteDepth -= 1
        case "pre":
            startBlock(child)
            writeCode(child)
        case "table":
            startBlock(child)
            if child.dataTable || isGrid(child) { writeTable(child) } else { walk(child); flush() }
        case "br":
            append("\n", line: child.line)
        case "hr":
            flush()
        case "img":
            guard headingLevel == nil else { break }  // a heading is its text alone
            let alt = collapseWhitespace(Array((child.attribute("alt") ?? "").utf8))
            if !alt.isEmpty && !BlockWriter.isFileName(alt) && !BlockWriter.isDecoration(child) {
                append(" " + alt + " ", line: child.line)
            }
        case "a":
            noteAnchor(of: child, innermost: false)
            let start = inlineStart()
            walk(child)
            let range = inlineRange(from: start)
            let text = collapseWhitespace(Array(run[range]))
            if let href = child.attribute("href"), !text.isEmpty,
               let target = WebLink.resolve(href, against: base) {
                runSpans.append(RawSpan(kind: .link(runLinks.count), range: range))
                runLinks.append(Link(text: text, destination: target))
            }
        default:
            if BlockWriter.containers.contains(child.name) {
                startBlock(child)
                walk(child)
                flush()
            } else if let style = BlockWriter.styles[child.name] {
                noteAnchor(of: child, innermost: false)
                openStyles.append((style, run.count))
                walk(child)
                let (_, start) = openStyles.removeLast()
                runSpans.append(RawSpan(kind: style, range: min(start, run.count)..<run.count))
            } else {
                noteAnchor(of: child, innermost: false)
                walk(child)  // inline: span, abbr, …
            }
        }
    }

    /// Ends the block before `node`, which starts a new one (its `id` the new one's anchor).
    private mutating func startBlock(_ node: HTMLNode) {
        flush()
        noteAnchor(of: node, innermost: true)
    }

    /// The inline elements whose text is styled.
    private static let styles: [String: InlineSpan.Kind] = [
        "em": .emphasis, "i": .emphasis, "cite": .emphasis, "var": .emphasis, "dfn": .emphasis,
        "strong": .strong, "b": .strong,
        "code": .code, "kbd": .code, "samp": .code, "tt": .code,
        "del": .strikethrough, "s": .strikethrough, "strike": .strikethrough,
    ]

    /// Where a link starts: the run it starts in and the offset there.
    private func inlineStart() -> (run: Int, offset: Int) { (runNumber, run.count) }

    /// The bytes of the current run a link covers: all of it since the link started, or since
    /// the block inside it that ended the run the link started in.
    private func inlineRange(from start: (run: Int, offset: Int)) -> Range<Int> {
        start.run == runNumber ? min(start.offset, run.count)..<run.count : 0..<run.count
    }

    /// An element's `id` (or an `<a name>`) names the next block written, when no text of that
    /// block is out yet. Of nested block elements the innermost names it (a section's first
    /// heading is named by the heading's id); an inline one (`<a id>` at the start) only when
    /// its block has no id.
    private mutating func noteAnchor(of node: HTMLNode, innermost: Bool) {
        guard pendingAnchor == nil || innermost, run.allSatisfy(isCollapsedSpace) else { return }
        var name = node.attribute("id")
        if name?.isEmpty ?? true, node.name == "a" { name = node.attribute("name") }
        if let name, !name.isEmpty { pendingAnchor = name }
    }

    /// The anchor of the block written now, taken so that the next block does not repeat it.
    private mutating func takeAnchor() -> String? {
        defer { pendingAnchor = nil }
        return pendingAnchor
    }

    /// A divider or spacer image (a side under 16 px: a rule 2 px high, a tracking pixel):
    /// its alt text ("line", "spacer") is not part of the article.
    static func isDecoration(_ image: HTMLNode) -> Bool {
        ["height", "width"].contains { name in
            guard let value = image.attribute(name), let pixels = Int(value.prefix { $0.isNumber }) else { return false }
            return pixels < 16
        }
    }

    /// Alt text that only names the image file ("photo.jpg") says nothing to a reader.
    static func isFileName(_ text: String) -> Bool {
        guard !text.contains(" "), let ext = ArticleParser.fileExtension(text) else { return false }
        return ["jpg", "jpeg", "png", "gif", "webp", "svg", "avif", "bmp"].contains(ext)
    }

    private mutating func append(_ text: String, line: Int) {
        if run.isEmpty || runLine == 0 { runLine = line }
        run.append(contentsOf: text.utf8)
    }

    /// Writes the text gathered so far as one block of the kind its place calls for.
    private mutating func flush() {
        defer {
            run.removeAll(keepingCapacity: true)
            runLinks.removeAll()
            runSpans.removeAll()
            runLine = 0
            runNumber += 1
        }
        for k in openStyles.indices {
            runSpans.append(RawSpan(kind: openStyles[k].kind, range: min(openStyles[k].start, run.count)..<run.count))
            openStyles[k].start = 0
        }
        let (text, spans) = collapseWhitespace(run, carrying: runSpans)
        guard !text.isEmpty else { return }
        let line = max(1, runLine)
        let anchor = takeAnchor()
        if let level = headingLevel {
            blocks.append(Block(kind: .heading, text: text, line: line, level: level, links: runLinks,
                                spans: spans, anchor: anchor))
        } else if let marker = context.pendingItem {
            blocks.append(Block(kind: .bullet, text: text, line: line, level: context.listDepth,
                                marker: marker.isEmpty ? nil : marker, links: runLinks, spans: spans, anchor: anchor))
            context.pendingItem = nil
        } else if context.quoteDepth > 0 {
            blocks.append(Block(kind: .quote, text: text, line: line, level: context.quoteDepth, links: runLinks,
                                spans: spans, anchor: anchor))
        } else {
            blocks.append(Block(kind: .paragraph, text: text, line: line, level: context.listDepth, links: runLinks,
                                spans: spans, anchor: anchor))
        }
    }

    private mutating func writeCode(_ pre: HTMLNode) {
        var text = pre.textContent
        while text.hasPrefix("\n") { text.removeFirst() }
        while let last = text.last, last == "\n" || last == " " || last == "\t" { text.removeLast() }
        guard !text.isEmpty else { return }
        var info: String?
        for name in ([pre] + pre.descendants(named: ["code"])).map(\.className) {
            for word in name.split(separator: " ") {
                for prefix in ["language-", "lang-"] where word.hasPrefix(prefix) {
                    info = String(word.dropFirst(prefix.count))
                }
            }
            if info != nil { break }
        }
        blocks.append(Block(kind: .code, text: text, line: pre.line, info: info, anchor: takeAnchor()))
    }

    /// A layout table has one column or holds blocks; a grid of short cells is data.
    private func isGrid(_ table: HTMLNode) -> Bool {
        let rows = table.descendants(named: ["tr"])
        guard rows.count >= 2 else { return false }
        let widths = rows.map { $0.elementChildren.filter { $0.name == "td" || $0.name == "th" }.count }
        guard let widest = widths.max(), widest >= 2 else { return false }
        return table.descendants(named: ["p", "div", "table", "ul", "ol", "blockquote", "pre"]).isEmpty
    }

    private mutating func writeTable(_ table: HTMLNode) {
        var rows: [[String]] = []
        var alignments: [ColumnAlignment] = []
        for row in table.descendants(named: ["tr"]) where row.hasAncestor(named: "table", maxDepth: 3, where: { $0 === table }) {
            let cellNodes = row.elementChildren.filter { $0.name == "td" || $0.name == "th" }
            let cells = cellNodes.map { collapseWhitespace(Array($0.textContent.utf8)) }
            if !cells.isEmpty && cells.contains(where: { !$0.isEmpty }) {
                // The first row's cells (the header) say how each column is aligned.
                if rows.isEmpty { alignments = cellNodes.map { BlockWriter.alignment(of: $0, row: row) } }
                rows.append(cells)
            }
        }
        if let caption = table.descendants(named: ["caption"]).first {
            let text = collapseWhitespace(Array(caption.textContent.utf8))
            if !text.isEmpty { blocks.append(Block(kind: .paragraph, text: text, line: caption.line, anchor: takeAnchor())) }
        }
        guard !rows.isEmpty else { return }
        let columns = rows.map(\.count).max() ?? 0
        if alignments.count < columns { alignments += Array(repeating: .none, count: columns - alignments.count) }
        let text = rows.map { $0.joined(separator: " | ") }.joined(separator: "\n")
        blocks.append(Block(kind: .table, text: text, line: table.line, rows: rows, columnAlignments: alignments,
                            anchor: takeAnchor()))
    }

    /// A cell's alignment: its `align` attribute or `text-align` style, else its row's.
    static func alignment(of cell: HTMLNode, row: HTMLNode) -> ColumnAlignment {
        for node in [cell, row] {
            if let style = node.attribute("style"), let value = textAlign(inStyle: style),
               let alignment = alignment(named: value) { return alignment }
            if let value = node.attribute("align"), let alignment = alignment(named: value) { return alignment }
        }
        return .none
    }

    /// The value of `text-align` in a `style` attribute ("width: 4em; text-align: right").
    static func textAlign(inStyle style: String) -> String? {
        for declaration in style.split(separator: ";") {
            let parts = declaration.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].filter({ !$0.isWhitespace }).lowercased() == "text-align" else { continue }
            return parts[1].split(whereSeparator: { $0.isWhitespace || $0 == "!" }).first.map { $0.lowercased() }
        }
        return nil
    }

    static func alignment(named value: String) -> ColumnAlignment? {
        switch value.lowercased().split(whereSeparator: \.isWhitespace).first ?? "" {
        case "left", "start", "justify": return .left
        case "center", "middle": return .center
        case "right", "end": return .right
        default: return nil
        }
    }
}
