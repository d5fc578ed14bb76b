import BriefCore

/// The whole app: library, reader, overlays, message. `apply` is the only way it changes:
/// keys, the terminal and the results of effects all come to it as events; views draw it;
/// effects tell the runtime what else to do. A value: a copy never changes with the original.
public struct AppState: Sendable {
    public private(set) var width: Int
    public private(set) var height: Int
    public internal(set) var library: LibraryState?
    public internal(set) var reader: ReaderState?
    /// What is shown over the library or the reader, bottom first (see `Overlay`).
    public internal(set) var overlays: [Overlay] = []
    /// A one-key message for the status line.
    public internal(set) var message: String?
    /// Work going on in the background ("reading", "analysing"), shown in the status line.
    public internal(set) var busy: String?
    /// The place remembered in a large article that lies beyond the parse of its beginning:
    /// shown once the whole parse arrives (and what is saved if Brief is left before that).
    public internal(set) var rememberedBeyondPreview: ReadingRecord?
    /// The external editor's file for a note being saved: removed once the note is stored,
    /// named in the message when it is not.
    public internal(set) var editorFile: String?
    /// The open article was marked unread (`mark-unread`): leaving it keeps it unread.
    public internal(set) var openArticleUnread = false

    /// The keys in force: the command table with the configuration file's bindings.
    public var keymap: Keymap = .standard
    /// Styles the terminal cannot show, shown by marks instead (set once the terminal is known).
    public private(set) var inlineMarks: InlineMarks = []

    public mutating func showInlineMarks(_ marks: InlineMarks) {
        inlineMarks = marks
        if var reader {
            reader.layout = ArticleLayout(document: reader.document, width: reader.layout.width, marks: marks)
            self.reader = reader
        }
    }

    /// A message for the first screen (the configuration file's problems).
    public mutating func say(_ text: String) { message = text }

    /// Digits typed before a command (`5j`), shown until the command comes.
    public internal(set) var pendingCount: Int?
    /// The first `'` of `''` was typed.
    var awaitingQuote = false

    public static let minimumWidth = Metrics.minimumWidth
    public static let minimumHeight = Metrics.minimumHeight

    /// Nothing open yet: the article comes with `Event.opened`.
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

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

    func outlineShown(_ reader: ReaderState) -> Bool { reader.outlineChoice ?? (width >= Metrics.outlineMinimumWidth) }

    public var helpLayout: HelpLayout {
        HelpLayout(width: width, height: height,
                   lineCount: keymap.helpLines(first: helpContext, width: HelpLayout.textWidth(screenWidth: width)).count)
    }

    public var libraryLayout: LibraryLayout { LibraryLayout(width: width, height: height) }

    /// First row of the library list and how many rows it has.
    public var libraryListRows: (first: Int, count: Int) { (libraryLayout.list.y, libraryLayout.list.height) }

    // MARK: Events

    /// Handles one event and returns what the runtime must do next.
    public mutating func apply(_ event: Event) -> [Effect] {
        switch event {
        case .key(let key):
            return apply(key)
        case .resized(let width, let height):
            resize(width: width, height: height)
            settleReader()
        case .idle:
            continueWork()
        case .signal(let signal):
            return (readingToSave().map { [$0] } ?? []) + [.exit(status: 128 + signal)]
        case .opened(let document, let remembered):
            return opened(document, remembered: remembered)
        case .openFailed(let path):
            message = "cannot open \(path.withoutControls)"
        case .parsed(let document, let analysed):
            guard reader?.document.path == document.path else { return [] }  // another article is open now
            parsed(document)
            busy = analysed ? nil : "analysing"
            if analysed {
                library?.analysed(document.path, keyPoints: document.keyPoints.count { $0.kind != .summaryBullet },
                                  kind: document.kind)
            }
        case .tailParsed(let tail):
            guard reader?.document.path == tail.path else { return [] }
            update(tail)
            showEnd()
            rememberedBeyondPreview = nil
        case .readFailed(let path, let reason):
            guard reader?.document.path == path else { return [] }
            // The beginning stays on screen; nothing more will come.
            message = "only the beginning is shown: \(reason)"
            busy = nil
        case .notesLoaded(let path, let notes):
            setNotes(notes, path: path)
        case .notesFailed(let reason):
            message = "notes: \(reason)"
        case .notesStored(let path, let notes):
            setNotes(notes, path: path)
            if let file = editorFile {
                editorFile = nil
                return [.removeFile(file)]
            }
        case .noteChangeFailed(let change, let reason):
            noteChangeFailed(change, reason: reason)
            if let file = editorFile {
                editorFile = nil
                message = (message ?? "note not saved") + " (text kept in \(file))"
            }
        case .notesExported(let file):
            // Cut at its front: the end of a path names the file.
            message = "notes exported to " + AppView.truncateFront(file, to: max(12, width - 2 - 18))
        case .exportFailed(let reason):
            message = "notes not exported: \(reason)"
        case .editorFinished(let text, let file, let target):
            let effects = noteEdited(text, target: target)
            if effects.isEmpty { return [.removeFile(file)] }  // nothing to save: the text is not needed
            editorFile = file
            return effects
        case .editorFailed(let reason):
            message = reason
        case .readingNotSaved(let reason):
            message = "reading position not saved: \(reason)"
        case .linkHandled(let text):
            message = text
        case .libraryFilled(let details):
            library?.fill(details)
        }
        return []
    }

