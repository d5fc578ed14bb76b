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
    private var runLine = 0
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
        switch child.name {
        case "p", "dt", "dd", "figcaption", "caption", "legend":
            flush()
            walk(child)
            flush()
        case "h1", "h2", "h3", "h4", "h5", "h6":
            flush()
            let text = collapseWhitespace(Array(child.textContent.utf8))
            if !text.isEmpty {
                let level = max(2, Int(String(child.name.dropFirst())) ?? 2)
                blocks.append(Block(kind: .heading, text: text, line: child.line, level: level))
            }
        case "ul", "ol":
            flush()
            let ordered = child.name == "ol"
            var number = Int(child.attribute("start") ?? "") ?? 1
            context.listDepth += 1
            for item in child.children {
                if item.name == "li" {
                    context.pendingItem = ordered ? "\(number)." : ""
                    number += 1
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
            flush()
            context.listDepth += 1
            context.pendingItem = ""
            walk(child)
            flush()
            context.pendingItem = nil
            context.listDepth -= 1
        case "blockquote":
            flush()
            context.quoteDepth += 1
            walk(child)
            flush()
            context.quoteDepth -= 1
        case "pre":
            flush()
            writeCode(child)
        case "table":
            flush()
            if child.dataTable || isGrid(child) { writeTable(child) } else { walk(child); flush() }
        case "br":
            append("\n", line: child.line)
        case "hr":
            flush()
        case "img":
            let alt = collapseWhitespace(Array((child.attribute("alt") ?? "").utf8))
            if !alt.isEmpty && !BlockWriter.isFileName(alt) && !BlockWriter.isDecoration(child) {
                append(" " + alt + " ", line: child.line)
            }
        case "a":
            let start = run.count
            walk(child)
            let text = start <= run.count ? collapseWhitespace(Array(run[start...])) : ""
            if let href = child.attribute("href"), !text.isEmpty,
               let target = WebLink.resolve(href, against: base) {
                runLinks.append(Link(text: text, destination: target))
            }
        default:
            if BlockWriter.containers.contains(child.name) {
                flush()
                walk(child)
                flush()
            } else {
                walk(child)  // inline: em, strong, span, code, …
            }
        }
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
            runLine = 0
        }
        let text = collapseWhitespace(run)
        guard !text.isEmpty else { return }
        let line = max(1, runLine)
        if let marker = context.pendingItem {
            blocks.append(Block(kind: .bullet, text: text, line: line, level: context.listDepth,
                                marker: marker.isEmpty ? nil : marker, links: runLinks))
            context.pendingItem = nil
        } else if context.quoteDepth > 0 {
            blocks.append(Block(kind: .quote, text: text, line: line, level: context.quoteDepth, links: runLinks))
        } else {
            blocks.append(Block(kind: .paragraph, text: text, line: line, level: context.listDepth, links: runLinks))
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
        blocks.append(Block(kind: .code, text: text, line: pre.line, info: info))
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
        for row in table.descendants(named: ["tr"]) where row.hasAncestor(named: "table", maxDepth: 3, where: { $0 === table }) {
            let cells = row.elementChildren.filter { $0.name == "td" || $0.name == "th" }
                .map { collapseWhitespace(Array($0.textContent.utf8)) }
            if !cells.isEmpty && cells.contains(where: { !$0.isEmpty }) { rows.append(cells) }
        }
        if let caption = table.descendants(named: ["caption"]).first {
            let text = collapseWhitespace(Array(caption.textContent.utf8))
            if !text.isEmpty { blocks.append(Block(kind: .paragraph, text: text, line: caption.line)) }
        }
        guard !rows.isEmpty else { return }
        let text = rows.map { $0.joined(separator: " | ") }.joined(separator: "\n")
        blocks.append(Block(kind: .table, text: text, line: table.line, rows: rows))
    }
}
