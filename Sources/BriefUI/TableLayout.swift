import BriefCore

/// A table as a grid: columns as wide as their widest cell (display width, so wide
/// characters line up), aligned as the delimiter row says, a rule under the header. Lines
/// are never wrapped: a table wider than the screen is cut and scrolls sideways.
enum TableLayout {
    static let columnRule = " │ "
    static let headerRule = ("─", "─┼─")

    static func lines(of item: LayoutItem, prefix: String) -> [DisplayLine] {
        let rows = item.rows
        guard !rows.isEmpty else { return [DisplayLine(prefix: prefix, text: "", start: 0, isSpacer: false)] }
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (c, cell) in row.enumerated() { widths[c] = max(widths[c], DisplayWidth.of(cell)) }
        }
        // Cells map back to the item's text only when it is the rows joined as the parser joins them.
        let mapped = item.text == rows.map { $0.joined(separator: " | ") }.joined(separator: "\n")
        var lines: [DisplayLine] = []
        var rowStart = 0
        for (r, row) in rows.enumerated() {
            var text = ""
            var pieces: [LinePiece] = []
            func add(_ string: String, _ kind: LinePiece.Kind, source: Int = 0) {
                guard !string.isEmpty else { return }
                text += string
                pieces.append(LinePiece(kind, length: string.utf8.count, source: source))
            }
            var cellStart = rowStart
            for c in 0..<columns {
                if c > 0 { add(columnRule, .rule) }
                let cell = c < row.count ? row[c] : ""
                let room = widths[c] - DisplayWidth.of(cell)
                let alignment = c < item.alignments.count ? item.alignments[c] : .none
                let before = alignment == .right ? room : alignment == .center ? room / 2 : 0
                add(String(repeating: " ", count: before), .rule)
                add(cell, mapped ? .text : .rule, source: cellStart)
                // The last column is not padded: no trailing blanks to scroll through.
                if c < columns - 1 { add(String(repeating: " ", count: room - before), .rule) }
                if c < row.count { cellStart += cell.utf8.count + 3 }
            }
            let rowLength = row.map(\.utf8.count).reduce(0, +) + 3 * max(0, row.count - 1)
            lines.append(DisplayLine(prefix: prefix, text: text, start: rowStart, isSpacer: false,
                                     isUnwrapped: true, pieces: pieces))
            if r == 0, rows.count > 1 {
                // Under the header; placed at the header's line end so it has a position of its own.
                let rule = widths.map { String(repeating: headerRule.0, count: $0) }.joined(separator: headerRule.1)
                lines.append(DisplayLine(prefix: prefix, text: rule, start: rowStart + rowLength, isSpacer: false,
                                         isUnwrapped: true, pieces: [LinePiece(.rule, length: rule.utf8.count)]))
            }
            rowStart += rowLength + 1
        }
        return lines
    }
}
