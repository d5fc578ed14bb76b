import BriefCore

public enum NoteEditorView {
    /// The editor on `row`: its label, then the text from its scroll position; the cursor
    /// is a reverse-video cell.
    static func draw(_ editor: NoteEditor, row: Int, on screen: inout Screen) {
        screen.fill(row: row)
        var column = screen.put(editor.label, row: row, column: 1, style: Style(bold: true, role: .heading))
        let characters = Array(editor.line.text)
        let end = screen.width - 1
        var index = editor.line.scroll
        let cursorStyle = Style(reverse: true, role: .selection)
        while index < characters.count {
            let character = characters[index] == "\n" ? "↵" : characters[index]
            let w = DisplayWidth.of(character)
            if column + w > end { break }
            screen.put(String(character), row: row, column: column, style: index == editor.line.cursor ? cursorStyle : .plain)
            column += w
            index += 1
        }
        if editor.line.cursor == characters.count, column < end {
            screen.put(" ", row: row, column: column, style: cursorStyle)
        }
    }
}

public enum NotesListView {
    static func draw(_ reader: ReaderState, list: NotesListState, on screen: inout Screen) {
        let notes = reader.notes
        let layout = NotesListLayout(width: screen.width, height: screen.height)
        let rowsPerNote = NotesListLayout.rowsPerNote
        let (x, y, boxWidth, boxHeight) = (layout.box.x, layout.box.y, layout.box.width, layout.box.height)
        let border = Style(bold: true, role: .heading)
        AppView.drawBox(on: &screen, x: x, y: y, width: boxWidth, height: boxHeight, style: border)
        screen.put(" Notes · \(notes.count) ", row: y, column: x + 2, style: border)
        // The key hints shorten to fit a narrow window rather than disappear.
        let footer = list.confirmingDelete ? AppView.fitting([" Delete this note? y/n ", " Delete? y/n "], in: boxWidth - 4)
            : AppView.fitting([" Enter jump · e edit · d delete · Esc close ", " ↵ jump · e edit · d delete · Esc ",
                               " ↵ jump · e · d · Esc ", " ↵ e d Esc "], in: boxWidth - 4)
        screen.put(footer, row: y + boxHeight - 1, column: x + boxWidth - DisplayWidth.of(footer) - 2,
                   style: list.confirmingDelete ? Style(bold: true, reverse: true, role: .selection) : border)
        let inner = boxHeight - 2
        let room = boxWidth - 4
        guard inner > 0, room > 0 else { return }
        if notes.isEmpty {
            screen.put(AppView.truncate("No notes yet: a writes one, m highlights.", to: room), row: y + 1,
                       column: x + 2, style: Style(dim: true, role: .dim))
            return
        }
        let perPage = layout.notesPerPage
        let first = (list.selected / perPage) * perPage
        for i in 0..<perPage {
            let index = first + i
            guard index < notes.count else { break }
            let note = notes[index]
            let row = y + 1 + i * rowsPerNote
            let selected = index == list.selected
            var head = note.note.isHighlight ? ReaderView.highlightMark + " " : ReaderView.noteMark + " "
            head += "line \(note.placement.line)"
            if let section = note.placement.section.last { head += " · " + section }
            if note.isOrphaned { head += " · orphaned" }
            head += " · “" + note.note.quote + "”"
            var body = note.note.isHighlight ? "(highlight)" : note.note.note
            body = body.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " ↵ ")
            let style = selected ? Style(reverse: true, role: .selection) : .plain
            if selected {
                screen.fill(row: row, from: x + 1, to: x + boxWidth - 1, style: style)
                screen.fill(row: row + 1, from: x + 1, to: x + boxWidth - 1, style: style)
            }
            var headStyle = style
            if note.isOrphaned { headStyle.dim = true; if !selected { headStyle.role = .dim } }
            screen.put(AppView.truncate(head.withoutControls, to: room), row: row, column: x + 2, style: headStyle,
                       limit: x + boxWidth - 2)
            if row + 1 < y + boxHeight - 1 {
                screen.put(AppView.truncate("  " + body.withoutControls, to: room), row: row + 1, column: x + 2,
                           style: style, limit: x + boxWidth - 2)
            }
        }
    }
}

