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

    /// The legend as help lines, after a heading.
    static var helpLines: [(text: String, isHeading: Bool)] {
        let width = marks.map { $0.mark.count }.max() ?? 0
        return [("", false), ("Marks", true)] + marks.map { entry in
            ("  " + entry.mark + String(repeating: " ", count: width - entry.mark.count + 2) + entry.meaning, false)
        }
    }
}
