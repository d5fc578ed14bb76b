import BriefCore

/// The reader's commands: moving, key points and sections, search, the outline.
extension AppState {
    // MARK: Reader

    mutating func applyReader(_ command: Command) -> [Effect] {
        guard var reader else { return [] }
        defer { if self.reader != nil { self.reader = reader } }
        let layout = reader.layout
        let height = geometry.textHeight
        func scroll(_ lines: Int) {
            let moved = layout.move(reader.top, by: lines)
            reader.top = lines > 0 ? min(moved, max(reader.top, layout.lastTop(height: height))) : moved
        }
        switch command {
        case .lineDown: scroll(1)
        case .lineUp: scroll(-1)
        case .pageDown: scroll(max(1, height - 1))
        case .pageUp: scroll(-max(1, height - 1))
        case .top: reader.top = Position(item: 0, offset: 0)
        case .bottom:
            reader.top = max(reader.top, layout.lastTop(height: height))
            if reader.document.preview == .head { return [.showEnd(path: reader.document.path)] }
        case .nextKeyPoint, .previousKeyPoint:
            let points = reader.document.keyPoints
            guard !points.isEmpty else {
                message = busy.map { "no key points yet: \($0)…" } ?? "no key points in this article"
                return []
            }
            let forward = command == .nextKeyPoint
            var target: Int?
            if let k = reader.keyPoint {
                target = forward ? (k + 1 < points.count ? k + 1 : nil) : (k > 0 ? k - 1 : nil)
            } else {
                target = forward ? points.firstIndex { $0.position >= reader.top }
                    : points.lastIndex { $0.position < reader.top }
            }
            guard let target else { message = forward ? "last key point" : "first key point"; return [] }
            reader.keyPoint = target
            jump(&reader, to: points[target].position)
        case .nextSection:
            guard let next = reader.document.headingItems.first(where: { $0 > reader.top.item }) else {
                message = "last section"; return []
            }
            jump(&reader, to: Position(item: next, offset: 0))
        case .previousSection:
            let atHeading = reader.top.offset == 0
            guard let previous = reader.document.headingItems.last(where: {
                atHeading ? $0 < reader.top.item : $0 <= reader.top.item
            }) else {
                reader.top = Position(item: 0, offset: 0); return []
            }
            jump(&reader, to: Position(item: previous, offset: 0))
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
        case .nextMatch, .previousMatch:
            guard var search = reader.search, !search.matches.isEmpty else {
                message = reader.search == nil ? "no search: press / to search" : "no match"; return []
            }
            let count = search.matches.count
            if let current = search.current {
                search.current = command == .nextMatch ? (current + 1) % count : (current + count - 1) % count
            } else {
                search.current = command == .nextMatch
                    ? (search.matches.firstIndex { $0.position >= reader.top } ?? 0)
                    : (search.matches.lastIndex { $0.position < reader.top } ?? count - 1)
            }
            reader.search = search
            reveal(&reader, search.matches[search.current!].position)
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
                reader.selectedEntry = reader.trackedEntry() ?? 0
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

    /// Puts the line showing `position` at the top (as far as the end allows).
    func jump(_ reader: inout ReaderState, to position: Position) {
        let layout = reader.layout
        let start = layout.lineStart(position)
        reader.top = min(start, max(layout.lastTop(height: geometry.textHeight), Position(item: 0, offset: 0)))
    }

    /// Jumps only when `position` is not already on screen.
    func reveal(_ reader: inout ReaderState, _ position: Position) {
        let visible = reader.layout.lines(from: reader.top, count: geometry.textHeight)
        let start = reader.layout.lineStart(position)
        if !visible.contains(where: { $0.item == start.item && $0.line.start == start.offset }) {
            jump(&reader, to: position)
        }
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
        var search = SearchState(query: query, document: reader.document, refining: reader.search)
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
