/// Bytes in, `Article` out: the entry point of parsing.
///
/// 1. `SourceText` makes the bytes safe (UTF-8, no controls, "\n" line ends).
/// 2. `ReadingDetector` decides once for the document how to read it.
/// 3. A block phase (Markdown or plain text) finds blocks with their source lines.
/// 4. The title, byline and dateline are taken from the top; plain text gets inferred headings.
/// 5. The inline phase makes each block's text visible.
public enum ArticleParser {
    public static func parse(bytes: some Collection<UInt8>, fileName: String? = nil) -> Article {
        if WebArticleParser.isHTML(bytes, fileName: fileName) {
            return WebArticleParser.parse(bytes: Array(bytes), fileName: fileName)
        }
        let source = SourceText(bytes: bytes)
        let lines = SourceLines(source.bytes)
        let reading = ReadingDetector.detect(lines, fileExtension: fileName.flatMap(fileExtension))
        var raw: [RawBlock]
        var references: [String: String] = [:]
        switch reading {
        case .markdown:
            (raw, references) = MarkdownBlockParser.parse(lines)
        case .onePerLine, .hardWrapped, .html:
            raw = PlainTextBlockParser.parse(lines, reading: reading)
        }

        var front = FrontMatter()
        var first = 0
        if reading == .markdown {
            if let block = raw.first, block.kind == .heading, block.level == 1 {
                front.title = visible(block, references).text
                front.titleLine = block.line
                first = 1
            }
        } else {
            first = front.take(from: raw)
            PlainTextBlockParser.inferHeadings(&raw, from: first, reading: reading)
        }

        var blocks: [Block] = []
        blocks.reserveCapacity(raw.count - first)
        for index in first..<raw.count {
            // Each raw block is released once it is made visible: peak memory stays near 2× the text.
            let block = raw[index]
            raw[index].raw = []
            if block.kind == .code {
                blocks.append(Block(kind: .code, text: String(decoding: block.raw, as: UTF8.self),
                                    line: block.line, level: 0, info: block.info))
                continue
            }
            if block.kind == .table {
                blocks.append(table(block, references))
                continue
            }
            var inline = visible(block, references)
            if block.kind == .bullet, let stripped = stripBulletGlyph(inline.text) {
                inline.spans = inline.spans.droppingPrefix(inline.text.utf8.count - stripped.utf8.count)
                inline.text = stripped
            }
            if inline.text.isEmpty && (block.isHTML || block.kind != .bullet) { continue }
            blocks.append(Block(kind: block.kind, text: inline.text, line: block.line, level: block.level,
                                marker: block.marker, links: inline.links, spans: inline.spans))
        }
        if front.dateline == nil, let firstParagraph = blocks.first(where: { $0.kind == .paragraph }) {
            front.dateline = FrontMatter.leadingDateline(firstParagraph.text)
        }
        let title = front.title ?? fallbackTitle(blocks, fileName: fileName)
        return Article(title: title, titleLine: front.titleLine, byline: front.byline,
                       dateline: front.dateline, reading: reading, blocks: blocks)
    }

    public static func parse(_ text: String, fileName: String? = nil) -> Article {
        parse(bytes: Array(text.utf8), fileName: fileName)
    }

    static func visible(_ block: RawBlock, _ references: [String: String]) -> InlineParser.Output {
        InlineParser.parse(block.raw, references: references)
    }

    /// A table's cells made visible; its links gathered from all of them.
    static func table(_ block: RawBlock, _ references: [String: String]) -> Block {
        var links: [Link] = []
        let rows = block.cells.map { row in
            row.map { cell in
                let inline = InlineParser.parse(cell, references: references)
                links += inline.links
                return inline.text
            }
        }
        let text = rows.map { $0.joined(separator: " | ") }.joined(separator: "\n")
        return Block(kind: .table, text: text, line: block.line, links: links, rows: rows,
                     columnAlignments: block.alignments)
    }

    /// "•Text" inside a Markdown bullet ("- •Text", as scraped news writes it).
    static func stripBulletGlyph(_ text: String) -> String? {
        // Compared as UTF-8 bytes: this runs on every bullet.
        let utf8 = text.utf8
        guard utf8.count >= 3, utf8.first! >= 0xE2 else { return nil }
        let head = Array(utf8.prefix(3))
        guard bulletGlyphs.contains(head) else { return nil }
        var rest = utf8.dropFirst(3)
        while rest.first == 0x20 { rest = rest.dropFirst() }
        return String(decoding: rest, as: UTF8.self)
    }

