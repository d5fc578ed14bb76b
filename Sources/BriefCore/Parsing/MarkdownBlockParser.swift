/// The block phase for Markdown, after CommonMark's algorithm (as in cmark's blocks.c):
/// each line first continues the open containers (block quotes, list items), may open
/// new ones, and then feeds a leaf (paragraph, heading, code, HTML). Containers are kept
/// in an explicit stack, never by recursion, so 100,000 nested quotes are only a long stack.
///
/// Output is flat: a paragraph inside a quote becomes a `quote` block, the first paragraph
/// of a list item a `bullet` with its depth. Headings count as sections only at the top
/// level; inside a quote or list they are read as that container's text.
struct MarkdownBlockParser {
    private enum ContainerKind { case quote, item(contentIndent: Int) }
    private struct Container {
        var kind: ContainerKind
        var needsBullet = true
        var marker: String? = nil
        var startLine: Int
    }
    private enum Leaf {
        case none
        case paragraph(lines: [ArraySlice<UInt8>], start: Int)
        case fenced(char: UInt8, length: Int, indent: Int, info: String?, lines: [[UInt8]], start: Int)
        case indented(lines: [[UInt8]], start: Int)
        case html(end: HTMLEnd, lines: [ArraySlice<UInt8>], start: Int)
    }
    enum HTMLEnd { case contains([UInt8]), blankLine }

    /// Nesting beyond this depth is read as text: no reader shows 200 levels of quotes.
    static let maxDepth = 100

    private var containers: [Container] = []
    private var leaf: Leaf = .none
    private(set) var blocks: [RawBlock] = []
    private(set) var references: [String: String] = [:]

    static func parse(_ lines: SourceLines) -> (blocks: [RawBlock], references: [String: String]) {
        var parser = MarkdownBlockParser()
        for i in 0..<lines.count {
            parser.processLine(Self.expandTabs(lines[i]), lineNumber: i + 1)
        }
        parser.closeContainers(downTo: 0)
        return (parser.blocks, parser.references)
    }

    /// Tabs become spaces to the next multiple of 4, so that columns are bytes.
    static func expandTabs(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        guard line.contains(0x09) else { return line }
        var out: [UInt8] = []
        out.reserveCapacity(line.count + 8)
        var col = 0
        for b in line {
            if b == 0x09 {
                let n = 4 - col % 4
                out.append(contentsOf: repeatElement(0x20, count: n))
                col += n
            } else {
                out.append(b)
                if b & 0xC0 != 0x80 { col += 1 }
            }
        }
        return out[...]
    }

    // MARK: Lines

