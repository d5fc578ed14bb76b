/// Wraps text to a column width at UAX #14 line-break opportunities (ICU), measuring
/// with `DisplayWidth`; a piece wider than the line is cut between grapheme clusters.
public final class TextWrapper {
    private let breaker = LineBreaker()

    public init() {}

    /// Lines of at most `width` columns (at least 1 column). Trailing spaces are dropped.
    public func wrap(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        if text.isEmpty { return [""] }
        if DisplayWidth.of(text) <= width { return [text] }
        var lines: [String] = []
        var current = ""
        var currentWidth = 0
        var start = text.startIndex
        for opportunity in breaker.breakOpportunities(in: text) where opportunity > start {
            let piece = text[start..<opportunity]
            start = opportunity
            let pieceWidth = DisplayWidth.of(piece.trailingSpacesTrimmed)
            if currentWidth + pieceWidth <= width {
                current += piece
                currentWidth += DisplayWidth.of(piece)
                continue
            }
            if !current.isEmpty {
                lines.append(String(current.trailingSpacesTrimmed))
                current = ""
                currentWidth = 0
            }
            // A piece wider than a whole line: cut it between clusters.
            for character in piece {
                let w = DisplayWidth.of(character)
                if currentWidth + w > width && !current.isEmpty && character != " " {
                    lines.append(String(current.trailingSpacesTrimmed))
                    current = ""
                    currentWidth = 0
                }
                current.append(character)
                currentWidth += w
            }
        }
        if start < text.endIndex { current += text[start...] }
        if !current.trailingSpacesTrimmed.isEmpty || lines.isEmpty {
            lines.append(String(current.trailingSpacesTrimmed))
        }
        return lines
    }
}

extension StringProtocol {
    var trailingSpacesTrimmed: SubSequence {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == " " { end = index(before: end) }
        return self[startIndex..<end]
    }
}
