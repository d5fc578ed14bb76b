/// An article written out for `brief extract`: clean text, CommonMark, or one JSON object.
public enum ArticleText {
    /// Title, a byline and date line, then the blocks one a line with a blank line between
    /// them: bullets indented with "• " (or their number), quotes with "> ", code and table
    /// rows as they are, indented by four spaces.
    public static func text(_ article: Article) -> String {
        var out = article.title.withoutControls + "\n"
        let facts = [article.byline, article.published, article.site].compactMap { $0?.withoutControls }
            .filter { !$0.isEmpty }
        if !facts.isEmpty { out += facts.joined(separator: " · ") + "\n" }
        for block in article.blocks {
            out += "\n"
            switch block.kind {
            case .heading:
                out += block.text + "\n"
            case .paragraph:
                out += String(repeating: "  ", count: min(block.level, 6)) + block.text + "\n"
            case .bullet:
                out += String(repeating: "  ", count: min(max(block.level - 1, 0), 6)) + (block.marker ?? "•") + " "
                    + block.text + "\n"
            case .quote:
                out += String(repeating: "> ", count: min(max(block.level, 1), 4)) + block.text + "\n"
            case .code, .table:
                for line in block.text.split(separator: "\n", omittingEmptySubsequences: false) {
                    out += "    " + line + "\n"
                }
            }
        }
        return out
    }

    /// CommonMark that Brief reads back into the same outline: `#` title, `##`… sections,
    /// lists, quotes, fenced code, links inline; tables as GFM pipe tables. The source URL,
    /// byline and date go in a link reference definition, which no renderer shows.
    public static func markdown(_ article: Article) -> String {
        var out = "# " + escapeLine(article.title.withoutControls) + "\n"
        let facts = [article.byline, article.published, article.site].compactMap { $0?.withoutControls }
            .filter { !$0.isEmpty }
        if let url = article.url?.withoutControls, !url.isEmpty {
            let title = facts.joined(separator: " · ").replacing("\"", with: "'")
            out += "\n[source]: <" + url.replacing(">", with: "%3E") + ">" + (title.isEmpty ? "" : " \"" + title + "\"") + "\n"
        }
        var previous: Block.Kind?
        for block in article.blocks {
            // Consecutive bullets form one list; anything else is separated by a blank line.
            if !(block.kind == .bullet && previous == .bullet) { out += "\n" }
            previous = block.kind
            switch block.kind {
            case .heading:
                out += String(repeating: "#", count: min(max(block.level, 2), 6)) + " " + inline(block) + "\n"
            case .paragraph:
                out += String(repeating: "   ", count: min(block.level, 6)) + escapeStart(inline(block)) + "\n"
            case .bullet:
                let indent = String(repeating: "   ", count: min(max(block.level - 1, 0), 6))
                out += indent + (block.marker.map { $0.hasSuffix(".") || $0.hasSuffix(")") ? $0 : "-" } ?? "-") + " "
                    + escapeStart(inline(block)) + "\n"
            case .quote:
                out += String(repeating: "> ", count: min(max(block.level, 1), 4)) + escapeStart(inline(block)) + "\n"
            case .code:
                var fence = "```"
                while block.text.contains(fence) { fence += "`" }
                out += fence + (block.info ?? "") + "\n" + block.text + "\n" + fence + "\n"
            case .table:
                out += table(block.rows, alignments: block.columnAlignments)
            }
        }
        return out
    }

    /// `{"source", "url", "title", "byline", "published", "site", "lang", "text", "words"}`,
    /// with the body one paragraph a line (headings, bullets, quotes and table rows among them).
    public static func json(_ article: Article, source: String, sink: @escaping ([UInt8]) -> Void) {
        var w = JSONWriter(sink: sink)
        w.beginObject()
        w.field("source", source)
        w.field("url", article.url)
        w.field("title", article.title)
        w.field("byline", article.byline)
        w.field("published", article.published)
        w.field("site", article.site)
        w.field("lang", article.language)
        w.field("text", joining: article.blocks.map(\.text), separator: "\n")
        w.field("words", article.wordCount)
        w.endObject()
        w.endLine()
        w.flush()
    }

    /// The block's text with its links written as Markdown links and syntax escaped.
    static func inline(_ block: Block) -> String {
        var out = ""
        var rest = Substring(block.text)
        for link in block.links {
            guard let range = rest.firstRange(of: link.text) else { continue }
            out += escape(rest[..<range.lowerBound])
            let destination = link.destination.replacing(" ", with: "%20").replacing(")", with: "%29").replacing("(", with: "%28")
            out += "[" + escape(rest[range]) + "](" + destination + ")"
            rest = rest[range.upperBound...]
        }
        return out + escape(rest)
    }

    /// Backslashes before the ASCII punctuation that Markdown would read as syntax inline.
    static func escape(_ text: Substring) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            if "\\`*_[]<>!|~&".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    static func escapeLine(_ text: String) -> String { escape(Substring(text)) }

    /// A line that would start a heading, list, quote or thematic break is escaped.
    static func escapeStart(_ text: String) -> String {
        guard let first = text.first else { return text }
        if "#+->=".contains(first) { return "\\" + text }
        // "1. " or "1) " at the start would be an ordered list.
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9 {
            let after = text.dropFirst(digits.count)
            if let mark = after.first, mark == "." || mark == ")" {
                return String(digits) + "\\" + String(after)
            }
        }
        return text
    }

    static func table(_ rows: [[String]], alignments: [ColumnAlignment] = []) -> String {
        guard let header = rows.first else { return "" }
        let columns = rows.map(\.count).max() ?? 0
        func line(_ cells: [String]) -> String {
            let padded = cells + Array(repeating: "", count: max(0, columns - cells.count))
            return "| " + padded.map { escapeLine($0) }.joined(separator: " | ") + " |\n"
        }
        var out = line(header)
        out += "|"
        for column in 0..<columns {
            switch column < alignments.count ? alignments[column] : .none {
            case .none: out += " --- |"
            case .left: out += " :-- |"
            case .center: out += " :-: |"
            case .right: out += " --: |"
            }
        }
        out += "\n"
        for row in rows.dropFirst() { out += line(row) }
        return out
    }
}
