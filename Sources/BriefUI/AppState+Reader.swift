import BriefCore

/// The reader's commands: moving, key points and sections, search, the outline.
extension AppState {
    // MARK: Reader

    mutating func applyReader(_ command: Command, count: Int? = nil) -> [Effect] {
        guard var reader else { return [] }
        defer { if self.reader != nil { self.reader = reader } }
        let layout = reader.layout
        let height = geometry.textHeight
        let times = max(1, min(count ?? 1, 100_000))
        func scroll(_ lines: Int) {
            let moved = layout.move(reader.top, by: lines)
            reader.top = lines > 0 ? min(moved, max(reader.top, layout.lastTop(height: height))) : moved
        }
        let page = max(1, height - 1)
        switch command {
        case .lineDown: scroll(times)
        case .lineUp: scroll(-times)
        case .pageDown: scroll(page * times)
        case .pageUp: scroll(-page * times)
        case .halfPageDown: scroll(max(1, height / 2) * times)
        case .halfPageUp: scroll(-max(1, height / 2) * times)
        case .top:
            moveView(&reader, to: Position(item: 0, offset: 0))
        case .bottom:
            moveView(&reader, to: max(reader.top, layout.lastTop(height: height)))
            if reader.document.preview == .head { return [.showEnd(path: reader.document.path)] }
        case .goToPercent:
            let percent = min(100, count ?? 0)
            moveView(&reader, to: min(reader.document.position(atFraction: Double(percent) / 100),
                                      max(layout.lastTop(height: height), Position(item: 0, offset: 0))))
            if percent == 100, reader.document.preview == .head { return [.showEnd(path: reader.document.path)] }
        case .jumpBack:
            guard let origin = reader.jumpOrigin else { message = "no jump to go back from"; return [] }
            moveView(&reader, to: origin)
        case .scrollRight, .scrollLeft:
            let step = max(4, geometry.textWidth / 2) * times
            let widest = reader.layout.widestUnwrappedLine(from: reader.top, count: height)
            let room = geometry.textWidth
            if command == .scrollRight {
                guard widest > room + reader.sideways else {
                    message = widest > room ? "at the right edge" : "nothing wider than the screen here"; return []
                }
                reader.sideways = min(reader.sideways + step, widest - room)
            } else {
                guard reader.sideways > 0 else { message = "at the left edge"; return [] }
                reader.sideways = max(0, reader.sideways - step)
            }
        case .nextKeyPoint, .previousKeyPoint:
            let points = reader.document.keyPoints
            guard !points.isEmpty else {
                message = busy.map { "no key points yet: \($0)…" } ?? "no key points in this article"
                return []
            }
            let forward = command == .nextKeyPoint
            var target: Int?
            for _ in 0..<min(times, points.count) {
                guard let next = nextKeyPoint(reader, forward: forward, from: target) else { break }
                target = next
            }
            guard let target else {
                message = forward ? (reader.keyPoint == nil ? "no key point below: [ goes back" : "last key point")
                    : (reader.keyPoint == nil ? "no key point above: ] goes on" : "first key point")
                return []
            }
            jump(&reader, to: points[target].position)
            reader.keyPoint = target
        case .nextSection, .previousSection:
            let headings = reader.document.headingItems
            let top = reader.layout.lineStart(reader.top)
            var item = top.item
            var target: Int?
            for _ in 0..<times {
                if command == .nextSection {
                    let after = headings.partitionPoint { $0 > item }
                    guard after < headings.count else { break }
                    target = headings[after]
                } else {
                    // From inside a section, back to its own heading first.
                    let atHeading = target != nil || (top.offset == 0 && headings.contains(item))
                    let after = headings.partitionPoint { atHeading ? $0 >= item : $0 > item }
                    guard after > 0 else { break }
                    target = headings[after - 1]
                }
                item = target!
            }
            guard let target else {
                if command == .previousSection, reader.top != Position(item: 0, offset: 0) {
                    moveView(&reader, to: Position(item: 0, offset: 0))
                } else {
                    message = command == .nextSection ? "no section below" : "no section above"
                }
                return []
            }
            let before = reader.top
            jump(&reader, to: Position(item: target, offset: 0))
            if reader.top == before { message = "no section below the last screen" }
        case .followEvidence:
            followEvidence(&reader)
        case .explainKeyPoint:
            let points = reader.document.keyPoints
            // The current key point, else the first one from the top of the view.
            guard let k = reader.keyPoint ?? points.firstIndex(where: { $0.position >= reader.top }) else {
                message = points.isEmpty ? (busy.map { "no key points yet: \($0)…" } ?? "no key points in this article")
                    : "no key point below: [ goes back to one"
                return []
            }
            push(.why(keyPoint: k))
        case .search:
            push(.prompt(Prompt(kind: .search, text: "")))
            reader.search = nil
            reader.searchOrigin = reader.top
        case .nextMatch, .previousMatch:
            guard var search = reader.search, !search.matches.isEmpty else {
                message = reader.search == nil ? "no search: press / to search" : "no match"; return []
            }
            let count = search.matches.count
            let forward = command == .nextMatch
            var wrapped = false
            for _ in 0..<min(times, count) {
                if let current = search.current {
                    wrapped = wrapped || (forward ? current + 1 == count : current == 0)
                    search.current = forward ? (current + 1) % count : (current + count - 1) % count
                } else if forward {
                    let index = search.matches.firstIndex { $0.position >= reader.top }
                    wrapped = index == nil
                    search.current = index ?? 0
                } else {
                    let index = search.matches.lastIndex { $0.position < reader.top }
                    wrapped = index == nil
                    search.current = index ?? count - 1
                }
            }
            reader.search = search
            reveal(&reader, search.matches[search.current!].position)
            reader.searchTop = reader.top
            if wrapped {
                let more = search.isComplete ? "" : " (still searching)"
                message = (forward ? "search wrapped to the first match" : "search wrapped to the last match") + more
            }
        case .clearSearch:
            guard reader.search != nil else { return [] }
            // Back to where the search started, unless the view moved on since.
            if let origin = reader.searchOrigin, reader.top == reader.searchTop { reader.top = origin }
            reader.search = nil
            reader.searchOrigin = nil
            message = "search cleared"
        case .toggleOutline:
            reader.outlineChoice = !outlineShown(reader)
            if !outlineShown(reader) { reader.focus = .text }
            self.reader = reader
            relayout()
            reader = self.reader!
        case .switchFocus:
            if reader.focus == .outline {
                reader.focus = .text
            } else {
                if !outlineShown(reader) {
                    reader.outlineChoice = true
                    self.reader = reader
                    relayout()
                    reader = self.reader!
                }
                reader.focus = .outline
                reader.selectedEntry = reader.trackedEntry(height: geometry.textHeight) ?? 0
            }
        case .addNote, .addNoteInEditor, .toggleHighlight, .listNotes, .exportNotes:
            self.reader = reader
            let effects = applyNoteCommand(command)
            reader = self.reader!
            return effects
        case .nextArticle, .previousArticle, .nextUnreadArticle, .markUnread: self.reader = reader; return applyArticleCommand(command)
        case .quit:
            self.reader = reader
            let save = readingToSave().map { [$0] } ?? []
            if library == nil { return save + [.quit] }
            self.reader = nil
            close(.prompt)
            return save
        default:
            return applyGlobal(command)
        }
        return []
    }