    private mutating func processLine(_ line: ArraySlice<UInt8>, lineNumber: Int) {
        let end = line.endIndex
        var p = line.startIndex
        var matched = 0

        // 1. Continue open containers.
        for container in containers {
            let q = firstNonSpace(line, p)
            let indent = q - p
            switch container.kind {
            case .quote:
                guard indent <= 3, q < end, line[q] == UInt8(ascii: ">") else { break }
                p = q + 1
                if p < end && line[p] == 0x20 { p += 1 }
                matched += 1
                continue
            case .item(let contentIndent):
                if q == end { p = end; matched += 1; continue }
                guard indent >= contentIndent else { break }
                p += contentIndent
                matched += 1
                continue
            }
            break
        }
        let allMatched = matched == containers.count

        // 2. Inside a fenced code block or HTML block, lines belong to it.
        if allMatched {
            switch leaf {
            case .fenced(let char, let length, let indent, _, _, _):
                let q = firstNonSpace(line, p)
                if q - p <= 3, isClosingFence(line, q, char: char, length: length) {
                    finishLeaf()
                } else {
                    var content = p
                    var removed = 0
                    while content < end && line[content] == 0x20 && removed < indent { content += 1; removed += 1 }
                    appendToFence(Array(line[content..<end]))
                }
                return
            case .html(let endCondition, _, _):
                if case .blankLine = endCondition, line[p..<end].isBlankLine {
                    finishLeaf()
                    return
                }
                appendToHTML(line[p..<end])
                if case .contains(let terminator) = endCondition, contains(line[p..<end], terminator) {
                    finishLeaf()
                }
                return
            default:
                break
            }
        }

        // 3. Open new containers.
        var opened = false
        while containers.count < Self.maxDepth {
            let q = firstNonSpace(line, p)
            let indent = q - p
            if indent >= 4 || q == end { break }
            if line[q] == UInt8(ascii: ">") {
                closeUnmatched(matched, &opened)
                finishLeaf()
                p = q + 1
                if p < end && line[p] == 0x20 { p += 1 }
                containers.append(Container(kind: .quote, startLine: lineNumber))
                matched = containers.count
                continue
            }
            if isThematicBreak(line, q) { break }
            guard let item = listMarker(line, q) else { break }
            let interrupting = isParagraphOpen && allMatched && !opened
            if interrupting && (item.contentBlank || (item.ordinal != nil && item.ordinal != 1)) { break }
            closeUnmatched(matched, &opened)
            finishLeaf()
            let contentIndent = indent + item.width
            containers.append(Container(kind: .item(contentIndent: contentIndent),
                                        marker: item.marker, startLine: lineNumber))
            matched = containers.count
            p = min(q + item.width, end)
            if item.contentBlank { p = end }
        }

        let q = firstNonSpace(line, p)
        let blank = q == end

        // Lazy continuation: an unmatched line that can only be paragraph text.
        if !opened && matched < containers.count, isParagraphOpen, !blank,
           !startsInterruptingBlock(line, q) {
            appendToParagraph(line[q..<end])
            return
        }
        if !opened { closeUnmatched(matched, &opened) }

        // 4. The leaf.
        if blank {
            switch leaf {
            case .indented: appendToIndented([])
            case .paragraph: finishLeaf()
            default: break
            }
            return
        }
        let indent = q - p
        if indent >= 4 {
            if isParagraphOpen {
                appendToParagraph(line[q..<end])
            } else {
                if case .indented = leaf {} else { finishLeaf(); leaf = .indented(lines: [], start: lineNumber) }
                appendToIndented(Array(line[(p + 4)..<end]))
            }
            return
        }
        if isParagraphOpen, allMatched || opened == false, let level = setextLevel(line, q) {
            if convertParagraphToHeading(level: level) { return }
            if level == 2 { finishLeaf(); return }  // "---" under link definitions only: a break
        }
        if let heading = atxHeading(line, q) {
            finishLeaf()
            emitText(.heading, raw: heading.text, line: lineNumber, headingLevel: heading.level)
            return
        }
        if let fence = openingFence(line, q) {
            finishLeaf()
            leaf = .fenced(char: fence.char, length: fence.length, indent: indent, info: fence.info,
                           lines: [], start: lineNumber)
            return
        }
        if let endCondition = htmlBlockStart(line, q, interruptingParagraph: isParagraphOpen) {
            finishLeaf()
            leaf = .html(end: endCondition, lines: [], start: lineNumber)
            appendToHTML(line[q..<end])
            if case .contains(let terminator) = endCondition, contains(line[q..<end], terminator) {
                finishLeaf()
            }
            return
        }
        if isThematicBreak(line, q) {
            finishLeaf()
            return
        }
        if isParagraphOpen {
            appendToParagraph(line[q..<end])
        } else {
            finishLeaf()
            leaf = .paragraph(lines: [line[q..<end]], start: lineNumber)
        }
    }

    private var isParagraphOpen: Bool {
        if case .paragraph = leaf { return true }
        return false
    }

    private mutating func closeUnmatched(_ matched: Int, _ opened: inout Bool) {
        if !opened {
            if matched < containers.count { closeContainers(downTo: matched) }
            opened = true
        }
    }

    mutating func closeContainers(downTo count: Int) {
        finishLeaf()
        if containers.count > count { containers.removeLast(containers.count - count) }
    }

    // MARK: Leaves

    private mutating func appendToParagraph(_ text: ArraySlice<UInt8>) {
        guard case .paragraph(var lines, let start) = leaf else { return }
        leaf = .none
        lines.append(text)
        leaf = .paragraph(lines: lines, start: start)
    }