    /// Shows an article that was read, at its remembered place, and marks it read.
    mutating func opened(_ document: ReaderDocument, remembered: ReadingRecord?) -> [Effect] {
        open(document, at: remembered.map { document.position(block: $0.block, offset: $0.offset) })
        busy = document.preview == .head ? "reading" : nil
        let read = ReadingRecord(block: remembered?.block ?? -1, offset: remembered?.offset ?? 0, read: true)
        let beyond = document.preview == .head && read.block >= document.article.blocks.count - 1
        rememberedBeyondPreview = beyond ? read : nil
        if document.preview == nil, document.kind != nil {
            library?.analysed(document.path, keyPoints: document.keyPoints.count { $0.kind != .summaryBullet },
                              kind: document.kind)
        }
        return [.saveReading(path: document.path, block: read.block, offset: read.offset),
                .loadNotes(path: document.path, title: document.article.title)]
    }

    /// The whole parse (or the analysis) of the open large article replaces its preview.
    mutating func parsed(_ document: ReaderDocument) {
        // Over the preview of the end, keep the same source line in view.
        let tailPlace = reader.flatMap { reader -> (line: Int, offset: Int)? in
            guard reader.document.preview == .tail else { return nil }
            let (block, offset) = reader.document.block(of: reader.top)
            let blocks = reader.document.article.blocks
            return blocks.isEmpty ? nil : (blocks[max(0, min(block, blocks.count - 1))].line, offset)
        }
        update(document)
        if let tailPlace {
            let blocks = document.article.blocks
            let first = blocks.partitionPoint { $0.line >= tailPlace.line }  // at or after the line
            show(document.position(block: min(first, max(0, blocks.count - 1)), offset: tailPlace.offset))
        }
        if let record = rememberedBeyondPreview {
            show(document.position(block: record.block, offset: record.offset))
            rememberedBeyondPreview = nil
        }
    }

    /// The place to remember for the open article when it is left: the remembered place
    /// while it lies beyond the preview, nothing over the preview of the end (its block
    /// numbers are not the article's).
    func readingToSave() -> Effect? {
        guard let reader, reader.document.preview != .tail else { return nil }
        if let record = rememberedBeyondPreview {
            return .saveReading(path: reader.document.path, block: record.block, offset: record.offset,
                                read: !openArticleUnread)
        }
        let (block, offset) = reader.document.block(of: reader.top)
        return .saveReading(path: reader.document.path, block: block, offset: offset, read: !openArticleUnread)
    }

    // MARK: The open article

    /// Shows an article (after `Event.opened`, or at start), at a remembered position.
    public mutating func open(_ document: ReaderDocument, at start: Position? = nil) {
        let defaultGeometry = ReaderGeometry(width: width, height: height,
                                             outlineShown: width >= Metrics.outlineMinimumWidth)
        var reader = ReaderState(document: document, top: Position(item: 0, offset: 0),
                                 textWidth: defaultGeometry.textWidth, marks: inlineMarks)
        if let start, start.item < document.items.count {
            reader.top = reader.layout.lineStart(start)
            let last = reader.layout.lastTop(height: defaultGeometry.textHeight)
            if reader.top > last { reader.top = max(last, Position(item: 0, offset: 0)) }
        }
        self.reader = reader
        library?.markRead(document.path)
        openArticleUnread = false
        overlays.removeAll { $0.kind != .help }
        rememberedBeyondPreview = nil
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
        guard let reader, reader.document.path == document.path else { return }
        var updated = ReaderState(document: document, top: reader.top, textWidth: geometry.textWidth, marks: inlineMarks)
        updated.outlineChoice = reader.outlineChoice
        updated.focus = reader.focus
        updated.notes = document.place(reader.notes.map(\.note))
        if let search = reader.search {
            updated.search = SearchState(query: search.query, document: document)
            updated.search?.current = search.current
        }
        self.reader = updated
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
        if var reader {
            reader.layout = reader.layout.resized(to: geometry.textWidth)
            self.reader = reader
        }
        if var editor = noteEditor {
            editor.line.keepCursorVisible(width: editorWidth)
            replace(.editor(editor))
        }
    }
}