    /// "•", "▪", "◦", "‣" in UTF-8.
    static let bulletGlyphs: [[UInt8]] = ["•", "▪", "◦", "‣"].map { Array($0.utf8) }

    public static func fileExtension(_ name: String) -> String? {
        guard let dot = name.lastIndex(of: "."), !name[dot...].contains("/") else { return nil }
        return name[name.index(after: dot)...].lowercased()
    }

    static func fallbackTitle(_ blocks: [Block], fileName: String?) -> String {
        if let heading = blocks.first(where: { $0.kind == .heading }) { return heading.text }
        if let name = fileName, name != "-" {
            var base = Substring(name.split(separator: "/").last ?? Substring(name))
            if let dot = base.lastIndex(of: "."), dot != base.startIndex { base = base[..<dot] }
            let words = base.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == " " })
            if !words.isEmpty {
                return words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
            }
        }
        if let text = blocks.first?.text, !text.isEmpty {
            return String(text.prefix(80))
        }
        return "Untitled"
    }
}

/// Title, byline and dateline at the top of a plain-text article.
struct FrontMatter {
    var title: String?
    var titleLine: Int?
    var byline: String?
    var dateline: String?

    /// Takes what it recognizes from the first blocks; returns the index of the first body block.
    mutating func take(from blocks: [RawBlock]) -> Int {
        var k = 0
        guard let first = blocks.first else { return 0 }
        let isSingleLine = !first.raw.contains(0x0A)
        if first.kind == .heading || (first.kind == .paragraph && isSingleLine && Self.isTitleLike(first.raw)) {
            title = InlineParser.parse(first.raw).text
            titleLine = first.line
            k = 1
        }
        guard title != nil else { return 0 }
        while k < blocks.count && k <= 2 {
            let block = blocks[k]
            guard block.kind == .paragraph, !block.raw.contains(0x0A), block.raw.count <= 120 else { break }
            let text = InlineParser.parse(block.raw).text
            if byline == nil, Self.isByline(text) {
                byline = text
            } else if dateline == nil, Self.isDate(text) {
                dateline = text
            } else {
                break
            }
            k += 1
        }
        return k
    }

    static func isTitleLike(_ raw: [UInt8]) -> Bool {
        guard raw.count <= 200 else { return false }
        var words = 1
        for b in raw where b == 0x20 { words += 1 }
        return words <= 25
    }

    static func isByline(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard words.count >= 2, words.count <= 12 else { return false }
        return text.hasPrefix("By ") || text.hasPrefix("by ") || text.hasPrefix("BY ")
    }

    static let months = ["january", "february", "march", "april", "may", "june", "july", "august",
                         "september", "october", "november", "december", "jan.", "feb.", "mar.", "apr.",
                         "jun.", "jul.", "aug.", "sept.", "sep.", "oct.", "nov.", "dec."]

    /// "March 4, 2026", "2026-03-04", "Updated 9:41 a.m. ET, Tuesday, March 4".
    static func isDate(_ text: String) -> Bool {
        let lower = text.lowercased()
        let words = lower.split(separator: " ")
        guard words.count >= 1, words.count <= 10 else { return false }
        let hasDigit = lower.contains(where: \.isNumber)
        if lower.hasPrefix("updated") || lower.hasPrefix("published") || lower.hasPrefix("posted") { return hasDigit }
        let hasMonth = words.contains { word in months.contains(word.trimmingCharacters(",")) }
        if hasMonth && hasDigit { return true }
        // ISO date
        let iso = lower.split(separator: "-")
        return iso.count == 3 && iso[0].count == 4 && iso.allSatisfy { $0.prefix(2).allSatisfy(\.isNumber) }
    }

    /// "WASHINGTON, March 4 (Brief Wire) — The Fed…" → "WASHINGTON, March 4 (Brief Wire)".
    static func leadingDateline(_ text: String) -> String? {
        // Only the first 80 characters can hold a dateline.
        let head = Array(text.prefix(84))
        for k in 0..<max(0, head.count - 2) where head[k] == " " && head[k + 2] == " "
            && (head[k + 1] == "—" || head[k + 1] == "–") {
            let prefix = head[..<k]
            guard let comma = prefix.firstIndex(of: ",") else { return nil }
            let letters = prefix[..<comma].filter { $0.isLetter }
            guard !letters.isEmpty, letters.allSatisfy({ $0.isUppercase }) else { return nil }
            return String(prefix)
        }
        return nil
    }
}

extension Substring {
    func trimmingCharacters(_ set: String) -> String {
        var s = self
        while let last = s.last, set.contains(last) { s = s.dropLast() }
        return String(s)
    }
}
