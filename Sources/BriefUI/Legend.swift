import BriefCore

/// What every mark and glyph on the screens means: the last part of the help (`?`).
public enum Legend {
    public static let marks: [(mark: String, meaning: String)] = [
        ("▶ ┃", "gutter: the selected key point (] [) starts here; goes on"),
        ("┣ ┃", "gutter: a key point starts on this line; goes on"),
        ("✎", "gutter or outline: a note on this passage"),
        ("▌", "gutter: a highlight starts here"),
        ("★", "outline: a key point (thesis and conclusion named)"),
        ("§ ▾ ▸", "a section; outline: unfolded, folded (h, l)"),
        ("¶ • > ❝", "outline: paragraph, bullet, quote"),
        ("{ ⌗ ▦", "outline: code, table"),
        ("●", "library: not read yet"),
        ("[3]", "text: link number 3 (u lists the links)"),
        ("‹ ›", "text: more of a table or code to the side (← →)"),
        ("│", "text: a quote's bar; between table columns"),
    ]

    /// The legend as help lines, after a heading; meanings wrapped to `width` columns.
    static func helpLines(width: Int? = nil) -> [(text: String, isHeading: Bool)] {
        let markWidth = marks.map { $0.mark.count }.max() ?? 0
        let indent = 2 + markWidth + 2
        let wrapper = TextWrapper()
        var lines: [(String, Bool)] = [("", false), ("Marks", true)]
        for entry in marks {
            let pieces = width.map { wrapper.wrap(entry.meaning, width: max(10, $0 - indent)) } ?? [entry.meaning]
            for (n, piece) in pieces.enumerated() {
                let lead = n == 0 ? "  " + entry.mark + String(repeating: " ", count: markWidth - entry.mark.count + 2)
                    : String(repeating: " ", count: indent)
                lines.append((lead + piece, false))
            }
        }
        return lines
    }
}
