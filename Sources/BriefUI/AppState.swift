import BriefCore

/// What the program around the state must do after a key: the state itself never
/// touches files or the terminal.
public enum Effect: Sendable, Equatable {
    case quit
    /// Load the article at this path and call `AppState.open`.
    case open(path: String)
    /// Remember the reading position of an article.
    case saveReading(path: String, block: Int, offset: Int)
    case suspend
    case redraw
    /// Change the notes of the article at `path` (title `title`) in the note store, then
    /// call `AppState.setNotes` with what was stored (or `noteChangeFailed`).
    case changeNotes(path: String, title: String, change: NoteChange)
    /// Write the open article's notes to a text file and say where in the status line.
    case exportNotes(path: String)
    /// Edit `text` in $VISUAL/$EDITOR, then save it to `target` (`AppState.noteEdited`).
    case editNoteExternally(path: String, title: String, target: NoteTarget, text: String)
    /// Only the beginning of the large article at `path` is parsed yet and its end was asked
    /// for: parse its end, `update` to it and `showEnd`.
    case showEnd(path: String)
}

/// A line being typed at the bottom: the library filter or a search.
public struct Prompt: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case filter, search }
    public var kind: Kind
    public var text: String
}

public struct SearchState: Sendable {
    public struct Match: Sendable, Equatable {
        public var item: Int
        public var range: Range<Int>
        public var position: Position { Position(item: item, offset: range.lowerBound) }
    }
    public var query: String
    public var matches: [Match] = []
    /// Match indices per item, for highlighting.
    var matchesByItem: [Int: [Int]] = [:]
    public var current: Int?
    private let needle: [UInt8]
    /// How far into the document's search text the scan has come.
    private var scanned = 0
    private let size: Int

    /// More than this many matches are not counted (a one-letter search of a huge text).
    public static let limit = 10_000
    /// Bytes scanned per slice: a few milliseconds, so keys stay within a frame while a
    /// huge article is searched (the rest is scanned between keys, see `AppState.continueWork`).
    public static let slice = 2 << 20

    /// Starts a search and scans its first slice. When `query` extends the query of
    /// `previous` (typing on), the part `previous` scanned is not scanned again: only its
    /// matches are checked. (A query that overlaps itself, like "aaa", may then count a
    /// match fewer than a fresh scan.)
    init(query: String, document: ReaderDocument, refining previous: SearchState? = nil) {
        self.query = query
        needle = TextSearch.folded(query)
        size = document.searchTextSize
        if let previous, !previous.query.isEmpty, query.hasPrefix(previous.query), previous.matches.count < Self.limit {
            for match in previous.matches {
                var text = document.items[match.item].text
                let found = text.withUTF8 { bytes in
                    match.range.lowerBound + needle.count <= bytes.count
                        && TextSearch.matchesAt(needle, in: bytes, offset: match.range.lowerBound)
                }
                guard found else { continue }
                if let last = matches.last, last.item == match.item, last.range.upperBound > match.range.lowerBound { continue }
                add(Match(item: match.item, range: match.range.lowerBound..<match.range.lowerBound + needle.count))
            }
            scanned = previous.scanned
        }
        if needle.isEmpty { scanned = size }
        scan(document)
    }

    public var isComplete: Bool { scanned >= size || matches.count >= Self.limit }

    private mutating func add(_ match: Match) {
        matchesByItem[match.item, default: []].append(matches.count)
        matches.append(match)
    }

    /// Scans the next slice.
    mutating func scan(_ document: ReaderDocument) {
        guard !isComplete else { return }
        let (found, end) = document.matches(of: needle, from: scanned, to: min(size, scanned + Self.slice),
                                            limit: Self.limit - matches.count)
        for match in found { add(Match(item: match.item, range: match.range)) }
        scanned = end
    }
}

/// Where the reader's columns go at a given size.
public struct ReaderGeometry: Sendable, Equatable {
    public var width: Int
    public var height: Int
    public var outlineShown: Bool

