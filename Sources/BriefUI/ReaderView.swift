import BriefCore

public enum OutlineView {
    /// First visible entry shown: the highlighted entry kept near the middle.
    public static func firstRow(_ reader: ReaderState, height: Int) -> Int {
        let count = reader.visibleEntries.count
        let highlighted = reader.focus == .outline ? reader.selectedEntry : (reader.trackedEntry(height: height) ?? 0)
        return max(0, min(highlighted - height / 2, count - height))
    }

    static func draw(_ reader: ReaderState, geometry: ReaderGeometry, on screen: inout Screen) {
        let width = geometry.paneWidth
        let height = geometry.textHeight
        let entries = reader.document.outlineEntries
        let highlighted = reader.focus == .outline ? reader.selectedEntry : reader.trackedEntry(height: height)
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
            case .table: mark = "▦ "
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

    /// How an item's text looks before spans, claims and matches: headings by level, so
    /// that h1–h6 can be told apart without colour too.
    static func baseStyle(of item: LayoutItem) -> Style {
        switch item.kind {
        case .title: return Style(bold: true, underline: true, role: .heading)
        case .heading:
            switch item.level {
            case ...2: return Style(bold: true, underline: true, role: .heading)
            case 3: return Style(bold: true, role: .heading)
            case 4: return Style(bold: true, italic: true, role: .heading)
            case 5: return Style(italic: true, role: .heading)
            default: return Style(dim: true, italic: true, role: .heading)
            }
        case .meta: return Style(dim: true, role: .dim)
        case .code: return Style(role: .code)
        default: return Style()
        }
    }

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
                // Where a key point starts, so that two in a row can be told apart.
                let startsHere = claims.contains { lineRange.contains($0.lowerBound) }
                screen.put(startsHere ? "┣" : "┃", row: row, column: geometry.textAreaX, style: Style(role: .mark))
            }
            if line.isSpacer {
                // Between paragraphs of one quote, its bar goes on.
                screen.put(line.prefix, row: row, column: geometry.textX, style: Style(dim: true, role: .dim))
                continue
            }
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

            var base = Self.baseStyle(of: item)
            if item.kind == .table, line.start == 0 { base.bold = true }  // the header row
            var column = screen.put(line.prefix, row: row, column: geometry.textX,
                                    style: item.kind == .quote ? Style(dim: true, role: .dim) : base)
            let matchIndices = reader.search?.matchesByItem[itemIndex] ?? []
            let matches = matchIndices.map { reader.search!.matches[$0].range }.filter { $0.overlaps(lineRange) }
            // Only the spans on this line: a paragraph may have tens of thousands.
            let spans = (item.blockIndex.map { document.article.blocks[$0].spans } ?? []).filter { $0.range.overlaps(lineRange) }
            let right = geometry.textX + geometry.textWidth
            // Tables and code are cut, not wrapped: "‹" and "›" say there is more to the side.
            var skip = 0
            var cutAt = right
            if line.isUnwrapped {
                skip = reader.sideways
                if DisplayWidth.of(line.text) - skip > right - column { cutAt = right - 1 }
                if skip > 0, !line.text.isEmpty {
                    screen.put("‹", row: row, column: column, style: Style(dim: true, role: .dim))
                    column += 1
                    skip += 1
                }
            }
            for (character, source, kind) in line.characters() {
                let w = DisplayWidth.of(character)
                if skip > 0 {
                    skip -= w
                    if skip < 0 { column += -skip; skip = 0 }  // half of a wide character: a blank
                    continue
                }
                if column + w > cutAt { break }
                var style = base
                switch kind {
                case .rule: style = Style(dim: true, role: .dim)
                case .linkNumber: style = Style(dim: true, role: .link)
                case .styleMark: style = Style(dim: true, role: .dim)
                case .text: break
                }
                if let offset = source {
                    for span in spans where span.range.contains(offset) {
                        switch span.kind {
                        case .emphasis: style.italic = true
                        case .strong: style.bold = true
                        case .code: style.role = .code
                        case .strikethrough: style.dim = true
                        case .link: style.underline = true; style.role = .link
                        }
                    }
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
                }
                column = screen.put(String(character), row: row, column: column, style: style)
            }
            if cutAt < right {
                screen.put("›", row: row, column: right - 1, style: Style(dim: true, role: .dim))
            }
        }

        // Status line.
        let bottom = screen.height - 1
        var right: [String] = []
        let points = document.keyPoints.count
        if let k = reader.keyPoint {
            right.append("key point \(k + 1)/\(points) \(document.keyPoints[k].role.rawValue)")  // "key point 2/6 thesis"
        } else if case let inView = reader.keyPointsInView(height: geometry.textHeight), !inView.isEmpty {
            // On screen, none selected: "key points 1–3/6" (a selected one names its role).
            right.append(inView.count == 1 ? "key point \(inView.lowerBound + 1)/\(points)"
                         : "key points \(inView.lowerBound + 1)–\(inView.upperBound)/\(points)")
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
        if state.prompt?.kind == .search {
            // What is typed comes first: the position gives way, then its parts one by one.
            while !right.isEmpty, DisplayWidth.of(left) + DisplayWidth.of(rightText) + 4 > screen.width {
                right.removeFirst()
                rightText = right.joined(separator: " · ")
            }
        } else if let message = state.message, state.prompt == nil,
           DisplayWidth.of(message) + DisplayWidth.of(rightText) + 3 > screen.width {
            rightText = ""  // a long message (an export path) is worth more than the position
        }
        AppView.drawStatus(&screen, left: left, right: rightText, row: bottom)
    }
}