    /// The key point `]` (forward) or `[` goes to: next to the selected one (or to `from`, for
    /// a count); with none selected, the first whose line is at or below the top of the
    /// view, or the last above it.
    func nextKeyPoint(_ reader: ReaderState, forward: Bool, from: Int? = nil) -> Int? {
        let points = reader.document.keyPoints
        if let k = from ?? reader.keyPoint {
            return forward ? (k + 1 < points.count ? k + 1 : nil) : (k > 0 ? k - 1 : nil)
        }
        let top = reader.layout.lineStart(reader.top)
        let below = points.partitionPoint { reader.layout.lineStart($0.position) >= top }
        return forward ? (below < points.count ? below : nil) : (below > 0 ? below - 1 : nil)
    }

    /// Puts the line showing `position` at the top (as far as the end allows).
    func jump(_ reader: inout ReaderState, to position: Position) {
        let layout = reader.layout
        let start = layout.lineStart(position)
        moveView(&reader, to: min(start, max(layout.lastTop(height: geometry.textHeight), Position(item: 0, offset: 0))))
    }

    /// A jump: the view moves to `top`, and where it was is remembered for `''`.
    func moveView(_ reader: inout ReaderState, to top: Position) {
        guard top != reader.top else { return }
        reader.jumpOrigin = reader.top
        reader.top = top
    }

