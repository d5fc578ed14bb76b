/// The block phase for text that is not Markdown: scraped news (one paragraph per
/// line) and hard-wrapped plain text (blank lines between paragraphs). Both know the
/// bullet glyphs of the web (`- •`, `•`, `▪`, `◦`, `–`, `*`), numbered items, `>` quotes,
/// `#` headings, setext underlines, and infer section headings from short Title Case lines.
struct PlainTextBlockParser {
    let lines: SourceLines
    let reading: Reading
    private(set) var blocks: [RawBlock] = []

    static func parse(_ lines: SourceLines, reading: Reading) -> [RawBlock] {
        var parser = PlainTextBlockParser(lines: lines, reading: reading)
        parser.run()
        return parser.blocks
    }

    private enum Open { case none, paragraph, bullet, quote }

    private mutating func run() {
        var open: Open = .none
        var pending: [UInt8] = []
        var pendingLine = 0
        var pendingLevel = 0
        var pendingMarker: String? = nil
        var previousIndent = 0
        var previousEndsSentence = false

        func flush(_ blocks: inout [RawBlock]) {
            switch open {
            case .none: break
            case .paragraph: blocks.append(RawBlock(kind: .paragraph, line: pendingLine, level: 0, raw: pending))
            case .bullet: blocks.append(RawBlock(kind: .bullet, line: pendingLine, level: pendingLevel, raw: pending, marker: pendingMarker))
            case .quote: blocks.append(RawBlock(kind: .quote, line: pendingLine, level: pendingLevel, raw: pending))
            }
            open = .none
            pending = []
        }

        var i = 0
        let count = lines.count
        while i < count {
            let line = lines[i]
            let lineNumber = i + 1
            let text = line.trimmedLine
            if text.isEmpty {
                flush(&blocks)
                i += 1
                continue
            }
            let indent = line.indentColumns
            let next = i + 1 < count ? lines[i + 1] : nil

            // Setext heading: a line underlined with === or ---.
            if let next, let level = Self.underlineLevel(next), open != .bullet, open != .quote,
               !isListItem(text), text.count <= 200 {
                if reading == .onePerLine || open == .none {
                    flush(&blocks)
                    blocks.append(RawBlock(kind: .heading, line: lineNumber, level: level, raw: Array(text)))
                    i += 2
                    continue
                }
                // Hard-wrapped paragraph lines above an underline form the heading.
                if open == .paragraph {
                    pending.append(0x0A)
                    pending.append(contentsOf: text)
                    blocks.append(RawBlock(kind: .heading, line: pendingLine, level: level, raw: pending))
                    open = .none
                    pending = []
                    i += 2
                    continue
                }
            }
            if let (level, content) = Self.atxHeading(text) {
                flush(&blocks)
                blocks.append(RawBlock(kind: .heading, line: lineNumber, level: level, raw: content))
                i += 1
                continue
            }
            if text.first == UInt8(ascii: ">") {
                var depth = 0
                var rest = text
                while rest.first == UInt8(ascii: ">") {
                    depth += 1
                    rest = rest.dropFirst().trimmedLine
                }
                let continues = open == .quote && pendingLevel == depth && reading == .hardWrapped
                if continues {
                    if !rest.isEmpty { pending.append(0x0A); pending.append(contentsOf: rest) }
                } else {
                    flush(&blocks)
                    if rest.isEmpty {  // a bare ">" separates quoted paragraphs
                        i += 1
                        continue
                    }
                    open = .quote
                    pending = Array(rest)
                    pendingLine = lineNumber
                    pendingLevel = depth
                }
                if reading == .onePerLine { flush(&blocks) }
                i += 1
                continue
            }
            if let item = Self.listItem(text) {
                flush(&blocks)
                open = .bullet
                pending = Array(item.content)
                pendingLine = lineNumber
                pendingLevel = min(indent / 2, 8) + 1
                pendingMarker = item.marker
                if reading == .onePerLine { flush(&blocks) }
                previousIndent = indent
                i += 1
                continue
            }
            if reading == .onePerLine {
                flush(&blocks)
                blocks.append(RawBlock(kind: .paragraph, line: lineNumber, level: 0, raw: Array(text)))
                i += 1
                continue
            }
            // Hard-wrapped: lines join their block, except that an indented line after a
            // finished sentence starts a new paragraph (indented paragraph style).
            switch open {
            case .bullet, .quote:
                pending.append(0x0A)
                pending.append(contentsOf: text)
            case .paragraph:
                if indent > previousIndent && previousEndsSentence {
                    flush(&blocks)
                    open = .paragraph
                    pending = Array(text)
                    pendingLine = lineNumber
                } else {
                    pending.append(0x0A)
                    pending.append(contentsOf: text)
                }
            case .none:
                open = .paragraph
                pending = Array(text)
                pendingLine = lineNumber
            }
            previousIndent = indent
            previousEndsSentence = Self.endsSentence(text)
            i += 1
        }
        flush(&blocks)
    }

    /// Short Title Case lines standing alone between paragraphs are section headings.
    /// `from` is the first body block: the title, byline and dateline are never headings.
    static func inferHeadings(_ blocks: inout [RawBlock], from first: Int, reading: Reading) {
        guard blocks.count >= first + 3 else { return }
        for k in (first + 1)..<(blocks.count - 1) where blocks[k].kind == .paragraph {
            let block = blocks[k]
            // Hard-wrapped: only one-line blocks (the raw text has no line breaks).
            if reading == .hardWrapped && block.raw.contains(0x0A) { continue }
            guard looksLikeHeading(block.raw[...]) else { continue }
            let following = blocks[k + 1]
            guard following.kind == .paragraph || following.kind == .bullet || following.kind == .quote else { continue }
            if following.kind == .paragraph && looksLikeHeading(following.raw[...]) { continue }
            blocks[k].kind = .heading
            blocks[k].level = 2
        }
    }

