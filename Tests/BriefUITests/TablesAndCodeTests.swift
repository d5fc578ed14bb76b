import Testing
import BriefCore
@testable import BriefUI

/// Issue 16: GFM tables as grids, code never wrapped, both scrolled sideways.
@Suite("Tables and code")
struct TablesAndCodeTests {
    static let tableText = """
        # Prices

        | Fruit | Price | Origin |
        |:------|------:|:------:|
        | apples | 3 | Kent |
        | 東京 | 12.50 | — |

        After the table.
        """

    static let codeText = """
        # Code

        ```swift
        let veryLongLine = "this line of code is much wider than forty columns of screen"
        \tindented()
        ```

        Text after.
        """

    @Test("A pipe table is a grid: aligned columns as the delimiter row says, wide characters measured, a rule under the header")
    func tableGrid() {
        let state = ReadingKeysTests.plain(Self.tableText, width: 60, height: 14)
        let rows = AppView.render(state).rows()
        let header = rows.firstIndex { $0.contains("Fruit") }!
        #expect(Array(rows[header...(header + 3)]) == [
            "    Fruit  │ Price │ Origin",
            "    ───────┼───────┼───────",
            "    apples │     3 │  Kent",
            "    東京   │ 12.50 │   —",
        ])
        #expect(rows.contains { $0.contains("After the table.") })
    }

    @Test("A table wider than the screen is cut with a marker; → scrolls it, ← back")
    func wideTableScrolls() {
        let wide = "# W\n\n| a | b |\n|---|---|\n| " + String(repeating: "x", count: 50) + " | end |\n"
        var state = ReadingKeysTests.plain(wide, width: 40, height: 12)
        var rows = AppView.render(state).rows()
        let row = rows.firstIndex { $0.contains("xxxx") }!
        #expect(rows[row].hasSuffix("›"), "\(rows[row])")
        #expect(!rows[row].contains("end"))
        Fixtures.press([.right, .right], on: &state)
        rows = AppView.render(state).rows()
        #expect(rows[row].contains("end"), "\(rows[row])")
        #expect(rows[row].contains("‹"))
        Fixtures.press([.left, .left, .left], on: &state)
        #expect(state.reader?.sideways == 0)
        #expect(AppView.render(state).rows()[row].hasSuffix("›"))
    }

    @Test("Code is never wrapped: a long line is cut with a marker, tabs expanded, drawn in the code role")
    func codeUnwrapped() {
        let state = ReadingKeysTests.plain(Self.codeText, width: 40, height: 12)
        let screen = AppView.render(state)
        let rows = screen.rows()
        let line = rows.firstIndex { $0.contains("veryLongLine") }!
        #expect(rows[line].hasSuffix("›"))
        #expect(rows[line + 1] == "    " + "    indented()", "the next row is the next code line, not a continuation")
        let column = (0..<screen.width).first { screen[line, $0].text == "l" }!
        #expect(screen[line, column].style.role == .code)
    }

    @Test("→ with nothing wide on screen says so and changes nothing")
    func nothingToScroll() {
        var state = AppState(document: Fixtures.ports(), width: 40, height: 12)
        Fixtures.press([.right], on: &state)
        #expect(state.reader?.sideways == 0)
        #expect(AppView.render(state).rows().last!.contains("nothing wider"))
    }
}
