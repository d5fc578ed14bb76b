import BriefCore
import BriefStore
import BriefUI
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// How long the loop waits for input before it looks at other work.
enum InputTimeout {
    /// A search is scanning a huge article in slices: poll keys between slices.
    static let busy: Int32 = 0
    /// Background work on a large article starts after the first screen has had this long to
    /// show (or at the first key): on a machine with few cores it would compete with the
    /// terminal drawing that screen.
    static let beforeBackgroundWork: Int32 = 20
    /// Background work is running: look for its results this often.
    static let backgroundWork: Int32 = 50
    /// Nothing to do but wait for keys (and notice a size change nobody signalled).
    static let idle: Int32 = 200
}

/// The reader's loop: draw the state, take the next event (an input, or a result posted
/// by background work), `apply` it, carry out the effects, whose results come back as
/// events. `AppState.apply` is the only writer of the state; this class only performs
/// what it asks for (files, the editor, the terminal) and reports back.
public final class ReaderRuntime<Terminal: TerminalBackend> {
    public private(set) var state: AppState
    let terminal: Terminal
    let notes: NoteStore
    var reading: ReadingStateStore?
    let editor: ExternalEditor
    let loader: ArticleLoader
    let timing: TimingLog?
    /// Where background work posts its results.
    public let events: EventQueue
    var background: BackgroundParse?
    /// The library's rows being filled in, when a library is open.
    let libraryFill: LibraryFill?
    /// The status `q` leaves with: 1 when an article named at start could not be read.
    let quitStatus: Int32
    /// A reading position changed and is not yet on disk: written after the next draw (the
    /// write is synced, which can take long) or when Brief is left.
    var readingUnsaved = false
    /// Browsers started on their own, not yet waited for.
    var browsers: [pid_t] = []

    public init(state: AppState, terminal: Terminal, notes: NoteStore, reading: ReadingStateStore?,
                editor: ExternalEditor, timing: TimingLog?, events: EventQueue = EventQueue(),
                background: BackgroundParse? = nil, libraryFill: LibraryFill? = nil, quitStatus: Int32 = 0,
                web: WebAccess? = nil) {
        self.state = state
        self.terminal = terminal
        self.notes = notes
        self.reading = reading
        self.editor = editor
        self.loader = ArticleLoader(timing: timing, web: web)
        self.timing = timing
        self.events = events
        self.background = background
        self.libraryFill = libraryFill
        self.quitStatus = quitStatus
    }

    /// Runs until the user quits or a signal comes; `first` are handled before the first
    /// screen (the article opened at start). Returns the exit status.
    public func run(first: [Event] = []) -> Int32 {
        let size = terminal.size
        var pending: [Event] = [.resized(width: size.width, height: size.height)] + first
        var firstDraw = true
        var keyStarted: (time: UInt64, label: String)?
        var libraryFilled = !(state.library?.isFilling ?? false)
        while true {
            for event in pending {
                if let status = handle(event) { return leave(status) }
            }
            if !pending.isEmpty {
                terminal.draw(AppView.render(state))
                if firstDraw {
                    timing?.write("first-screen")
                    firstDraw = false
                }
                if let (time, label) = keyStarted { timing?.write("key", since: time, detail: label) }
                keyStarted = nil
                if !libraryFilled, !(state.library?.isFilling ?? false) {
                    timing?.write("library-filled")
                    libraryFilled = true
                }
                // The rows in view are filled first.
                if !libraryFilled { libraryFill?.prefer(state.libraryPathsInView) }
                saveReadingIfNeeded()
            }
            pending = []
            let filling = libraryFill != nil && !libraryFilled
            let waitBeforeWork = background.map { !$0.isStarted } ?? libraryFill.map { !$0.isStarted } ?? false
            let timeout = state.hasPendingWork ? InputTimeout.busy
                : waitBeforeWork ? InputTimeout.beforeBackgroundWork
                : background != nil || filling ? InputTimeout.backgroundWork : InputTimeout.idle
            let input = terminal.nextInput(timeout: timeout)
            background?.start()
            libraryFill?.start()
            switch input {
            case .signal(let signal): pending.append(.signal(signal))
            case .hungUp: pending.append(.signal(SIGHUP))
            default: break
            }
            pending += events.take()
            switch input {
            case .key(.resize), .resized:
                if case .key(let key) = input {
                    terminal.invalidate()
                    keyStarted = (TimingLog.now(), key.label)
                }
                let size = terminal.size
                pending.append(.resized(width: size.width, height: size.height))
            case .key(let key):
                keyStarted = (TimingLog.now(), key.label)
                pending.append(.key(key))
            case nil:
                if state.hasPendingWork { pending.append(.idle) }
            case .signal, .hungUp:
                break
            }
        }
    }

    /// Applies `event` and carries out its effects, and the effects of the events they bring
    /// back, in order. Returns an exit status when Brief must leave.
    func handle(_ event: Event) -> Int32? {
        var queue = [event]
        while !queue.isEmpty {
            let event = queue.removeFirst()
            noteProgress(event)
            for effect in state.apply(event) {
                switch perform(effect) {
                case .leave(let status): return status
                case .then(let result): queue.append(result)
                case .done: break
                }
            }
        }
        return nil
    }

