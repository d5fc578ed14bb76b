import BriefCore

public enum LibraryView {
    static func draw(_ library: LibraryState, state: AppState, on screen: inout Screen) {
        let width = screen.width
        var header = "Brief · \(library.entries.count) article\(library.entries.count == 1 ? "" : "s")"
        if !library.filter.isEmpty {
            header += " · \(library.visible.count) match\(library.visible.count == 1 ? "" : "es") “\(library.filter.withoutControls)”"
        }
        header += " · sort: \(library.sort.rawValue)"
        screen.put(AppView.truncate(header, to: width - 1), row: 0, column: 1, style: Style(bold: true, role: .heading))

        let layout = state.libraryLayout
        let (firstRow, rows) = (layout.list.y, layout.list.height)
        let first = layout.firstIndex(selected: library.selected)
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