/// Why the current key point was chosen (`w`): its number, role and score, the sentence,
/// then the reasons in words.
public enum WhyView {
    static func lines(_ reader: ReaderState, index k: Int, width: Int) -> [(text: String, isHeading: Bool)] {
        let document = reader.document
        let point = document.keyPoints[k]
        var head = "Key point \(k + 1)/\(document.keyPoints.count) · \(point.role.rawValue)"
        if let score = point.score { head += " · \(Int((score * 100).rounded()))% likely a key point" }
        if let kind = document.kind { head += " · in " + ("aeiou".contains(kind.label.first!) ? "an " : "a ") + kind.label }
        var out: [(String, Bool)] = []
        for line in TextWrapper().wrap(head, width: width) { out.append((line, true)) }
        out.append(("", false))
        let quoted = "“" + document.items[point.item].text.utf8Slice(point.range).withoutControls + "”"
        var sentence = TextWrapper().wrap(quoted, width: width)
        if sentence.count > 3 { sentence = Array(sentence.prefix(3)); sentence[2] = AppView.truncate(sentence[2] + " …", to: width) }
        for line in sentence { out.append((line, false)) }
        out.append(("", false))
        for reason in point.reasons {
            for (i, line) in TextWrapper().wrap(reason, width: max(4, width - 2)).enumerated() {
                out.append(((i == 0 ? "• " : "  ") + line, false))
            }
        }
        return out
    }

    static func draw(_ reader: ReaderState, index: Int, on screen: inout Screen) {
        let wrapWidth = max(4, min(screen.width - 2, Metrics.whyBoxWidth) - 4)
        let lines = lines(reader, index: index, width: wrapWidth)
        let box = Rect.centredBox(width: Metrics.whyBoxWidth, height: lines.count + 2,
                                  screenWidth: screen.width, screenHeight: screen.height)
        let (x, y, boxWidth, boxHeight) = (box.x, box.y, box.width, box.height)
        let border = Style(bold: true, role: .heading)
        AppView.drawBox(on: &screen, x: x, y: y, width: boxWidth, height: boxHeight, style: border)
        screen.put(" Why this key point ", row: y, column: x + 2, style: border, limit: x + boxWidth - 2)
        let footer = " any key closes "
        if DisplayWidth.of(footer) + 4 <= boxWidth {
            screen.put(footer, row: y + boxHeight - 1, column: x + boxWidth - DisplayWidth.of(footer) - 2, style: border)
        }
        for (i, (text, isHeading)) in lines.prefix(max(0, boxHeight - 2)).enumerated() {
            screen.put(AppView.truncate(text, to: boxWidth - 4), row: y + 1 + i, column: x + 2,
                       style: isHeading ? Style(bold: true, role: .heading) : .plain, limit: x + boxWidth - 2)
        }
    }
}

public enum HelpView {
    static func draw(scroll: Int, context: CommandContext, keymap: Keymap, layout: HelpLayout, on screen: inout Screen) {
        let lines = keymap.helpLines(first: context, width: layout.text.width)
        let (x, y, boxWidth, boxHeight) = (layout.box.x, layout.box.y, layout.box.width, layout.box.height)
        let border = Style(bold: true, role: .heading)
        AppView.drawBox(on: &screen, x: x, y: y, width: boxWidth, height: boxHeight, style: border)
        screen.put(" Keys ", row: y, column: x + 2, style: border)
        let footer = " any key closes · j/k scroll "
        if DisplayWidth.of(footer) + 4 <= boxWidth {
            screen.put(footer, row: y + boxHeight - 1, column: x + boxWidth - DisplayWidth.of(footer) - 2, style: border)
        }
        let rows = layout.text.height
        guard rows > 0 else { return }
        for i in 0..<rows {
            let index = scroll + i
            guard index < lines.count else { break }
            let (text, isHeading) = lines[index]
            screen.put(AppView.truncate(text, to: layout.text.width), row: layout.text.y + i, column: layout.text.x,
                       style: isHeading ? Style(bold: true, role: .heading) : .plain, limit: x + boxWidth - 2)
        }
    }
}