    private mutating func appendToIndented(_ text: [UInt8]) {
        guard case .indented(var lines, let start) = leaf else { return }
        leaf = .none
        lines.append(text)
        leaf = .indented(lines: lines, start: start)
    }

    private mutating func appendToFence(_ text: [UInt8]) {
        guard case .fenced(let c, let l, let i, let info, var lines, let start) = leaf else { return }
        leaf = .none
        lines.append(text)
        leaf = .fenced(char: c, length: l, indent: i, info: info, lines: lines, start: start)
    }

    private mutating func appendToHTML(_ text: ArraySlice<UInt8>) {
        guard case .html(let e, var lines, let start) = leaf else { return }
        leaf = .none
        lines.append(text)
        leaf = .html(end: e, lines: lines, start: start)
    }

    private mutating func finishLeaf() {
        let current = leaf
        leaf = .none
        switch current {
        case .none:
            break
        case .paragraph(var lines, let start):
            var table: RawBlock?
            if let (header, rows, alignments) = GFMTable.find(in: lines) {
                table = RawBlock(kind: .table, line: start + header, level: 0, raw: [], cells: rows,
                                 alignments: alignments)
                lines.removeSubrange(header...)
            }
            defer { if let table { blocks.append(table) } }
            guard !lines.isEmpty else { return }
            var raw = joinLines(lines)
            raw = extractReferences(raw)
            if !raw.isEmpty { emitText(.paragraph, raw: raw, line: start + lineOffset(removedFrom: lines, raw: raw)) }
        case .fenced(_, _, _, let info, let lines, let start):
            blocks.append(RawBlock(kind: .code, line: start, level: 0, raw: joinCode(lines), info: info))
        case .indented(var lines, let start):
            while let last = lines.last, last.allSatisfy({ $0 == 0x20 }) { lines.removeLast() }
            blocks.append(RawBlock(kind: .code, line: start, level: 0, raw: joinCode(lines)))
        case .html(_, let lines, let start):
            emitText(.paragraph, raw: joinLines(lines), line: start, isHTML: true)
        }
    }

    /// After link reference definitions are taken off a paragraph's start, its first
    /// remaining line is later than where the paragraph began.
    private func lineOffset(removedFrom lines: [ArraySlice<UInt8>], raw: [UInt8]) -> Int {
        var total = 0
        for line in lines { total += line.count + 1 }
        let removed = total - 1 - raw.count
        guard removed > 0 else { return 0 }
        var consumed = 0
        var offset = 0
        for line in lines {
            if consumed >= removed { break }
            consumed += line.count + 1
            offset += 1
        }
        return offset
    }

    private mutating func convertParagraphToHeading(level: Int) -> Bool {
        guard case .paragraph(let lines, let start) = leaf else { return false }
        let raw = extractReferences(joinLines(lines))
        leaf = .none
        if raw.isEmpty {
            return false
        }
        emitText(.heading, raw: raw, line: start + lineOffset(removedFrom: lines, raw: raw), headingLevel: level)
        return true
    }

    /// Places a finished text leaf according to its innermost container.
    private mutating func emitText(_ kind: Block.Kind, raw: [UInt8], line: Int, headingLevel: Int = 0,
                                   isHTML: Bool = false) {
        var quoteDepth = 0
        var itemDepth = 0
        for c in containers {
            if case .quote = c.kind { quoteDepth += 1 } else { itemDepth += 1 }
        }
        guard let innermost = containers.indices.last else {
            blocks.append(RawBlock(kind: kind, line: line, level: kind == .heading ? headingLevel : 0,
                                   raw: raw, isHTML: isHTML))
            return
        }
        switch containers[innermost].kind {
        case .quote:
            blocks.append(RawBlock(kind: .quote, line: line, level: quoteDepth, raw: raw, isHTML: isHTML))
        case .item:
            if containers[innermost].needsBullet {
                containers[innermost].needsBullet = false
                blocks.append(RawBlock(kind: .bullet, line: line, level: itemDepth, raw: raw,
                                       marker: containers[innermost].marker, isHTML: isHTML))
            } else {
                blocks.append(RawBlock(kind: .paragraph, line: line, level: itemDepth, raw: raw, isHTML: isHTML))
            }
        }
    }