    public var paneWidth: Int { outlineShown ? min(34, max(16, width * 3 / 10)) : 0 }
    /// First column of the text area (gutter included).
    public var textAreaX: Int { outlineShown ? paneWidth + 1 : 0 }
    public static let gutter = 2
    public var textX: Int { textAreaX + Self.gutter }
    public var textWidth: Int { max(1, min(ArticleLayout.maximumTextWidth, width - textX - 1)) }
    /// Rows of text: all but the status line.
    public var textHeight: Int { max(1, height - 1) }
}

public struct ReaderState: Sendable {
    public enum Focus: Sendable, Equatable { case text, outline }

    public let document: ReaderDocument
    public let layout: ArticleLayout
    public var top: Position
    public var keyPoint: Int?
    public var search: SearchState?
    /// nil: shown when the window is at least 80 columns wide.
    public var outlineChoice: Bool?
    public var focus: Focus = .text
    public var folded: Set<Int> = []
    /// Indices into `document.outlineEntries` not hidden by a fold.
    public private(set) var visibleEntries: [Int] = []
    /// Index into `visibleEntries` while the outline has focus.
    public var selectedEntry = 0
    /// The article's notes, placed in the document, in reading order.
    public internal(set) var notes: [ReaderNote] = []

    init(document: ReaderDocument, top: Position) {
        self.document = document
        layout = ArticleLayout(document: document, width: 80)
        self.top = top
        refreshEntries()
    }

    mutating func refreshEntries() {
        let entries = document.outlineEntries
        var visible: [Int] = []
        visible.reserveCapacity(entries.count)
        var i = 0
        while i < entries.count {
            visible.append(i)
            i = folded.contains(i) ? entries[i].subtreeEnd : i + 1
        }
        visibleEntries = visible
        selectedEntry = min(selectedEntry, max(0, visible.count - 1))
    }

    /// The visible outline entry for the text at the top of the view.
    public func trackedEntry() -> Int? {
        let entries = document.outlineEntries
        let after = visibleEntries.partitionPoint { entries[$0].position > top }
        return after > 0 ? after - 1 : (visibleEntries.isEmpty ? nil : 0)
    }
}

/// The whole app: library, reader, prompt, help, message. `apply` is the only way keys
/// change it; views draw it; effects tell the caller what else to do.
public struct AppState: Sendable {
    public private(set) var width: Int
    public private(set) var height: Int
    public var library: LibraryState?
    public var reader: ReaderState?
    public var prompt: Prompt?
    /// Scroll offset of the help overlay while it is shown.
    public var helpScroll: Int?
    /// The key point whose reasons are shown (`w`), by index in `keyPoints`.
    public var whyShown: Int?
    /// A one-key message for the status line.
    public var message: String?
    /// Work going on in the background ("analysing"), shown in the status line.
    public var busy: String?
    /// The one-line note editor on the bottom line (`a`, `e` in the notes list).
    public var noteEditor: NoteEditor?
    /// The notes list overlay (`L`).
    public var notesList: NotesListState?

    /// Below this the views show a notice instead of garbage.
    public static let minimumWidth = 20
    public static let minimumHeight = 6

    public init(library: LibraryState, width: Int, height: Int) {
        self.library = library
        self.width = width
        self.height = height
    }

    /// The reader on one article, with no library behind it (`q` quits).
    public init(document: ReaderDocument, width: Int, height: Int, start: Position? = nil) {
        self.width = width
        self.height = height
        open(document, at: start)
    }

    public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

    public var geometry: ReaderGeometry {
        ReaderGeometry(width: width, height: height, outlineShown: reader.map(outlineShown) ?? false)
    }

    func outlineShown(_ reader: ReaderState) -> Bool { reader.outlineChoice ?? (width >= 80) }