    /// Jumps only when `position` is not already on screen.
    func reveal(_ reader: inout ReaderState, _ position: Position) {
        if !reader.isVisible(position, height: geometry.textHeight) { jump(&reader, to: position) }
    }

    mutating func followEvidence(_ reader: inout ReaderState) {
        let document = reader.document
        var bulletItem: Int?
        if let k = reader.keyPoint, document.keyPoints[k].kind == .summaryBullet {
            bulletItem = document.keyPoints[k].item
        } else {
            let shown = Set(reader.layout.lines(from: reader.top, count: geometry.textHeight).map(\.item))
            bulletItem = document.keyPoints.first { $0.kind == .summaryBullet && shown.contains($0.item) }?.item
        }
        guard let bulletItem else { message = "Enter follows a summary bullet to its evidence"; return }
        guard let evidence = document.evidence[bulletItem]?.first,
              let target = locate(evidence, in: document) else {
            message = "no evidence found for this bullet"; return
        }
        jump(&reader, to: target)
        message = "evidence: line \(evidence.line)"
    }

    /// Where an evidence sentence stands in the text: its block by source line, then its offset.
    func locate(_ evidence: OutlineNode.Evidence, in document: ReaderDocument) -> Position? {
        for item in document.firstBlockItem..<document.items.count {
            guard let block = document.items[item].blockIndex,
                  document.article.blocks[block].line <= evidence.line else { break }
            if item + 1 < document.items.count, let next = document.items[item + 1].blockIndex,
               document.article.blocks[next].line <= evidence.line { continue }
            let range = TextSearch.matches(of: TextSearch.folded(evidence.text), in: document.items[item].text, limit: 1)
            return Position(item: item, offset: range.first?.lowerBound ?? 0)
        }
        return nil
    }

    mutating func updateSearch(_ query: String) {
        guard var reader else { return }
        // Each refinement searches from where the search started, as less does.
        if let origin = reader.searchOrigin { reader.top = origin }
        var search = SearchState(query: query, document: reader.document, refining: reader.search)
        search.current = nil
        chooseCurrentMatch(&search, reader: &reader)
        reader.search = query.isEmpty ? nil : search
        self.reader = reader
    }

    /// The first match at or after the top of the view becomes current (or, once the
    /// whole text is searched, the first match), and is shown.
    func chooseCurrentMatch(_ search: inout SearchState, reader: inout ReaderState) {
        guard search.current == nil, !search.matches.isEmpty else { return }
        if let index = search.matches.firstIndex(where: { $0.position >= reader.top }) {
            search.current = index
        } else if search.isComplete {
            search.current = 0
        } else {
            return
        }
        reveal(&reader, search.matches[search.current!].position)
        reader.searchTop = reader.top
    }

    /// Whether a search is still scanning: call `continueWork` until it is not.
    public var hasPendingWork: Bool { !(reader?.search?.isComplete ?? true) }

    /// Scans the next slice of a search that is not complete.
    public mutating func continueWork() {
        guard var reader, var search = reader.search, !search.isComplete else { return }
        search.scan(reader.document)
        chooseCurrentMatch(&search, reader: &reader)
        reader.search = search
        self.reader = reader
    }
}