    // MARK: Link reference definitions

    /// Takes `[label]: destination "title"` definitions off the start of a paragraph.
    private mutating func extractReferences(_ raw: [UInt8]) -> [UInt8] {
        var i = 0
        while i < raw.count, raw[i] == UInt8(ascii: "["), let (label, dest, end) = referenceDefinition(raw, i) {
            if references[label] == nil { references[label] = dest }
            i = end
        }
        return i == 0 ? raw : Array(raw[i...])
    }

    private func referenceDefinition(_ s: [UInt8], _ start: Int) -> (String, String, Int)? {
        let n = s.count
        var j = start + 1
        while j < n && j - start <= 1000 {
            let c = s[j]
            if c == UInt8(ascii: "\\") { j += 2; continue }
            if c == UInt8(ascii: "[") { return nil }
            if c == UInt8(ascii: "]") { break }
            j += 1
        }
        guard j < n, j - start <= 1000, s[j] == UInt8(ascii: "]"), j + 1 < n, s[j + 1] == UInt8(ascii: ":"),
              let label = normalizeLabel(s[(start + 1)..<j]) else { return nil }
        j = skipSpace(s, j + 2, newlines: 1)
        guard j < n else { return nil }
        var dest: [UInt8] = []
        if s[j] == UInt8(ascii: "<") {
            j += 1
            while j < n && s[j] != UInt8(ascii: ">") {
                if s[j] == 0x0A || s[j] == UInt8(ascii: "<") { return nil }
                dest.append(s[j]); j += 1
            }
            guard j < n else { return nil }
            j += 1
        } else {
            var depth = 0
            while j < n && s[j] > 0x20 {
                if s[j] == UInt8(ascii: "(") { depth += 1 } else if s[j] == UInt8(ascii: ")") {
                    if depth == 0 { break }
                    depth -= 1
                }
                dest.append(s[j]); j += 1
            }
            if dest.isEmpty { return nil }
        }
        let afterDest = j
        // The rest of the line must be blank, or a title follows.
        let lineEnd = endOfLine(s, afterDest)
        let t = skipSpace(s, afterDest, newlines: 1)
        if t < n, t > afterDest, let titleEnd = titleEnd(s, t) {
            let after = skipSpace(s, titleEnd, newlines: 0)
            if after == n || s[after] == 0x0A {
                return (label, String(decoding: dest, as: UTF8.self), min(after + 1, n))
            }
        }
        guard s[afterDest..<lineEnd].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) else { return nil }
        return (label, String(decoding: dest, as: UTF8.self), min(lineEnd + 1, n))
    }

    private func titleEnd(_ s: [UInt8], _ i: Int) -> Int? {
        let open = s[i]
        let close: UInt8 = open == UInt8(ascii: "(") ? UInt8(ascii: ")") : open
        guard open == UInt8(ascii: "\"") || open == UInt8(ascii: "'") || open == UInt8(ascii: "(") else { return nil }
        var j = i + 1
        while j < s.count {
            if s[j] == UInt8(ascii: "\\") { j += 2; continue }
            if s[j] == close { return j + 1 }
            if s[j] == 0x0A, j + 1 < s.count, s[j + 1] == 0x0A { return nil }
            j += 1
        }
        return nil
    }

    private func skipSpace(_ s: [UInt8], _ i: Int, newlines: Int) -> Int {
        var j = i
        var left = newlines
        while j < s.count {
            if s[j] == 0x20 || s[j] == 0x09 { j += 1 } else if s[j] == 0x0A && left > 0 { left -= 1; j += 1 } else { break }
        }
        return j
    }

    private func endOfLine(_ s: [UInt8], _ i: Int) -> Int {
        var j = i
        while j < s.count && s[j] != 0x0A { j += 1 }
        return j
    }

    // MARK: Line classification

    private func firstNonSpace(_ line: ArraySlice<UInt8>, _ from: Int) -> Int {
        var q = from
        while q < line.endIndex && line[q] == 0x20 { q += 1 }
        return q
    }

    private struct ListMarker {
        var width: Int          // marker plus the spaces that belong to it
        var ordinal: Int?
        var marker: String?
        var contentBlank: Bool
    }

    private func listMarker(_ line: ArraySlice<UInt8>, _ q: Int) -> ListMarker? {
        let end = line.endIndex
        var m = q
        var ordinal: Int? = nil
        var marker: String? = nil
        let c = line[q]
        if c == UInt8(ascii: "-") || c == UInt8(ascii: "+") || c == UInt8(ascii: "*") {
            m = q + 1
        } else if isASCIIDigit(c) {
            var value = 0
            while m < end && isASCIIDigit(line[m]) && m - q < 9 { value = value * 10 + Int(line[m] - 48); m += 1 }
            guard m < end, line[m] == UInt8(ascii: ".") || line[m] == UInt8(ascii: ")"), m - q <= 9 else { return nil }
            m += 1
            ordinal = value
            marker = String(decoding: line[q..<m], as: UTF8.self)
        } else {
            return nil
        }
        if m == end { return ListMarker(width: m - q + 1, ordinal: ordinal, marker: marker, contentBlank: true) }
        guard line[m] == 0x20 else { return nil }
        var s = m
        while s < end && line[s] == 0x20 { s += 1 }
        let spaces = s - m
        if s == end { return ListMarker(width: m - q + 1, ordinal: ordinal, marker: marker, contentBlank: true) }
        // Five or more spaces: the content is indented code one space after the marker.
        let width = (m - q) + (spaces >= 5 ? 1 : spaces)
        return ListMarker(width: width, ordinal: ordinal, marker: marker, contentBlank: false)
    }

    private func isThematicBreak(_ line: ArraySlice<UInt8>, _ q: Int) -> Bool {
        let c = line[q]
        guard c == UInt8(ascii: "-") || c == UInt8(ascii: "*") || c == UInt8(ascii: "_") else { return false }
        var count = 0
        for b in line[q...] {
            if b == c { count += 1 } else if b != 0x20 && b != 0x09 { return false }
        }
        return count >= 3
    }

    private func setextLevel(_ line: ArraySlice<UInt8>, _ q: Int) -> Int? {
        guard q - line.startIndex >= 0 else { return nil }
        let c = line[q]
        guard c == UInt8(ascii: "=") || c == UInt8(ascii: "-") else { return nil }
        var i = q
        while i < line.endIndex && line[i] == c { i += 1 }
        guard line[i...].isBlankLine else { return nil }
        return c == UInt8(ascii: "=") ? 1 : 2
    }

    private func atxHeading(_ line: ArraySlice<UInt8>, _ q: Int) -> (level: Int, text: [UInt8])? {
        let end = line.endIndex
        var i = q
        while i < end && line[i] == UInt8(ascii: "#") && i - q < 7 { i += 1 }
        let level = i - q
        guard level >= 1 && level <= 6 else { return nil }
        if i < end && line[i] != 0x20 { return nil }
        var s = i
        while s < end && line[s] == 0x20 { s += 1 }
        var e = end
        while e > s && line[e - 1] == 0x20 { e -= 1 }
        // Optional closing sequence: spaces then only "#"s.
        var h = e
        while h > s && line[h - 1] == UInt8(ascii: "#") { h -= 1 }
        if h < e && (h == s || line[h - 1] == 0x20) {
            e = h
            while e > s && line[e - 1] == 0x20 { e -= 1 }
        }
        return (level, Array(line[s..<e]))
    }

    private func openingFence(_ line: ArraySlice<UInt8>, _ q: Int) -> (char: UInt8, length: Int, info: String?)? {
        let c = line[q]
        guard c == UInt8(ascii: "`") || c == UInt8(ascii: "~") else { return nil }
        var i = q
        while i < line.endIndex && line[i] == c { i += 1 }
        let length = i - q
        guard length >= 3 else { return nil }
        let info = line[i...].trimmedLine
        if c == UInt8(ascii: "`") && info.contains(UInt8(ascii: "`")) { return nil }
        let word = info.prefix { $0 != 0x20 }
        return (c, length, word.isEmpty ? nil : String(decoding: word, as: UTF8.self))
    }

    private func isClosingFence(_ line: ArraySlice<UInt8>, _ q: Int, char: UInt8, length: Int) -> Bool {
        var i = q
        while i < line.endIndex && line[i] == char { i += 1 }
        return i - q >= length && line[i...].isBlankLine
    }

    private func startsInterruptingBlock(_ line: ArraySlice<UInt8>, _ q: Int) -> Bool {
        if q - line.startIndex < 0 { return false }
        if line[q] == UInt8(ascii: ">") { return true }
        if isThematicBreak(line, q) || atxHeading(line, q) != nil || openingFence(line, q) != nil { return true }
        if let item = listMarker(line, q), !item.contentBlank, item.ordinal == nil || item.ordinal == 1 { return true }
        return htmlBlockStart(line, q, interruptingParagraph: true) != nil
    }

    private static let rawTextTags: [String] = ["script", "pre", "style", "textarea"]
    private static let blockTags: Set<String> = [
        "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center",
        "col", "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption",
        "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head",
        "header", "hr", "html", "iframe", "legend", "li", "link", "main", "menu", "menuitem", "nav",
        "noframes", "ol", "optgroup", "option", "p", "param", "search", "section", "summary", "table",
        "tbody", "td", "tfoot", "th", "thead", "title", "tr", "track", "ul",
    ]

    private func htmlBlockStart(_ line: ArraySlice<UInt8>, _ q: Int, interruptingParagraph: Bool) -> HTMLEnd? {
        guard line[q] == UInt8(ascii: "<") else { return nil }
        let rest = Array(line[q...])
        let lower = rest.prefix(12).map { isASCIILetter($0) ? $0 | 0x20 : $0 }
        for tag in Self.rawTextTags {
            let open = Array(("<" + tag).utf8)
            if lower.starts(with: open) {
                let after = open.count < rest.count ? rest[open.count] : 0x20
                if after == 0x20 || after == UInt8(ascii: ">") || after == 0x09 {
                    return .contains(Array(("</" + tag + ">").utf8))
                }
            }
        }
        if rest.starts(with: Array("<!--".utf8)) { return .contains(Array("-->".utf8)) }
        if rest.starts(with: Array("<?".utf8)) { return .contains(Array("?>".utf8)) }
        if rest.starts(with: Array("<![CDATA[".utf8)) { return .contains(Array("]]>".utf8)) }
        if rest.count > 2, rest[1] == UInt8(ascii: "!"), isASCIILetter(rest[2]) { return .contains([UInt8(ascii: ">")]) }
        var i = 1
        if i < rest.count && rest[i] == UInt8(ascii: "/") { i += 1 }
        if let nameEnd = HTMLTag.tagName(rest, i) {
            let name = String(decoding: rest[i..<nameEnd].map { $0 | 0x20 }, as: UTF8.self)
            if Self.blockTags.contains(name) {
                let after = nameEnd < rest.count ? rest[nameEnd] : 0x20
                if after == 0x20 || after == 0x09 || after == UInt8(ascii: ">")
                    || (after == UInt8(ascii: "/") && nameEnd + 1 < rest.count && rest[nameEnd + 1] == UInt8(ascii: ">")) {
                    return .blankLine
                }
            }
        }
        if !interruptingParagraph && HTMLTag.isCompleteTagLine(rest, at: 0) {
            let nameStart = rest.count > 1 && rest[1] == UInt8(ascii: "/") ? 2 : 1
            if let nameEnd = HTMLTag.tagName(rest, nameStart) {
                let name = String(decoding: rest[nameStart..<nameEnd].map { $0 | 0x20 }, as: UTF8.self)
                if !Self.rawTextTags.contains(name) { return .blankLine }
            }
        }
        return nil
    }

    private func contains(_ hay: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        guard hay.count >= needle.count else { return false }
        let lowerNeeded = needle.contains(where: isASCIILetter)
        var i = hay.startIndex
        while i + needle.count <= hay.endIndex {
            var ok = true
            for k in 0..<needle.count {
                var b = hay[i + k]
                if lowerNeeded && isASCIILetter(b) { b |= 0x20 }
                if b != needle[k] { ok = false; break }
            }
            if ok { return true }
            i += 1
        }
        return false
    }

    private func joinLines(_ lines: [ArraySlice<UInt8>]) -> [UInt8] {
        var raw: [UInt8] = []
        raw.reserveCapacity(lines.reduce(0) { $0 + $1.count + 1 })
        for (k, line) in lines.enumerated() {
            if k > 0 { raw.append(0x0A) }
            raw.append(contentsOf: line)
        }
        return raw
    }

    private func joinCode(_ lines: [[UInt8]]) -> [UInt8] {
        var raw: [UInt8] = []
        for (k, line) in lines.enumerated() {
            if k > 0 { raw.append(0x0A) }
            raw.append(contentsOf: line)
        }
        return raw
    }
}

