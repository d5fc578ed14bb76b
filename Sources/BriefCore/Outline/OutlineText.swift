/// The outline as an indented tree for a terminal or a pipe: a line-number gutter, a glyph
/// per kind (§ section, • bullet, ¶ paragraph, ❝ quote, ⌗ code, ★ key point), paragraphs by
/// their first sentence, everything wrapped with a hanging indent to `width` columns.
public struct OutlineTextRenderer {
    public static let glyphs: [OutlineNode.Kind: String] = [
        .section: "§", .bullet: "•", .paragraph: "¶", .quote: "❝", .code: "⌗", .table: "▦", .claim: "★",
    ]

    public var width: Int
    private let wrapper = TextWrapper()
    private let sentences = ReadingSentenceSplitter()
    private let words = WordSegmenter()
    /// A first sentence of fewer words says nothing on its own ("1.", "Yes.").
    static let fewestEntryWords = 3

    public init(width: Int) {
        self.width = max(20, width)
    }

    public func render(_ outline: Outline, article: Article, source: String) -> String {
        var out: [String] = []
        for line in wrapper.wrap(outline.title, width: width) { out.append(line) }
        var facts = [source.withoutControls, article.reading.label, "\(article.wordCount) words"]
        if let kind = outline.kind { facts.append(kind.label) }
        if let byline = article.byline { facts.append(byline) }
        if let dateline = article.dateline { facts.append(dateline) }
        for line in wrapper.wrap(facts.joined(separator: " · "), width: width) { out.append(line) }
        out.append("")

        var maxLine = 1
        outline.forEachDepthFirst { node, _ in maxLine = max(maxLine, node.line) }
        let gutter = String(maxLine).count
        outline.forEachDepthFirst { node, depth in
            let number = String(node.line)
            let prefix = String(repeating: " ", count: gutter - number.count) + number + "  "
                + String(repeating: "  ", count: depth)
            let glyph = Self.glyphs[node.kind] ?? "·"
            var text = node.text
            if node.kind == .paragraph || node.kind == .quote { text = entryText(text) }
            if node.kind == .code { text = String(text.prefix(120)) }
            if let score = node.score {
                text += " (" + (node.role.map { $0.rawValue + ", " } ?? "") + "\(Int((score * 100).rounded()))%)"
            }
            let head = prefix + glyph + " "
            let hang = String(repeating: " ", count: DisplayWidth.of(head))
            let available = max(10, width - DisplayWidth.of(head))
            for (k, line) in wrapper.wrap(text, width: available).enumerated() {
                out.append((k == 0 ? head : hang) + line)
            }
            for evidence in node.evidence.prefix(1) {
                let lead = hang + "↳ line \(evidence.line): "
                for (k, line) in wrapper.wrap(evidence.text, width: max(10, width - DisplayWidth.of(lead))).enumerated() {
                    out.append((k == 0 ? lead : String(repeating: " ", count: DisplayWidth.of(lead))) + line)
                }
            }
        }
        if outline.nodes.isEmpty { out.append("(no body text)") }
        return out.joined(separator: "\n") + "\n"
    }

    /// A paragraph's entry: its first sentence as the analysis splits it ("the U.S. Federal
    /// Reserve" stays whole), joined with the next while it has fewer than
    /// `fewestEntryWords` words (a list number "1.", a bare "Yes.").
    public func entryText(_ text: String) -> String {
        let offsets = sentences.sentenceOffsets(in: text)
        guard let first = offsets.first else { return text }
        let utf8 = Array(text.utf8)
        var end = first.upperBound
        var next = 1
        while next < offsets.count,
              words.words(in: String(decoding: utf8[first.lowerBound..<end], as: UTF8.self)).count < Self.fewestEntryWords {
            end = offsets[next].upperBound
            next += 1
        }
        return String(decoding: utf8[first.lowerBound..<end], as: UTF8.self)
    }
}