    /// Shows an article (after `Effect.open`, or at start), at a remembered position.
    public mutating func open(_ document: ReaderDocument, at start: Position? = nil) {
        var reader = ReaderState(document: document, top: Position(item: 0, offset: 0))
        reader.layout.setWidth(ReaderGeometry(width: width, height: height, outlineShown: width >= 80).textWidth)
        if let start, start.item < document.items.count {
            reader.top = reader.layout.lineStart(start)
            let last = reader.layout.lastTop(height: max(1, height - 1))
            if reader.top > last { reader.top = max(last, Position(item: 0, offset: 0)) }
        }
        self.reader = reader
        library?.markRead(document.path)
        prompt = nil
        noteEditor = nil
        notesList = nil
        whyShown = nil
    }

    /// Moves the view so the line showing `position` is at the top (as far as the end allows).
    public mutating func show(_ position: Position) {
        guard var reader else { return }
        jump(&reader, to: position)
        self.reader = reader
    }

    /// Shows the last screen of the open article.
    public mutating func showEnd() {
        guard var reader else { return }
        reader.top = max(Position(item: 0, offset: 0), reader.layout.lastTop(height: geometry.textHeight))
        self.reader = reader
    }

    /// Puts in a new version of the open article (the same blocks, now with its analysis),
    /// keeping the view where it is; a search is run again on the new document.
    public mutating func update(_ document: ReaderDocument) {
        guard var reader, reader.document.path == document.path else { return }
        var updated = ReaderState(document: document, top: reader.top)
        updated.layout.setWidth(geometry.textWidth)
        updated.outlineChoice = reader.outlineChoice
        updated.focus = reader.focus
        updated.notes = document.place(reader.notes.map(\.note))
        if let search = reader.search {
            updated.search = SearchState(query: search.query, document: document)
            updated.search?.current = search.current
        }
        reader = updated
        self.reader = reader
    }

    /// The position to remember for the open article.
    public var readingPosition: (path: String, block: Int, offset: Int)? {
        guard let reader else { return nil }
        let (block, offset) = reader.document.block(of: reader.top)
        return (reader.document.path, block, offset)
    }

    public mutating func resize(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        relayout()
    }

    /// Re-wraps at the current text width. `top` is left as it is, not moved to a
    /// line start: the line showing it comes to the top, and resizing back and forth
    /// does not drift.
    mutating func relayout() {
        reader?.layout.setWidth(geometry.textWidth)
        let room = editorWidth
        noteEditor?.line.keepCursorVisible(width: room)
    }

    // MARK: Keys

    public mutating func apply(_ key: Key) -> [Effect] {
        message = nil
        if case .resize = key { return [] }
        // Before ^C: typed text is never dropped by a stray key.
        if noteEditor != nil { return applyEditor(key) }
        if CommandTable.command(for: key, in: []) == .exit { return applyGlobal(.exit) }
        if helpScroll != nil { return applyHelp(key) }
        if whyShown != nil { whyShown = nil; return [] }  // any key closes it
        if prompt != nil { return applyPrompt(key) }
        if notesList != nil { return applyNotesList(key) }
        if case .mouse(let event) = key { return applyMouse(event) }
        let contexts: [CommandContext]
        if let reader {
            contexts = reader.focus == .outline ? [.outline, .reader] : [.reader]
        } else {
            contexts = [.library]
        }
        guard let binding = CommandTable.binding(for: key, in: contexts) else { return [] }
        switch binding.context {
        case .outline: return applyOutline(binding.command)
        case .reader: return applyReader(binding.command)
        case .library: return applyLibrary(binding.command)
        case .global: return applyGlobal(binding.command)
        case .notes, .editor: return []
        }
    }

    mutating func applyGlobal(_ command: Command) -> [Effect] {
        switch command {
        case .help: helpScroll = 0; return []
        case .exit:
            guard let (path, block, offset) = readingPosition else { return [.quit] }
            return [.saveReading(path: path, block: block, offset: offset), .quit]
        case .suspend: return [.suspend]
        case .redraw: return [.redraw]
        default: return []
        }
    }