    // MARK: Line shapes

    private static let smallWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "with",
        "from", "as", "vs", "vs.", "via", "into", "onto", "over", "per", "than", "up", "is", "are", "be",
        "it", "its", "not", "no", "so", "if", "off", "out", "about",
    ]

    /// A heading-like line: 1–12 words, at most 80 bytes, no sentence punctuation at the
    /// end, starting with a capital, and most of its words capitalized (or all caps).
    static func looksLikeHeading(_ text: ArraySlice<UInt8>) -> Bool {
        guard text.count >= 2, text.count <= 90 else { return false }
        let string = String(decoding: text, as: UTF8.self)
        guard let last = string.unicodeScalars.last, !".,;:!\"')”’…。".unicodeScalars.contains(last) else { return false }
        let words = string.split(separator: " ")
        guard words.count >= 1, words.count <= 12 else { return false }
        guard let first = string.unicodeScalars.first(where: { $0.properties.isAlphabetic || isASCIIDigit(UInt8(truncatingIfNeeded: $0.value)) }),
              first.properties.isUppercase || first.properties.numericType != nil else { return false }
        var capitalized = 0
        var considered = 0
        for (index, word) in words.enumerated() {
            let lower = word.lowercased()
            if index > 0 && smallWords.contains(lower) { continue }
            guard let initial = word.unicodeScalars.first(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) else { continue }
            considered += 1
            if initial.properties.isUppercase || initial.properties.numericType != nil { capitalized += 1 }
        }
        guard considered > 0 else { return false }
        return Double(capitalized) / Double(considered) >= 0.75
    }

    static func endsSentence(_ text: ArraySlice<UInt8>) -> Bool {
        guard let last = text.last else { return false }
        if ".!?:\"'".utf8.contains(last) { return true }
        // ” ’ … end in 0x9D, 0x99, 0xA6 as UTF-8 (E2 80 9D / 99 / A6)
        if text.count >= 3 {
            let e = text.endIndex
            if text[e - 3] == 0xE2 && text[e - 2] == 0x80 && (last == 0x9D || last == 0x99 || last == 0xA6) { return true }
            // CJK full stop 。(E3 80 82), ！ (EF BC 81), ？ (EF BC 9F)
            if text[e - 3] == 0xE3 && text[e - 2] == 0x80 && last == 0x82 { return true }
        }
        return false
    }

    /// `===` or `---` (at least 3) alone on a line.
    static func underlineLevel(_ line: ArraySlice<UInt8>) -> Int? {
        let t = line.trimmedLine
        guard t.count >= 3, let c = t.first, c == UInt8(ascii: "=") || c == UInt8(ascii: "-") else { return nil }
        guard t.allSatisfy({ $0 == c }) else { return nil }
        return c == UInt8(ascii: "=") ? 1 : 2
    }

    static func atxHeading(_ text: ArraySlice<UInt8>) -> (Int, [UInt8])? {
        var i = text.startIndex
        while i < text.endIndex && text[i] == UInt8(ascii: "#") { i += 1 }
        let level = i - text.startIndex
        guard level >= 1, level <= 6, i < text.endIndex, text[i] == 0x20 else { return nil }
        var content = text[i...].trimmedLine
        while content.last == UInt8(ascii: "#") { content = content.dropLast() }
        content = content.trimmedLine
        guard !content.isEmpty else { return nil }
        return (level, Array(content))
    }

    private func isListItem(_ text: ArraySlice<UInt8>) -> Bool { Self.listItem(text) != nil }

    /// Glyphs that mark a bullet even without a space after them.
    private static let glyphs: [[UInt8]] = ["•", "▪", "◦", "‣", "●", "○", "■", "□", "►", "▸", "·"].map { Array($0.utf8) }
    /// Markers that need a space after them ("-5%" and "*emphasis*" are not bullets).
    private static let spacedMarkers: [[UInt8]] = ["-", "*", "+", "–", "—"].map { Array($0.utf8) }

    /// A bullet or numbered item: its content with every marker removed, and the number if any.
    static func listItem(_ text: ArraySlice<UInt8>) -> (content: ArraySlice<UInt8>, marker: String?)? {
        if let rest = stripMarker(text) {
            // "- •Text": the scraped double marker.
            var content = rest.trimmedLine
            if let again = stripGlyph(content) { content = again.trimmedLine }
            return (content, nil)
        }
        // Numbered: 1. or 1) followed by a space.
        var i = text.startIndex
        while i < text.endIndex && isASCIIDigit(text[i]) && i - text.startIndex < 3 { i += 1 }
        guard i > text.startIndex, i + 1 < text.endIndex,
              text[i] == UInt8(ascii: ".") || text[i] == UInt8(ascii: ")"), text[i + 1] == 0x20 else { return nil }
        let content = text[(i + 1)...].trimmedLine
        guard !content.isEmpty else { return nil }
        return (content, String(decoding: text[text.startIndex...i], as: UTF8.self))
    }

    private static func stripMarker(_ text: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        for marker in spacedMarkers where text.starts(with: marker) {
            let after = text.dropFirst(marker.count)
            if after.first == 0x20 && !after.trimmedLine.isEmpty { return after }
        }
        return stripGlyph(text)
    }

    private static func stripGlyph(_ text: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        for glyph in glyphs where text.starts(with: glyph) {
            let after = text.dropFirst(glyph.count)
            if !after.trimmedLine.isEmpty { return after }
        }
        return nil
    }
}