/// A GitHub-flavoured pipe table inside a paragraph's lines: a header row, a delimiter row
/// with as many cells (`| --- | :-: |`), then one row a line to the paragraph's end.
enum GFMTable {
    /// The index of the header line, the cells of every row and each column's alignment, or
    /// nil when there is no table.
    static func find(in lines: [ArraySlice<UInt8>]) -> (header: Int, rows: [[[UInt8]]], alignments: [ColumnAlignment])? {
        guard lines.count >= 2 else { return nil }
        for index in 0..<(lines.count - 1) where lines[index].contains(0x7C) || lines[index + 1].contains(0x7C) {
            guard isDelimiterRow(lines[index + 1]) else { continue }
            let header = cells(lines[index])
            let delimiters = cells(lines[index + 1])
            guard header.count == delimiters.count else { continue }
            var rows = [header]
            for line in lines[(index + 2)...] {
                var row = cells(line)
                // As GitHub does: rows are cut or padded to the header's width.
                if row.count > header.count { row.removeSubrange(header.count...) }
                while row.count < header.count { row.append([]) }
                rows.append(row)
            }
            return (index, rows, delimiters.map(alignment))
        }
        return nil
    }

    /// `|`-separated cells, the outer pipes and spaces trimmed. "\|" is a pipe inside a cell,
    /// written as a plain "|" even inside a code span (as GFM does: the cells are split before
    /// their inline content is read).
    static func cells(_ line: ArraySlice<UInt8>) -> [[UInt8]] {
        var text = line.trimmedLine
        if text.first == 0x7C { text = text.dropFirst() }
        if text.last == 0x7C {
            var backslashes = 0
            var k = text.endIndex - 1
            while k > text.startIndex && text[k - 1] == 0x5C { backslashes += 1; k -= 1 }
            if backslashes % 2 == 0 { text = text.dropLast() }
        }
        var cells: [[UInt8]] = []
        var cell: [UInt8] = []
        var escaped = false
        for byte in text {
            if byte == 0x7C {
                if !escaped {
                    cells.append(Array(cell[...].trimmedLine))
                    cell.removeAll()
                    continue
                }
                cell.removeLast()  // the backslash
            }
            escaped = byte == 0x5C && !escaped
            cell.append(byte)
        }
        cells.append(Array(cell[...].trimmedLine))
        return cells
    }

    /// A delimiter cell's alignment: `:--` left, `:-:` center, `--:` right, `---` none.
    static func alignment(_ cell: [UInt8]) -> ColumnAlignment {
        switch (cell.first == 0x3A, cell.count > 1 && cell.last == 0x3A) {
        case (true, true): return .center
        case (true, false): return .left
        case (false, true): return .right
        case (false, false): return .none
        }
    }

    /// `---`, `:--`, `--:`, `:-:` cells, at least one pipe unless there are several cells.
    static func isDelimiterRow(_ line: ArraySlice<UInt8>) -> Bool {
        let text = line.trimmedLine
        guard text.contains(0x2D), text.allSatisfy({ $0 == 0x7C || $0 == 0x2D || $0 == 0x3A || $0 == 0x20 || $0 == 0x09 }) else {
            return false
        }
        guard text.contains(0x7C) else { return false }
        return cells(line).allSatisfy { cell in
            var body = cell[...]
            if body.first == 0x3A { body = body.dropFirst() }
            if body.last == 0x3A { body = body.dropLast() }
            return !body.isEmpty && body.allSatisfy { $0 == 0x2D }
        }
    }
}