    /// The context whose keys the help shows first.
    public var helpContext: CommandContext {
        guard let reader else { return .library }
        if notesList != nil { return .notes }
        return reader.focus == .outline ? .outline : .reader
    }

    private mutating func applyHelp(_ key: Key) -> [Effect] {
        let lines = CommandTable.helpLines().count
        let page = max(1, height - 4)
        switch key {
        case .char("j"), .down: helpScroll = min((helpScroll ?? 0) + 1, max(0, lines - page))
        case .char("k"), .up: helpScroll = max(0, (helpScroll ?? 0) - 1)
        case .char(" "), .pageDown: helpScroll = min((helpScroll ?? 0) + page, max(0, lines - page))
        case .char("b"), .pageUp: helpScroll = max(0, (helpScroll ?? 0) - page)
        case .mouse: break
        default: helpScroll = nil
        }
        return []
    }

    private mutating func applyPrompt(_ key: Key) -> [Effect] {
        guard var prompt else { return [] }
        switch key {
        case .char(let c):
            prompt.text.append(c)
        case .backspace:
            if prompt.text.isEmpty { cancelPrompt(); return [] }
            prompt.text.removeLast()
        case .enter:
            self.prompt = nil
            if prompt.kind == .search, prompt.text.isEmpty { reader?.search = nil }
            if prompt.kind == .search, let search = reader?.search, search.matches.isEmpty, search.isComplete {
                message = "no match for “\(search.query.withoutControls)”"
            }
            return []
        case .escape:
            cancelPrompt()
            return []
        case .control("z"):
            return [.suspend]
        default:
            return []
        }
        self.prompt = prompt
        switch prompt.kind {
        case .filter: library?.filter = prompt.text
        case .search: updateSearch(prompt.text)
        }
        return []
    }

    private mutating func cancelPrompt() {
        guard let prompt else { return }
        self.prompt = nil
        switch prompt.kind {
        case .filter: library?.filter = ""
        case .search: reader?.search = nil
        }
    }

    // MARK: Library

    private mutating func applyLibrary(_ command: Command) -> [Effect] {
        guard var library else { return [] }
        if let moved = Self.moved(library.selected, count: library.visible.count, page: max(1, height - 3), command) {
            library.selected = moved
            self.library = library
            return []
        }
        switch command {
        case .open:
            guard let entry = library.selectedEntry else { return [] }
            if let problem = entry.problem {
                message = "cannot open \(entry.title.withoutControls): \(problem.withoutControls)"
                return []
            }
            return [.open(path: entry.path)]
        case .filter: prompt = Prompt(kind: .filter, text: library.filter)
        case .cycleSort:
            library.sort = library.sort.next
            message = "sorted by \(library.sort.rawValue)"
        case .quit: return [.quit]
        default: return applyGlobal(command)
        }
        self.library = library
        return []
    }

    /// First row of the library list and how many rows it has.
    public var libraryListRows: (first: Int, count: Int) { (1, max(1, height - 2)) }

    // MARK: Reader

