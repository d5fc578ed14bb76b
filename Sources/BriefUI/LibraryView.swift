import BriefCore

public enum LibraryView {
    /// Narrowest a title may become before the date column gives way.
    static let titleMinimum = 20
    /// Titles up to this wide are never cut to make room for the date column.
    static let titleKept = 30

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
        let shown = library.visible[min(first, library.visible.count)..<min(first + rows, library.visible.count)]
        let details = shown.map { self.details(library.entries[$0], width: width) }
        let dates = shown.map { library.entries[$0].date?.compact(thisYear: library.thisYear) }
        // The date column is the first to go: shown only while it cuts no title shorter than
        // `titleKept` columns (nor any below `titleMinimum`).
        let dateWidth = dates.map { $0.map(DisplayWidth.of) ?? 0 }.max() ?? 0
        let detailsWidth = details.map(DisplayWidth.of).max() ?? 0
        let widestTitle = shown.map { DisplayWidth.of(library.entries[$0].title.withoutControls) }.max() ?? 0
        let titleRoomWithDate = width - 3 - detailsWidth - 3 - (dateWidth + 2)
        let dateShown = dateWidth > 0 && titleRoomWithDate >= max(titleMinimum, min(widestTitle, titleKept))
        let dateRoom = dateShown ? dateWidth + 2 : 0
        for (row, index) in shown.indices.enumerated() {
            let entry = library.entries[library.visible[index]]
            let selected = index == library.selected
            let style = selected ? Style(reverse: true, role: .selection) : .plain
            let dim = selected ? style : Style(dim: true, role: .dim)
            let y = firstRow + row
            screen.fill(row: y, style: style)
            let rowDetails = details[row]
            let rowDetailsWidth = DisplayWidth.of(rowDetails)
            screen.put(entry.read ? " " : "●", row: y, column: 1,
                       style: selected ? style : Style(bold: true, role: .mark))
            let titleRoom = width - 3 - rowDetailsWidth - 3 - dateRoom
            screen.put(AppView.truncate(entry.title.withoutControls, to: max(0, titleRoom)), row: y, column: 3,
                       style: Style(bold: !entry.read, reverse: selected, dim: !entry.filled && !selected,
                                    role: selected ? .selection : entry.filled ? .normal : .dim))
            if titleRoom > 4 {
                screen.put(rowDetails, row: y, column: width - dateRoom - rowDetailsWidth - 1, style: dim)
            }
            if dateShown, let date = dates[row] {
                screen.put(date, row: y, column: width - DisplayWidth.of(date) - 1, style: dim)
            }
        }

        let bottom = screen.height - 1
        // The same counter while the filter is typed and after: the selected row of the rows shown.
        let position = library.visible.isEmpty ? "0/0" : "\(library.selected + 1)/\(library.visible.count)"
        if let prompt = state.prompt, prompt.kind == .filter {
            AppView.drawStatus(&screen, left: "/" + prompt.text.withoutControls + "▏", right: position, row: bottom)
        } else {
            let room = width - DisplayWidth.of(position) - 3
            AppView.drawStatus(&screen, left: state.message ?? hints(library, room: room), right: position, row: bottom)
        }
    }

    /// The details after a row's title, as wide as the screen allows.
    static func details(_ entry: LibraryEntry, width: Int) -> String {
        if let problem = entry.problem { return AppView.truncate("⚠ " + problem.withoutControls, to: max(0, width / 2)) }
        guard entry.filled else { return entry.size > 0 ? sizeLabel(entry.size) : "" }
        let keyPoints = entry.keyPoints
        let notes = entry.notes > 0 ? " · \(entry.notes) note\(entry.notes == 1 ? "" : "s")" : ""
        let counted = keyPoints.map { "\($0) key point\($0 == 1 ? "" : "s")" } ?? "key points when opened"
        if width >= 110 {
            return "\(entry.wordsEstimated ? "≈" : "")\(AppView.grouped(entry.words)) words · \(entry.readingMinutes) min · "
                + (entry.kind.map { $0.label + " · " } ?? "") + counted + notes
        }
        if width >= 64 {
            // The words give way, so that the title and the date keep their room.
            return "\(entry.readingMinutes) min · " + (entry.kind.map { $0.label + " · " } ?? "") + counted + notes
        }
        return "\(entry.readingMinutes) min · \(keyPoints.map(String.init) ?? "–")★"
    }

    /// "812 B", "48 KB", "3.1 MB".
    static func sizeLabel(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        if bytes < 1 << 20 { return "\((bytes + 512) / 1024) KB" }
        let tenths = (bytes * 10 + (1 << 19)) >> 20
        return tenths >= 100 ? "\(tenths / 10) MB" : "\(tenths / 10).\(tenths % 10) MB"
    }

    /// The footer's hints that fit in `room` columns: `? help` always, the progress of the
    /// background work next, and the other hints as room allows (the least needed go first).
    static func hints(_ library: LibraryState, room: Int) -> String {
        // In the order shown; `rank` is the order they are kept in (0 first).
        var parts: [(text: String, rank: Int)] = [("Enter open", 2), ("/ filter", 3), ("s sort", 5), ("? help", 0), ("q quit", 4)]
        if library.isFilling {
            parts.insert(("analysing \(library.filledCount)/\(library.entries.count)…", 1), at: 0)
        }
        var kept = Set<Int>()
        for rank in parts.map(\.rank).sorted() {
            let trial = kept.union([rank])
            let text = parts.filter { trial.contains($0.rank) }.map(\.text).joined(separator: " · ")
            guard DisplayWidth.of(text) <= room || kept.isEmpty else { break }
            kept = trial
        }
        return parts.filter { kept.contains($0.rank) }.map(\.text).joined(separator: " · ")
    }
}
