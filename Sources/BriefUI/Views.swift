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
        if let reader = state.reader, let list = state.notesList {
            NotesListView.draw(reader, list: list, on: &screen)
        }
        if let editor = state.noteEditor {
            NoteEditorView.draw(editor, row: screen.height - 1, on: &screen)
        }
        if let reader = state.reader, let index = state.whyShown, index < reader.document.keyPoints.count {
            WhyView.draw(reader, index: index, on: &screen)
        }
        if let scroll = state.helpScroll {
            HelpView.draw(scroll: scroll, context: state.helpContext, on: &screen)
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

public enum LibraryView {
    /// First entry shown when `selected` is selected and the list has `rows` rows (whole pages).
    public static func firstIndex(selected: Int, rows: Int) -> Int { (selected / max(1, rows)) * max(1, rows) }

    static func draw(_ library: LibraryState, state: AppState, on screen: inout Screen) {
        let width = screen.width
        var header = "Brief · \(library.entries.count) article\(library.entries.count == 1 ? "" : "s")"
        if !library.filter.isEmpty {
            header += " · \(library.visible.count) match\(library.visible.count == 1 ? "" : "es") “\(library.filter.withoutControls)”"
        }
        header += " · sort: \(library.sort.rawValue)"
        screen.put(AppView.truncate(header, to: width - 1), row: 0, column: 1, style: Style(bold: true, role: .heading))

        let (firstRow, rows) = state.libraryListRows
        let first = firstIndex(selected: library.selected, rows: rows)
        if library.visible.isEmpty {
            let text = library.entries.isEmpty ? "No articles." : "No article matches the filter (Esc clears it)."
            screen.put(AppView.truncate(text, to: width - 2), row: firstRow, column: 1, style: Style(dim: true, role: .dim))
        }
        for row in 0..<rows {
            let index = first + row
            guard index < library.visible.count else { break }
            let entry = library.entries[library.visible[index]]
            let selected = index == library.selected
            let style = selected ? Style(reverse: true, role: .selection) : .plain
            let y = firstRow + row
            screen.fill(row: y, style: style)
            let details: String
            if let problem = entry.problem {
                details = AppView.truncate("⚠ " + problem.withoutControls, to: max(0, width / 2))
            } else if width >= 64 {
                details = "\(AppView.grouped(entry.words)) words · \(entry.readingMinutes) min · "
                    + (entry.kind.map { $0.label + " · " } ?? "")
                    + "\(entry.keyPoints) key point\(entry.keyPoints == 1 ? "" : "s") · \(entry.notes) note\(entry.notes == 1 ? "" : "s")"
            } else {
                details = "\(entry.readingMinutes) min · \(entry.keyPoints)★"
            }
            let detailsWidth = DisplayWidth.of(details)
            screen.put(entry.read ? " " : "●", row: y, column: 1,
                       style: selected ? style : Style(bold: true, role: .mark))
            let titleRoom = width - 3 - detailsWidth - 3
            screen.put(AppView.truncate(entry.title.withoutControls, to: max(0, titleRoom)), row: y, column: 3,
                       style: Style(bold: !entry.read, reverse: selected, role: selected ? .selection : .normal))
            if titleRoom > 4 {
                screen.put(details, row: y, column: width - detailsWidth - 1,
                           style: selected ? style : Style(dim: true, role: .dim))
            }
        }

        let bottom = screen.height - 1
        if let prompt = state.prompt, prompt.kind == .filter {
            AppView.drawStatus(&screen, left: "/" + prompt.text.withoutControls + "▏",
                               right: "\(library.visible.count)/\(library.entries.count)", row: bottom)
        } else {
            let position = library.visible.isEmpty ? "0/0" : "\(library.selected + 1)/\(library.visible.count)"
            AppView.drawStatus(&screen, left: state.message ?? "Enter open · / filter · s sort · ? help · q quit",
                               right: position, row: bottom)
        }
    }
}

public enum OutlineView {
    /// First visible entry shown: the highlighted entry kept near the middle.
    public static func firstRow(_ reader: ReaderState, height: Int) -> Int {
        let count = reader.visibleEntries.count
        let highlighted = reader.focus == .outline ? reader.selectedEntry : (reader.trackedEntry() ?? 0)
        return max(0, min(highlighted - height / 2, count - height))
    }

    static func draw(_ reader: ReaderState, geometry: ReaderGeometry, on screen: inout Screen) {
        let width = geometry.paneWidth
        let height = geometry.textHeight
        let entries = reader.document.outlineEntries
        let highlighted = reader.focus == .outline ? reader.selectedEntry : reader.trackedEntry()
        let first = firstRow(reader, height: height)
        for row in 0..<height {
            screen.put("│", row: row, column: width, style: Style(dim: true, role: .dim))
            let index = first + row
            guard index < reader.visibleEntries.count else { continue }
            let entryIndex = reader.visibleEntries[index]
            let entry = entries[entryIndex]
            var style = Style()
            let mark: String
            switch entry.kind {
            case .section:
                mark = entry.hasChildren ? (reader.folded.contains(entryIndex) ? "▸ " : "▾ ") : "  "
                style.bold = true
                style.role = .heading
            case .bullet: mark = "• "
            case .paragraph: mark = "¶ "
            case .quote: mark = "> "
            case .code: mark = "{ "
            case .claim:
                // Claims and facts are what the kind of article leads one to expect; the thesis and
                // the conclusion are named (the status line names every role).
                let named = entry.role == .thesis || entry.role == .conclusion
                mark = "★ " + (named ? (entry.role?.rawValue ?? "") + " · " : "")
                style.role = .claim
            }
            if entry.kind != .section, entry.hasChildren, reader.folded.contains(entryIndex) {
                style.underline = true
            }
            if index == highlighted {
                style.reverse = true
                style.role = reader.focus == .outline ? .selection : .keyPoint
                screen.fill(row: row, from: 0, to: width, style: style)
            }
            let indent = String(repeating: " ", count: min(entry.depth, 4) * 2)
            let text = indent + mark + entry.text
            if hasNote(entry, reader) {
                screen.put(AppView.truncate(text, to: width - 1), row: row, column: 0, style: style, limit: width - 1)
                var markStyle = style
                markStyle.bold = true
                if index != highlighted { markStyle.role = .mark }
                screen.put(ReaderView.noteMark, row: row, column: width - 1, style: markStyle, limit: width)
            } else {
                screen.put(AppView.truncate(text, to: width), row: row, column: 0, style: style, limit: width)
            }
        }
    }
}

extension OutlineView {
    /// Whether a note is on this entry's passage: its paragraph, bullet or quote, or the
    /// claim's sentence.
    static func hasNote(_ entry: OutlineEntry, _ reader: ReaderState) -> Bool {
        guard entry.kind != .section, !reader.notes.isEmpty else { return false }
        let item = entry.position.item
        let claim = entry.kind == .claim
            ? reader.document.claimRanges(in: item).first { $0.lowerBound == entry.position.offset } : nil
        return reader.notes.contains { note in
            guard note.item == item else { return false }
            guard let claim, let range = note.range else { return true }
            return range.overlaps(claim) || range == claim
        }
    }
}

public enum ReaderView {
    /// Gutter marks: a note, a highlight (on the first line of the passage).
    public static let noteMark = "✎"
    public static let highlightMark = "▌"

    static func draw(_ reader: ReaderState, state: AppState, on screen: inout Screen) {
        let geometry = state.geometry
        if geometry.outlineShown {
            OutlineView.draw(reader, geometry: geometry, on: &screen)
        }
        let document = reader.document
        let currentKeyPoint = reader.keyPoint.map { document.keyPoints[$0] }
        let currentMatch = reader.search?.current.map { reader.search!.matches[$0] }
        let lines = reader.layout.lines(from: reader.top, count: geometry.textHeight)
        for (row, (itemIndex, line)) in lines.enumerated() {
            let item = document.items[itemIndex]
            let lineRange = line.start..<(line.start + line.text.utf8.count)
            let claims = document.claimRanges(in: itemIndex)
            let onKeyPoint = currentKeyPoint.map { $0.item == itemIndex && $0.range.overlaps(lineRange) } ?? false
            let onClaim = claims.contains { $0.overlaps(lineRange) }
            if onKeyPoint {
                let startsHere = currentKeyPoint!.range.lowerBound >= line.start
                screen.put(startsHere ? "▶" : "┃", row: row, column: geometry.textAreaX,
                           style: Style(bold: true, role: .keyPoint))
            } else if onClaim {
                screen.put("┃", row: row, column: geometry.textAreaX, style: Style(role: .mark))
            }
            if line.isSpacer { continue }
            let notesHere = reader.notes.filter { $0.item == itemIndex }
            if !notesHere.isEmpty {
                let startsHere = notesHere.filter { note in
                    reader.layout.lineStart(Position(item: itemIndex, offset: note.range?.lowerBound ?? 0)).offset == line.start
                }
                if !startsHere.isEmpty {
                    let isNote = startsHere.contains { !$0.note.isHighlight }
                    screen.put(isNote ? noteMark : highlightMark, row: row, column: geometry.textAreaX + 1,
                               style: Style(bold: true, role: .mark))
                }
            }
            if let passage = state.noteEditor?.passage, passage.item == itemIndex,
               reader.layout.lineStart(Position(item: itemIndex, offset: passage.range.lowerBound)).offset == line.start {
                screen.put(noteMark, row: row, column: geometry.textAreaX + 1, style: Style(bold: true, role: .keyPoint))
            }
            let highlights = notesHere.compactMap { $0.note.isHighlight ? $0.range : nil }.filter { $0.overlaps(lineRange) }

            var base = Style()
            switch item.kind {
            case .title: base = Style(bold: true, underline: true, role: .heading)
            case .heading: base = Style(bold: true, underline: item.level <= 2, role: .heading)
            case .meta: base = Style(dim: true, role: .dim)
            default: break
            }
            var column = screen.put(line.prefix, row: row, column: geometry.textX,
                                    style: item.kind == .quote ? Style(dim: true, role: .dim) : base)
            let matchIndices = reader.search?.matchesByItem[itemIndex] ?? []
            let matches = matchIndices.map { reader.search!.matches[$0].range }.filter { $0.overlaps(lineRange) }
            var offset = line.start
            for character in line.text {
                var style = base
                if claims.contains(where: { $0.contains(offset) }) {
                    style.bold = true
                    style.role = .claim
                }
                if highlights.contains(where: { $0.contains(offset) }) {
                    style.underline = true
                }
                if let kp = currentKeyPoint, kp.item == itemIndex, kp.range.contains(offset) {
                    style.reverse = true
                    style.role = .keyPoint
                }
                if matches.contains(where: { $0.contains(offset) }) {
                    let isCurrent = currentMatch.map { $0.item == itemIndex && $0.range.contains(offset) } ?? false
                    style.reverse = true
                    style.underline = isCurrent
                    style.role = isCurrent ? .currentMatch : .match
                }
                column = screen.put(String(character), row: row, column: column, style: style)
                offset += character.utf8.count
            }
        }

        // Status line.
        let bottom = screen.height - 1
        var right: [String] = []
        let points = document.keyPoints.count
        if let k = reader.keyPoint {
            right.append("key point \(k + 1)/\(points) \(document.keyPoints[k].role.rawValue)")  // "key point 2/6 thesis"
        } else if points > 0 {
            right.append(points == 1 ? "1 key point" : "\(points) key points")
        }
        if let search = reader.search {
            let more = search.matches.count >= SearchState.limit ? "+" : search.isComplete ? "" : "…"
            if search.matches.isEmpty {
                right.append(search.isComplete ? "no match" : "searching…")
            } else if let current = search.current {
                right.append("match \(current + 1)/\(search.matches.count)\(more)")
            } else {
                right.append("\(search.matches.count)\(more) matches")
            }
        }
        if !reader.notes.isEmpty {
            right.append(reader.notes.count == 1 ? "1 note" : "\(reader.notes.count) notes")
        }
        if let busy = state.busy { right.insert(busy + "…", at: 0) }
        let last = reader.layout.lastTop(height: geometry.textHeight)
        let percent = reader.top >= last ? 100 : Int(document.fraction(at: reader.top) * 100)
        right.append("\(percent)%")
        var left: String
        if let prompt = state.prompt, prompt.kind == .search {
            left = "/" + prompt.text.withoutControls + "▏"
        } else if let message = state.message {
            left = message
        } else {
            left = document.article.title
            if let section = document.section(containing: reader.top.item) {
                // Title and section share the room, so the section stays visible.
                let room = screen.width - DisplayWidth.of(right.joined(separator: " · ")) - 3
                let title = AppView.truncate(left, to: max(6, (room - 3) / 2))
                let sectionRoom = room - DisplayWidth.of(title) - 3
                if sectionRoom >= 4 {
                    left = title + " › " + AppView.truncate(document.items[section].text, to: sectionRoom)
                }
            }
        }
        var rightText = right.joined(separator: " · ")
        if let message = state.message, state.prompt == nil,
           DisplayWidth.of(message) + DisplayWidth.of(rightText) + 3 > screen.width {
            rightText = ""  // a long message (an export path) is worth more than the position
        }
        AppView.drawStatus(&screen, left: left, right: rightText, row: bottom)
    }
}

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
    /// Rows per note in the list: where it is and its passage, then the note.
    static let rowsPerNote = 2

    static func draw(_ reader: ReaderState, list: NotesListState, on screen: inout Screen) {
        let notes = reader.notes
        let boxWidth = min(screen.width - 2, 76)
        let boxHeight = max(3, screen.height - 1)
        let x = (screen.width - boxWidth) / 2
        let y = 0
        let border = Style(bold: true, role: .heading)
        AppView.drawBox(on: &screen, x: x, y: y, width: boxWidth, height: boxHeight, style: border)
        screen.put(" Notes · \(notes.count) ", row: y, column: x + 2, style: border)
        let footer = list.confirmingDelete ? " Delete this note? y/n "
            : " Enter jump · e edit · d delete · Esc close "
        if DisplayWidth.of(footer) + 4 <= boxWidth {
            screen.put(footer, row: y + boxHeight - 1, column: x + boxWidth - DisplayWidth.of(footer) - 2,
                       style: list.confirmingDelete ? Style(bold: true, reverse: true, role: .selection) : border)
        }
        let inner = boxHeight - 2
        let room = boxWidth - 4
        guard inner > 0, room > 0 else { return }
        if notes.isEmpty {
            screen.put(AppView.truncate("No notes yet: a writes one, m highlights.", to: room), row: y + 1,
                       column: x + 2, style: Style(dim: true, role: .dim))
            return
        }
        let perPage = max(1, inner / rowsPerNote)
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
        let boxWidth = min(screen.width - 2, 72)
        let lines = lines(reader, index: index, width: max(4, boxWidth - 4))
        let boxHeight = min(screen.height - 1, lines.count + 2)
        let x = (screen.width - boxWidth) / 2
        let y = max(0, (screen.height - 1 - boxHeight) / 2)
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
    static func draw(scroll: Int, context: CommandContext, on screen: inout Screen) {
        let lines = CommandTable.helpLines(first: context)
        let boxWidth = min(screen.width - 2, 64)
        let boxHeight = min(screen.height - 1, lines.count + 4)
        let x = (screen.width - boxWidth) / 2
        let y = max(0, (screen.height - 1 - boxHeight) / 2)
        let border = Style(bold: true, role: .heading)
        AppView.drawBox(on: &screen, x: x, y: y, width: boxWidth, height: boxHeight, style: border)
        screen.put(" Keys ", row: y, column: x + 2, style: border)
        let footer = " any key closes · j/k scroll "
        if DisplayWidth.of(footer) + 4 <= boxWidth {
            screen.put(footer, row: y + boxHeight - 1, column: x + boxWidth - DisplayWidth.of(footer) - 2, style: border)
        }
        let rows = boxHeight - 4
        guard rows > 0 else { return }
        for i in 0..<rows {
            let index = scroll + i
            guard index < lines.count else { break }
            let (text, isHeading) = lines[index]
            screen.put(AppView.truncate(text, to: boxWidth - 4), row: y + 2 + i, column: x + 2,
                       style: isHeading ? Style(bold: true, role: .heading) : .plain, limit: x + boxWidth - 2)
        }
    }
}