    private mutating func applyReader(_ command: Command) -> [Effect] {
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
            whyShown = k
        case .search:
            prompt = Prompt(kind: .search, text: "")
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
        case .quit:
            let (block, offset) = reader.document.block(of: reader.top)
            let save = Effect.saveReading(path: reader.document.path, block: block, offset: offset)
            if library == nil { return [save, .quit] }
            self.reader = nil
            prompt = nil
            return [save]
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
    private func reveal(_ reader: inout ReaderState, _ position: Position) {
        let visible = reader.layout.lines(from: reader.top, count: geometry.textHeight)
        let start = reader.layout.lineStart(position)
        if !visible.contains(where: { $0.item == start.item && $0.line.start == start.offset }) {
            jump(&reader, to: position)
        }
    }

    private mutating func followEvidence(_ reader: inout ReaderState) {
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
    private func locate(_ evidence: OutlineNode.Evidence, in document: ReaderDocument) -> Position? {
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

    private mutating func updateSearch(_ query: String) {
        guard var reader else { return }
        var search = SearchState(query: query, document: reader.document, refining: reader.search)
        chooseCurrentMatch(&search, reader: &reader)
        reader.search = query.isEmpty ? nil : search
        self.reader = reader
    }

    /// The first match at or after the top of the view becomes current (or, once the
    /// whole text is searched, the first match), and is shown.
    private func chooseCurrentMatch(_ search: inout SearchState, reader: inout ReaderState) {
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

    // MARK: Outline pane

    /// Where a list's selection goes for a movement command (nil for any other command):
    /// the library, the outline pane and the notes list move alike.
    static func moved(_ selected: Int, count: Int, page: Int, _ command: Command) -> Int? {
        let last = max(0, count - 1)
        switch command {
        case .lineDown: return min(selected + 1, last)
        case .lineUp: return max(0, selected - 1)
        case .pageDown: return min(selected + page, last)
        case .pageUp: return max(0, selected - page)
        case .top: return 0
        case .bottom: return last
        default: return nil
        }
    }

    private mutating func applyOutline(_ command: Command) -> [Effect] {
        guard var reader else { return [] }
        defer { self.reader = reader }
        if let moved = Self.moved(reader.selectedEntry, count: reader.visibleEntries.count,
                                  page: max(1, geometry.textHeight - 1), command) {
            reader.selectedEntry = moved
            return []
        }
        switch command {
        case .jumpToEntry:
            guard reader.visibleEntries.indices.contains(reader.selectedEntry) else { return [] }
            jump(&reader, to: reader.document.outlineEntries[reader.visibleEntries[reader.selectedEntry]].position)
        case .fold:
            guard reader.visibleEntries.indices.contains(reader.selectedEntry) else { return [] }
            let index = reader.visibleEntries[reader.selectedEntry]
            let entries = reader.document.outlineEntries
            if entries[index].hasChildren, !reader.folded.contains(index) {
                reader.folded.insert(index)
                reader.refreshEntries()
            } else if let parent = reader.visibleEntries[..<reader.selectedEntry].lastIndex(where: {
                entries[$0].depth < entries[index].depth
            }) {
                reader.selectedEntry = parent
            }
        case .unfold:
            guard reader.visibleEntries.indices.contains(reader.selectedEntry) else { return [] }
            let index = reader.visibleEntries[reader.selectedEntry]
            if reader.folded.remove(index) != nil { reader.refreshEntries() }
        case .switchFocus:
            reader.focus = .text
        default:
            return []
        }
        return []
    }

    // MARK: Mouse

    private mutating func applyMouse(_ event: MouseEvent) -> [Effect] {
        if var reader {
            let geometry = self.geometry
            switch event.kind {
            case .wheelUp, .wheelDown:
                if geometry.outlineShown, event.column < geometry.paneWidth {
                    let count = reader.visibleEntries.count
                    reader.focus = .outline
                    reader.selectedEntry = min(max(0, reader.selectedEntry + (event.kind == .wheelDown ? 3 : -3)),
                                               max(0, count - 1))
                    self.reader = reader
                    return []
                }
                self.reader = reader
                for _ in 0..<3 { _ = applyReader(event.kind == .wheelDown ? .lineDown : .lineUp) }
            case .press:
                guard geometry.outlineShown, event.column < geometry.paneWidth,
                      event.row < geometry.textHeight else { return [] }
                let first = OutlineView.firstRow(reader, height: geometry.textHeight)
                let index = first + event.row
                guard reader.visibleEntries.indices.contains(index) else { return [] }
                reader.focus = .outline
                reader.selectedEntry = index
                self.reader = reader
                return applyOutline(.jumpToEntry)
            }
            return []
        }
        guard var library else { return [] }
        switch event.kind {
        case .wheelUp: library.selected = max(0, library.selected - 3)
        case .wheelDown: library.selected = min(library.selected + 3, max(0, library.visible.count - 1))
        case .press:
            let (first, count) = libraryListRows
            guard event.row >= first, event.row < first + count else { return [] }
            let index = LibraryView.firstIndex(selected: library.selected, rows: count) + event.row - first
            guard library.visible.indices.contains(index) else { return [] }
            if index == library.selected {
                self.library = library
                return applyLibrary(.open)
            }
            library.selected = index
        }
        self.library = library
        return []
    }
}

// MARK: Notes

extension AppState {
    /// Columns of the note editor's text on the bottom line.
    var editorWidth: Int {
        let label = noteEditor.map { DisplayWidth.of($0.label) } ?? 0
        return max(1, width - 2 - label)
    }

    /// Puts the stored notes of the article at `path` in (after loading or a change), and
    /// keeps the library's count in step.
    public mutating func setNotes(_ notes: [Note], path: String) {
        if var library {
            for i in library.entries.indices where library.entries[i].path == path {
                library.entries[i].notes = notes.count
            }
            self.library = library
        }
        guard var reader, reader.document.path == path else { return }
        reader.notes = reader.document.place(notes)
        self.reader = reader
        if var list = notesList {
            list.selected = min(list.selected, max(0, reader.notes.count - 1))
            notesList = list
        }
    }

    /// A change could not be stored: say so, and give typed text back to the editor.
    public mutating func noteChangeFailed(_ change: NoteChange, reason: String) {
        switch change {
        case .add(let note) where !note.note.isEmpty:
            var blank = note
            blank.note = ""
            openEditor(NoteEditor(target: .new(blank), line: LineEditor(text: note.note)))
        case .setText(let note, let text):
            openEditor(NoteEditor(target: .existing(note), line: LineEditor(text: text)))
        default:
            break
        }
        message = "note not saved: \(reason)"
    }

    /// The text came back from the external editor: save it.
    public mutating func noteEdited(_ text: String, target: NoteTarget) -> [Effect] {
        guard let reader else { return [] }
        let title = reader.document.article.title
        let path = reader.document.path
        switch target {
        case .new(var note):
            guard !text.isEmpty else { message = "empty note: not saved"; return [] }
            note.note = text
            message = "note saved"
            return [.changeNotes(path: path, title: title, change: .add(note))]
        case .existing(let note):
            guard text != note.note else { message = "note unchanged"; return [] }
            guard !text.isEmpty else { message = "empty note: not saved (d in the list deletes it)"; return [] }
            message = "note saved"
            return [.changeNotes(path: path, title: title, change: .setText(note, text: text))]
        }
    }

    private mutating func openEditor(_ editor: NoteEditor) {
        noteEditor = editor
        let room = editorWidth
        noteEditor?.line.keepCursorVisible(width: room)
    }

    /// The passage a new note or highlight goes on: the current key point when it is on
    /// screen, else the paragraph at the top of the view. Block index and UTF-8 range.
    func notePassage(_ reader: ReaderState) -> (block: Int, range: Range<Int>?)? {
        let document = reader.document
        let lines = reader.layout.lines(from: reader.top, count: geometry.textHeight).filter { !$0.line.isSpacer }
        if let k = reader.keyPoint, k < document.keyPoints.count {
            let point = document.keyPoints[k]
            let shown = lines.contains { item, line in
                item == point.item && point.range.overlaps(line.start..<(line.start + max(1, line.text.utf8.count)))
            }
            if shown, let block = document.items[point.item].blockIndex { return (block, point.range) }
        }
        var blocks: [(block: Int, isHeading: Bool)] = []
        for (item, _) in lines {
            if let block = document.items[item].blockIndex { blocks.append((block, document.items[item].kind == .heading)) }
        }
        if let chosen = blocks.first(where: { !$0.isHeading }) ?? blocks.first { return (chosen.block, nil) }
        return nil
    }

    mutating func applyNoteCommand(_ command: Command) -> [Effect] {
        guard let reader else { return [] }
        let document = reader.document
        let title = document.article.title
        switch command {
        case .addNote, .addNoteInEditor, .toggleHighlight:
            guard let (block, range) = notePassage(reader) else {
                message = "nothing to annotate here"; return []
            }
            let anchored = NoteAnchor.note(on: document.article, blockIndex: block, range: range, text: "")
            let item = block + document.firstBlockItem
            let wanted = range ?? 0..<document.items[item].text.utf8.count
            if command == .addNote {
                openEditor(NoteEditor(target: .new(anchored), line: LineEditor(), passage: (item, wanted)))
                return []
            }
            if command == .addNoteInEditor {
                return [.editNoteExternally(path: document.path, title: title, target: .new(anchored), text: "")]
            }
            if let existing = reader.notes.first(where: { $0.note.isHighlight && $0.item == item && $0.range == wanted }) {
                message = "highlight removed"
                return [.changeNotes(path: document.path, title: title, change: .remove(id: existing.note.id))]
            }
            message = "highlighted"
            return [.changeNotes(path: document.path, title: title, change: .add(anchored))]
        case .listNotes:
            notesList = NotesListState()
            return []
        case .exportNotes:
            guard !reader.notes.isEmpty else { message = "no notes to export"; return [] }
            return [.exportNotes(path: document.path)]
        default:
            return []
        }
    }

    mutating func applyEditor(_ key: Key) -> [Effect] {
        guard var editor = noteEditor else { return [] }
        if case .char(let c) = key {
            editor.line.insert(c)
        } else if case .mouse = key {
            return []
        } else {
            switch CommandTable.command(for: key, only: .editor) {
            case .cursorLeft: editor.line.moveLeft()
            case .cursorRight: editor.line.moveRight()
            case .cursorHome: editor.line.moveHome()
            case .cursorEnd: editor.line.moveEnd()
            case .deleteBackward: editor.line.deleteBackward()
            case .deleteForward: editor.line.deleteForward()
            case .cancelNote:
                noteEditor = nil
                message = "note cancelled"
                return []
            case .saveNote:
                noteEditor = nil
                return noteEdited(editor.line.text, target: editor.target)
            default:
                message = "Enter saves the note · Esc cancels"
            }
        }
        noteEditor = editor
        let room = editorWidth
        noteEditor?.line.keepCursorVisible(width: room)
        return []
    }

    mutating func applyNotesList(_ key: Key) -> [Effect] {
        guard var list = notesList, var reader else { return [] }
        let notes = reader.notes
        if list.confirmingDelete {
            list.confirmingDelete = false
            notesList = list
            guard key == .char("y"), notes.indices.contains(list.selected) else {
                message = "not deleted"; return []
            }
            message = "note deleted"
            return [.changeNotes(path: reader.document.path, title: reader.document.article.title,
                                 change: .remove(id: notes[list.selected].note.id))]
        }
        if case .mouse = key { return [] }
        guard let binding = CommandTable.binding(for: key, in: [.notes]) else { return [] }
        if binding.context == .global { return applyGlobal(binding.command) }
        let selected = notes.indices.contains(list.selected) ? notes[list.selected] : nil
        switch binding.command {
        case .lineDown, .lineUp:
            list.selected = Self.moved(list.selected, count: notes.count, page: 1, binding.command) ?? list.selected
        case .closeNotes:
            notesList = nil
            return []
        case .jumpToNote:
            guard let selected else { return [] }
            guard let position = selected.position else {
                message = "orphaned: this passage is no longer in the article"; return []
            }
            notesList = nil
            jump(&reader, to: position)
            self.reader = reader
            return []
        case .editNote:
            guard let selected else { return [] }
            openEditor(NoteEditor(target: .existing(selected.note), line: LineEditor(text: selected.note.note)))
        case .editNoteInEditor:
            guard let selected else { return [] }
            notesList = list
            return [.editNoteExternally(path: reader.document.path, title: reader.document.article.title,
                                        target: .existing(selected.note), text: selected.note.note)]
        case .deleteNote:
            guard selected != nil else { return [] }
            list.confirmingDelete = true
        default:
            return []
        }
        notesList = list
        return []
    }
}
