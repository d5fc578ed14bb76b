import BriefCore

/// Draws an `AppState` into a `Screen` of the state's size. Pure: same state, same cells.
public enum AppView {
    /// A cleared box with a line border (help and notes overlays).
    static func drawBox(on screen: inout Screen, x: Int, y: Int, width: Int, height: Int, style: Style) {
        for row in y..<(y + height) { screen.fill(row: row, from: x, to: x + width) }
        let horizontal = String(repeating: "─", count: max(0, width - 2))
        screen.put("┌" + horizontal + "┐", row: y, column: x, style: style)
        screen.put("└" + horizontal + "┘", row: y + height - 1, column: x, style: style)
        for row in (y + 1)..<(y + height - 1) {
            screen.put("│", row: row, column: x, style: style)
            screen.put("│", row: row, column: x + width - 1, style: style)
        }
    }

    public static func render(_ state: AppState) -> Screen {
        var screen = Screen(width: state.width, height: state.height)
        if state.isTooSmall {
            drawTooSmall(&screen)
            return screen
        }
        if let reader = state.reader {
            ReaderView.draw(reader, state: state, on: &screen)
        } else if let library = state.library {
            LibraryView.draw(library, state: state, on: &screen)
        }
        // Bottom first: the overlay that takes the keys is drawn last, over the others.
        for overlay in state.overlays {
            switch overlay {
            case .notesList(let list):
                if let reader = state.reader { NotesListView.draw(reader, list: list, on: &screen) }
            case .editor(let editor):
                NoteEditorView.draw(editor, row: screen.height - 1, on: &screen)
            case .links(let list):
                if let reader = state.reader { LinksListView.draw(reader, list: list, on: &screen) }
            case .why(let index):
                if let reader = state.reader, index < reader.document.keyPoints.count {
                    WhyView.draw(reader, index: index, on: &screen)
                }
            case .help(let scroll):
                HelpView.draw(scroll: scroll, context: state.helpContext, keymap: state.keymap, layout: state.helpLayout, on: &screen)
            case .prompt:
                break  // the status line shows it
            }
        }
        return screen
    }

    static func drawTooSmall(_ screen: inout Screen) {
        let words = ["terminal", "too small", "(need \(AppState.minimumWidth)×\(AppState.minimumHeight))"]
        let first = max(0, (screen.height - words.count) / 2)
        for (i, line) in words.enumerated() where first + i < screen.height {
            let w = DisplayWidth.of(line)
            screen.put(line, row: first + i, column: max(0, (screen.width - w) / 2), style: Style(bold: i < 2))
        }
    }

    /// `text` cut to `width` columns, ending in "…" when cut; never splits a cluster.
    /// Walks only as far as the cut: a paragraph of megabytes (an outline entry, a
    /// title) costs what a short one does, on every draw.
    static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        var used = 0
        var cut: String.Index?  // where the text kept before "…" ends
        var index = text.startIndex
        while index < text.endIndex {
            let w = DisplayWidth.of(text[index])
            if cut == nil, used + w > width - 1 { cut = index }
            used += w
            if used > width { return String(text[..<(cut ?? index)]) + "…" }
            index = text.index(after: index)
        }
        return text
    }

    /// The first of `variants` (longest first) that fits in `width` columns; else the last, cut.
    static func fitting(_ variants: [String], in width: Int) -> String {
        variants.first { DisplayWidth.of($0) <= width } ?? truncate(variants.last ?? "", to: width)
    }

    /// `text` cut at its front to `width` columns, starting with "…" when cut (a path, whose
    /// end names the file).
    static func truncateFront(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        guard DisplayWidth.of(text) > width else { return text }
        var kept: [Character] = []
        var used = 1
        for character in text.reversed() {
            let w = DisplayWidth.of(character)
            if used + w > width { break }
            kept.append(character)
            used += w
        }
        return "…" + String(kept.reversed())
    }

    /// Draws a status line: `left` cut to fit, `right` kept whole when possible.
    static func drawStatus(_ screen: inout Screen, left: String, right: String, row: Int) {
        let style = Style(reverse: true, role: .status)
        screen.fill(row: row, style: style)
        let rightText = truncate(right, to: screen.width - 2)
        let rightWidth = DisplayWidth.of(rightText)
        let leftRoom = screen.width - rightWidth - (rightWidth > 0 ? 3 : 2)
        screen.put(truncate(left, to: max(0, leftRoom)), row: row, column: 1, style: style)
        screen.put(rightText, row: row, column: screen.width - rightWidth - 1, style: style)
    }

    static func grouped(_ number: Int) -> String {
        var digits = String(number)
        var result = ""
        while digits.count > 3 {
            result = "," + digits.suffix(3) + result
            digits.removeLast(3)
        }
        return digits + result
    }
}