    /// The runtime's own bookkeeping of background work and its timings.
    private func noteProgress(_ event: Event) {
        switch event {
        case .parsed(let document, let analysed) where document.path == background?.path:
            timing?.write(analysed ? "analysis-shown" : "parse-shown")
            if analysed { background = nil }
        case .readFailed(let path, _) where path == background?.path:
            background = nil
        default:
            break
        }
    }

    private func leave(_ status: Int32) -> Int32 {
        if readingUnsaved { try? reading?.save() }
        terminal.end()
        return status
    }

    private func saveReadingIfNeeded() {
        guard readingUnsaved else { return }
        readingUnsaved = false
        do {
            try reading?.save()
        } catch {
            _ = handle(.readingNotSaved(reason: error.description))  // a message: never leaves
            terminal.draw(AppView.render(state))
        }
    }

    enum Outcome {
        case done
        /// The event that reports how the effect went.
        case then(Event)
        case leave(Int32)
    }

    func perform(_ effect: Effect) -> Outcome {
        switch effect {
        case .quit:
            return .leave(quitStatus)
        case .exit(let status):
            return .leave(status)
        case .open(let path):
            switch loader.load(path, events: events) {
            case .failure:
                return .then(.openFailed(path: path))
            case .success(let (document, pending)):
                background = pending
                return .then(.opened(document, remembered: reading?.record(for: path)))
            }
        case .saveReading(let path, let block, let offset, let read):
            reading?.update(path, ReadingRecord(block: block, offset: offset, read: read))
            readingUnsaved = reading != nil
            return .done
        case .setRead(let path, let read):
            let record = reading?.record(for: path) ?? ReadingRecord(block: -1, offset: 0, read: read)
            reading?.update(path, ReadingRecord(block: record.block, offset: record.offset, read: read))
            readingUnsaved = reading != nil
            return .done
        case .loadNotes(let path, let title):
            do {
                let stored = try notes.load(title: title, source: FileIO.absolutePath(path))
                return .then(.notesLoaded(path: path, notes: stored?.notes ?? []))
            } catch {
                return .then(.notesFailed(reason: error.description))
            }
        case .changeNotes(let path, let title, let change):
            do {
                let stored = try notes.update(title: title, source: FileIO.absolutePath(path)) { notes in
                    change.apply(to: &notes.notes)
                }
                return .then(.notesStored(path: path, notes: stored.notes))
            } catch {
                return .then(.noteChangeFailed(change, reason: error.description))
            }
        case .exportNotes(let path):
            return .then(exportNotes(path))
        case .editNoteExternally(_, _, let target, let text):
            return .then(editExternally(text, target: target))
        case .removeFile(let file):
            unlink(file)
            return .done
        case .suspend:
            terminal.suspend()
            let size = terminal.size
            return .then(.resized(width: size.width, height: size.height))
        case .redraw:
            terminal.invalidate()
            return .done
        case .showEnd(let path):
            // Only the beginning is parsed yet: show a parse of the end until the whole is in.
            guard let pending = background, pending.path == path, let tail = pending.tail() else { return .done }
            return .then(.tailParsed(tail))
        case .openURL(let url):
            reapBrowsers()
            let size = terminal.size
            let (message, child) = LinkOpener(environment: editor.environment).open(url) { run in
                terminal.runOutside(run)
            }
            if let child { browsers.append(child) }
            if terminal.size != size { events.post(.resized(width: terminal.size.width, height: terminal.size.height)) }
            return .then(.linkHandled(message: message))
        case .copyToClipboard(let text):
            return .then(.linkHandled(message: terminal.copyToClipboard(text)
                ? "copied \(text.withoutControls)" : "cannot copy: the terminal is not writable"))
        }
    }

    /// Browsers started on their own are waited for once they exit, so none is left a zombie.
    private func reapBrowsers() {
        browsers.removeAll { pid in
            var code: Int32 = 0
            return waitpid(pid, &code, WNOHANG) != 0
        }
    }

    /// Writes the open article's notes as plain text to `…/brief/exports/SLUG-notes.txt`.
    private func exportNotes(_ path: String) -> Event {
        guard let document = state.reader?.document, document.path == path else {
            return .exportFailed(reason: "the article is no longer open")
        }
        let source = FileIO.absolutePath(path)
        do {
            var stored = try notes.load(title: document.article.title, source: source)
                ?? ArticleNotes(title: document.article.title, source: source)
            stored.source = source
            let text = NoteExporter.text([NotesReport(stored: stored, article: document.article)], date: Date())
            let directory = notes.exportDirectory
            try FileIO.makeDirectories(directory)
            let file = directory + "/" + NoteStore.exportFileName(forTitle: document.article.title)
            try FileIO.writeAtomically(Array(text.utf8), to: file)
            return .notesExported(file: file)
        } catch {
            return .exportFailed(reason: error.description)
        }
    }

    /// The editor round trip: the text into a file, the terminal to the editor, the text back.
    private func editExternally(_ text: String, target: NoteTarget) -> Event {
        let file: String
        switch editor.prepare(text) {
        case .failure(let failure): return .editorFailed(reason: failure.description)
        case .success(let prepared): file = prepared
        }
        let size = terminal.size
        let result = terminal.runOutside { editor.edit(file) }
        // The window may have changed size while the editor ran.
        if terminal.size != size { events.post(.resized(width: terminal.size.width, height: terminal.size.height)) }
        switch result {
        case .failure(let failure): return .editorFailed(reason: failure.description)
        case .success(let edited): return .editorFinished(text: edited, file: file, target: target)
        }
    }
}
