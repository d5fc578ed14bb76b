import BriefCore
import BriefTerminal
import BriefUI
import FoundationEssentials
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Runs the interactive reader: loads the articles, then loops drawing the state,
/// reading a key and carrying out the effects until `q`, a signal or an error.
enum ReaderApp {
    /// Articles larger than this are analysed in the background: the first screen
    /// shows at once and key points arrive when the analysis is done.
    static let backgroundAnalysisSize = 1 << 20

    /// Opens `targets` (one file: the reader; otherwise the library) and returns the exit status.
    static func run(_ targets: [String]) -> Int32 {
        let environment = ProcessEnvironment.current
        let timing = TimingLog(environment: environment)
        let notes = NoteStore.standard(environment: environment)
        var store = ReadingStateStore.defaultDirectory(environment: environment).map(ReadingStateStore.init)
        let singleFile = targets.count == 1 && !ArticleFiles.isDirectory(targets[0])
        var analysis: BackgroundAnalysis?

        var failed = false
        var state: AppState
        if singleFile {
            guard let (document, pending) = loadDocument(targets[0], timing: timing) else { return 1 }
            analysis = pending
            state = AppState(document: document, width: 80, height: 24)
            state.busy = pending == nil ? nil : "reading"
        } else {
            let entries = loadLibrary(targets, store: store, failed: &failed)
            guard !entries.isEmpty else { return 1 }
            state = AppState(library: LibraryState(entries: entries), width: 80, height: 24)
        }

        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(environment: environment)
        } catch {
            Output.error("\(error)")
            return 1
        }
        defer { terminal.end() }
        let size = terminal.size
        state.resize(width: size.width, height: size.height)
        // A position beyond the preview of a large article, applied when the whole parse arrives.
        var positionBeyondPreview: ReadingRecord?
        if singleFile, let document = state.reader?.document {
            // Saved after the first screen is drawn: the write is synced to disk, which can take long.
            positionBeyondPreview = reopen(&state, document, store: &store, isPreview: analysis != nil, saveNow: false)
            loadNotes(&state, store: notes)
        }

        var keyTime: UInt64? = nil
        var lastKey = ""
        /// Whether the preview of the end of a large article is shown (see `Effect.showEnd`).
        var showingTail = false
        var firstDraw = true
        var needsDraw = true
        while true {
            if needsDraw { terminal.draw(AppView.render(state)) }
            needsDraw = false
            if firstDraw {
                timing?.write("first-screen", since: timing!.start)
                firstDraw = false
                if singleFile {
                    save(store, &state)
                    needsDraw = state.message != nil
                }
            }
            if let started = keyTime {
                timing?.write("key", since: started, detail: lastKey)
                keyTime = nil
            }
            // While a search scans a huge article, keys are polled between slices.
            // The work on a large article starts after the first screen has had a moment to show
            // (or at the first key): on a machine with few cores it would compete for a processor
            // with the terminal drawing that screen.
            let waitBeforeWork = analysis.map { !$0.isStarted } ?? false
            terminal.setInputTimeout(milliseconds: state.hasPendingWork ? 0 : waitBeforeWork ? 20 : analysis != nil ? 50 : 200)
            let key = terminal.readKey()
            analysis?.start()
            let signal = terminal.takePendingSignal()
            if signal != 0 {
                if let record = positionBeyondPreview, let path = state.reader?.document.path {
                    store?.update(path, record)
                    try? store?.save()
                } else {
                    remember(state, in: &store)
                }
                terminal.end()
                return 128 + signal
            }
            if key == nil, terminal.isHungUp {
                remember(state, in: &store)
                terminal.end()
                return 128 + SIGHUP
            }
            if let pending = analysis, let failure = pending.takeFailure() {
                // The beginning stays on screen; nothing more will come.
                state.message = "only the beginning is shown: \(failure)"
                state.busy = nil
                analysis = nil
                needsDraw = true
            }
            if let pending = analysis, let (document, isFinal) = pending.take() {
                needsDraw = true
                // Over the preview of the end, keep the same source line in view.
                let tailPlace = state.reader.flatMap { reader -> (line: Int, offset: Int)? in
                    guard reader.document.preview == .tail else { return nil }
                    let (block, offset) = reader.document.block(of: reader.top)
                    let blocks = reader.document.article.blocks
                    return blocks.isEmpty ? nil : (blocks[max(0, min(block, blocks.count - 1))].line, offset)
                }
                state.update(document)
                showingTail = false
                if let tailPlace {
                    let blocks = document.article.blocks
                    let first = blocks.partitionPoint { $0.line >= tailPlace.line }  // at or after the line
                    state.show(document.position(block: min(first, max(0, blocks.count - 1)), offset: tailPlace.offset))
                }
                if let record = positionBeyondPreview {
                    state.show(document.position(block: record.block, offset: record.offset))
                    positionBeyondPreview = nil
                }
                state.busy = isFinal ? nil : "analysing"
                if isFinal { analysis = nil }
                timing?.write(isFinal ? "analysis-shown" : "parse-shown", since: timing!.start)
            }
            guard let key else {
                if terminal.followTerminalSize() {
                    let size = terminal.size
                    state.resize(width: size.width, height: size.height)
                    needsDraw = true
                }
                if state.hasPendingWork {
                    state.continueWork()
                    needsDraw = true
                }
                continue
            }
            needsDraw = true
            keyTime = TimingLog.now()
            lastKey = key.label
            if key == .resize {
                let size = terminal.size
                state.resize(width: size.width, height: size.height)
                terminal.invalidate()
                continue
            }
            for effect in state.apply(key) {
                switch effect {
                case .quit:
                    terminal.end()
                    return failed ? 1 : 0
                case .open(let path):
                    showingTail = false
                    if let (document, pending) = loadDocument(path, quiet: true, timing: nil) {
                        analysis = pending
                        state.busy = pending == nil ? nil : "reading"
                        positionBeyondPreview = reopen(&state, document, store: &store, isPreview: pending != nil)
                        loadNotes(&state, store: notes)
                    } else {
                        state.message = "cannot open \(path.withoutControls)"
                    }
                case .saveReading(let path, let block, let offset):
                    // Left before the whole parse arrived: keep the remembered place. (Block
                    // numbers of the preview of the end are not the article's.)
                    if showingTail { break }
                    store?.update(path, positionBeyondPreview ?? ReadingRecord(block: block, offset: offset, read: true))
                    positionBeyondPreview = nil
                    save(store, &state)
                case .suspend:
                    terminal.suspend()
                    let size = terminal.size
                    state.resize(width: size.width, height: size.height)
                case .redraw:
                    terminal.invalidate()
                case .showEnd(let path):
                    // Only the beginning is parsed yet: show a parse of the end until the whole is in.
                    guard let pending = analysis, pending.path == path, let tail = pending.tail() else { break }
                    state.update(tail)
                    state.showEnd()
                    positionBeyondPreview = nil
                    showingTail = true
                case .changeNotes(let path, let title, let change):
                    changeNotes(&state, store: notes, path: path, title: title, change: change)
                case .exportNotes(let path):
                    exportNotes(&state, store: notes, path: path)
                case .editNoteExternally(let path, let title, let target, let text):
                    let size = terminal.size
                    let result = editExternally(text, terminal: terminal, environment: environment)
                    // ^C typed in an editor that lets the terminal signal is the editor's, not ours.
                    let signal = terminal.takePendingSignal()
                    if signal != 0 && signal != SIGINT { raise(signal) }
                    switch result {
                    case .failure(let failure):
                        state.message = failure.description
                    case .success(let (edited, file)):
                        var saved = true
                        for effect in state.noteEdited(edited, target: target) {
                            if case .changeNotes(_, _, let change) = effect {
                                saved = changeNotes(&state, store: notes, path: path, title: title, change: change)
                            }
                        }
                        if saved {
                            unlink(file)
                        } else {
                            state.message = (state.message ?? "note not saved") + " (text kept in \(file))"
                        }
                    }
                    // The window may have changed size while the editor ran.
                    _ = terminal.followTerminalSize()
                    if terminal.size != size { state.resize(width: terminal.size.width, height: terminal.size.height) }
                }
            }
        }
    }

    // MARK: Notes

    /// Puts the open article's stored notes into the state; an unreadable notes file is reported.
    private static func loadNotes(_ state: inout AppState, store: NoteStore) {
        guard let document = state.reader?.document else { return }
        do {
            let stored = try store.load(title: document.article.title, source: absolutePath(document.path))
            state.setNotes(stored?.notes ?? [], path: document.path)
        } catch {
            state.message = "notes: \(error.description)"
        }
    }

    /// Carries out a change in the store (locked, atomic) and shows what is stored now.
    @discardableResult
    private static func changeNotes(_ state: inout AppState, store: NoteStore, path: String, title: String,
                                    change: NoteChange) -> Bool {
        do {
            let stored = try store.update(title: title, source: absolutePath(path)) { notes in
                change.apply(to: &notes.notes)
            }
            state.setNotes(stored.notes, path: path)
            return true
        } catch {
            state.noteChangeFailed(change, reason: error.description)
            return false
        }
    }

    /// Writes the article's notes as plain text to `$XDG_DATA_HOME/brief/exports/SLUG-notes.txt`.
    private static func exportNotes(_ state: inout AppState, store: NoteStore, path: String) {
        guard let document = state.reader?.document, document.path == path else { return }
        do {
            let stored = try store.load(title: document.article.title, source: absolutePath(path))
                ?? ArticleNotes(title: document.article.title, source: absolutePath(path))
            var named = stored
            named.source = absolutePath(path)
            let text = NoteExporter.text([NotesReport(stored: named, article: document.article)], date: Date())
            let directory = exportDirectory(store)
            try makeDirectories(directory)
            var name = NoteStore.fileName(forTitle: document.article.title)
            name = String(name.dropLast(5))  // ".json"
            if let dash = name.lastIndex(of: "-") { name = String(name[..<dash]) }  // the title hash
            let file = directory + "/" + name + "-notes.txt"
            try NoteStore.writeAtomically(Array(text.utf8), to: file, directory: directory)
            state.message = "notes exported to \(file)"
        } catch {
            state.message = "notes not exported: \(error)"
        }
    }

    /// `…/brief/exports`, next to the notes folder.
    static func exportDirectory(_ store: NoteStore) -> String {
        var parts = store.directory.split(separator: "/", omittingEmptySubsequences: false)
        if parts.last == "notes" { parts.removeLast() }
        return parts.joined(separator: "/") + "/exports"
    }

    private static func makeDirectories(_ directory: String) throws(EditorFailure) {
        var path = ""
        for part in directory.split(separator: "/") {
            path += "/" + part
            if mkdir(path, 0o700) != 0 && errno != EEXIST {
                throw EditorFailure("\(path): \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Runs $VISUAL, $EDITOR or vi on a temporary file holding `text`, with the terminal
    /// given back for the time. Returns the edited text (trailing blank lines dropped)
    /// and the file, which the caller removes once the text is saved.
    static func editExternally(_ text: String, terminal: CursesTerminal,
                               environment: [String: String]) -> Result<(String, String), EditorFailure> {
        let folder = environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((folder + "/brief-note-XXXXXX.txt").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, 4) }
        guard fd >= 0 else { return .failure(EditorFailure("cannot create a temporary file in \(folder): \(String(cString: strerror(errno)))")) }
        let file = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        let bytes = Array((text.isEmpty ? "" : text + "\n").utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; break }
            offset += n
        }
        close(fd)
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        let status: Int32 = terminal.runOutside {
            // Through the shell, so "code --wait" or an editor with options works.
            let arguments = ["/bin/sh", "-c", editor + " \"$1\"", "sh", file]
            let argv = arguments.map { strdup($0) } + [nil]
            defer { argv.forEach { free($0) } }
            var pid = pid_t()
            guard posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ) == 0 else { return -1 }
            var code: Int32 = 0
            while waitpid(pid, &code, 0) < 0 {
                if errno != EINTR { return -1 }
            }
            return (code & 0x7f) == 0 ? (code >> 8) & 0xff : 128 + (code & 0x7f)
        }
        guard status == 0 else {
            return .failure(EditorFailure("the editor (\(editor)) failed with status \(status); the text is in \(file)"))
        }
        guard let edited = try? ArticleFiles.read(file).get() else {
            return .failure(EditorFailure("cannot read \(file) back"))
        }
        var result = String(decoding: edited, as: UTF8.self)
        while let last = result.unicodeScalars.last, last == "\n" || last == "\r" || last == " " || last == "\t" {
            result.unicodeScalars.removeLast()
        }
        return .success((result, file))
    }

    /// Shows `document` at its remembered position and marks it read. Returns the
    /// remembered position when `document` is a preview too short to show it.
    private static func reopen(_ state: inout AppState, _ document: ReaderDocument, store: inout ReadingStateStore?,
                               isPreview: Bool = false, saveNow: Bool = true) -> ReadingRecord? {
        let record = store?.record(for: document.path)
        state.open(document, at: record.map { document.position(block: $0.block, offset: $0.offset) })
        let read = ReadingRecord(block: record?.block ?? -1, offset: record?.offset ?? 0, read: true)
        store?.update(document.path, read)
        if saveNow { save(store, &state) }
        let beyond = isPreview && read.block >= document.article.blocks.count - 1
        return beyond ? read : nil
    }

    private static func remember(_ state: AppState, in store: inout ReadingStateStore?) {
        // Block numbers of the preview of the end are not the article's: keep what was remembered.
        guard state.reader?.document.preview != .tail, let (path, block, offset) = state.readingPosition else { return }
        store?.update(path, ReadingRecord(block: block, offset: offset, read: true))
        try? store?.save()
    }

    private static func save(_ store: ReadingStateStore?, _ state: inout AppState) {
        do { try store?.save() } catch { state.message = "reading position not saved: \(error)" }
    }

    /// Reads and parses an article. Small ones are parsed and analysed at once. A large
    /// one opens on a parse of its beginning; the whole parse and then the analysis run
    /// in the background (the returned handle) and replace it as they finish.
    static func loadDocument(_ path: String, quiet: Bool = false,
                             timing: TimingLog?) -> (ReaderDocument, BackgroundAnalysis?)? {
        let fileName = path == "-" ? nil : path
        // A large file: only its beginning is read before the first screen; the rest is read
        // in the background (reading 20 MB takes longer than showing a screen).
        if path != "-", let size = ArticleFiles.size(path), size >= backgroundAnalysisSize,
           case .success(let head) = ArticleFiles.readPrefix(path, count: previewSize) {
            timing?.write("read", since: timing!.start)
            let preview = ArticleParser.parse(bytes: head[..<previewEnd(head)], fileName: fileName)
            let document = ReaderDocument(path: path, article: preview, analysis: ArticleAnalysis(claims: [], evidence: [:]),
                                          preview: .head)
            timing?.write("preview", since: timing!.start)
            return (document, BackgroundAnalysis(path: path, bytes: nil, fileName: fileName, title: preview.title))
        }
        switch ArticleFiles.read(path) {
        case .failure(let error):
            if !quiet { Output.error(error.description) }
            return nil
        case .success(let bytes):
            timing?.write("read", since: timing!.start)
            if bytes.count < backgroundAnalysisSize {
                let article = ArticleParser.parse(bytes: bytes, fileName: fileName)
                return (ReaderDocument(path: path, article: article), nil)
            }
            let preview = ArticleParser.parse(bytes: bytes[..<previewEnd(bytes)], fileName: fileName)
            let document = ReaderDocument(path: path, article: preview, analysis: ArticleAnalysis(claims: [], evidence: [:]),
                                          preview: .head)
            timing?.write("preview", since: timing!.start)
            return (document, BackgroundAnalysis(path: path, bytes: bytes, fileName: fileName, title: preview.title))
        }
    }

    /// How much of a large article the previews of its beginning and its end parse.
    static let previewSize = 64 << 10

    /// Where the preview of a large article ends: at a blank line (or else a line end)
    /// before `previewSize`, so its blocks are those of the whole parse.
    static func previewEnd(_ bytes: [UInt8]) -> Int {
        let limit = min(bytes.count, previewSize)
        var lineEnd: Int?
        var i = limit - 1
        while i > 0 {
            if bytes[i] == 0x0A {
                if bytes[i - 1] == 0x0A { return i }
                if lineEnd == nil { lineEnd = i }
            }
            i -= 1
        }
        return lineEnd ?? limit
    }

    /// Where the preview of a large article's end starts: just after a blank line (or else a
    /// line end) in its last `previewSize` bytes, so its blocks are (nearly always) those of the whole parse.
    static func tailStart(_ bytes: [UInt8]) -> Int {
        guard bytes.count > previewSize else { return 0 }
        var lineStart: Int?
        var i = bytes.count - previewSize
        while i + 1 < bytes.count {
            if bytes[i] == 0x0A {
                if bytes[i + 1] == 0x0A { return i + 2 }
                if lineStart == nil { lineStart = i + 1 }
            }
            i += 1
        }
        return lineStart ?? bytes.count - previewSize
    }

    /// Line breaks in some bytes as the parser counts them: LF, CR LF, or a CR alone.
    static func lineBreaks(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.withUnsafeBufferPointer { b in
            var count = 0
            for byte in b { count &+= byte == 0x0A ? 1 : 0 }  // a loop the compiler vectorizes
            guard let base = b.baseAddress, memchr(base, 0x0D, b.count) != nil else { return count }
            for k in b.indices where b[k] == 0x0D && (k + 1 == b.count || b[k + 1] != 0x0A) { count += 1 }
            return count
        }
    }

    /// One entry per article; a file of a folder that cannot be read is listed with the reason,
    /// a named path that cannot be read is reported on standard error.
    static func loadLibrary(_ targets: [String], store: ReadingStateStore?, failed: inout Bool) -> [LibraryEntry] {
        let analyzer = ClaimAnalyzer(explains: false)  // only the kind and the number of key points are listed
        let notes = NoteStore.standard(environment: ProcessEnvironment.current)
        var entries: [LibraryEntry] = []
        ArticleInputs.forEach(targets, failed: &failed, unreadableInFolder: { file, error in
            entries.append(LibraryEntry(path: file, problem: error.reason))
        }) { path, article in
            var info = stat()
            let modified = stat(path, &info) == 0 ? Int(info.st_mtim.tv_sec) : 0
            let analysis = analyzer.analyze(article)
            let claims = analysis.claims.count
            let noteCount = (try? notes.load(title: article.title, source: absolutePath(path)))??.notes.count ?? 0
            entries.append(LibraryEntry(path: path, article: article, keyPoints: claims, kind: analysis.kind, notes: noteCount,
                                        modified: modified, read: store?.record(for: path)?.read ?? false))
        }
        return entries
    }
}

/// A failure to show in the status line.
struct EditorFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The whole parse of a large article and then its analysis, on another thread;
/// `take()` returns the newest document not yet taken.
final class BackgroundAnalysis: Sendable {
    private struct Progress {
        var document: ReaderDocument?
        var analysed = false
        /// The preview of the end, ready before the whole parse.
        var tail: ReaderDocument?
        /// Why the rest of the article could not be read.
        var failure: String?
    }
    private let progress = Mutex(Progress())
    private let started = Mutex(false)
    let path: String
    /// The article's bytes when they were read already (standard input), until the work takes them.
    private let givenBytes: Mutex<[UInt8]?>
    private let fileName: String?
    private let title: String

    /// Will read the article (unless `bytes` are given), parse its end, then the whole of it,
    /// then analyse it, on another thread, once `start` is called.
    init(path: String, bytes: [UInt8]?, fileName: String?, title: String) {
        self.path = path
        self.givenBytes = Mutex(bytes)
        self.fileName = fileName
        self.title = title
    }

    var isStarted: Bool { started.withLock { $0 } }

    /// Starts the work (once; later calls do nothing). The reader calls it once the first
    /// screen has had a moment to show, so that the work does not delay it; the thread runs at
    /// a lower priority, so that keys are handled at once while it works.
    func start() {
        guard started.withLock({ let was = $0; $0 = true; return !was }) else { return }
        let (path, fileName, title) = (path, fileName, title)
        let ran = startThread(niceness: 5) { [self] in
            // Held here only, and dropped once parsed: a large article is not kept twice.
            var bytes: [UInt8]
            let taken: [UInt8]? = self.givenBytes.withLock { value -> [UInt8]? in
                let bytes = value
                value = nil
                return bytes
            }
            if let given = taken {
                bytes = given
            } else {
                switch ArticleFiles.read(path) {
                case .success(let read): bytes = read
                case .failure(let error):
                    self.progress.withLock { $0.failure = error.description }
                    return
                }
            }
            let tail = Self.tail(of: bytes, path: path, fileName: fileName, title: title)
            self.progress.withLock { $0.tail = tail }
            let article = ArticleParser.parse(bytes: bytes, fileName: fileName)
            bytes = []
            releaseFreeMemory()  // the parse's freed memory: this thread's heap would keep it
            let parsed = ReaderDocument(path: path, article: article, analysis: ArticleAnalysis(claims: [], evidence: [:]))
            self.progress.withLock { $0.document = parsed }
            // The reader shows the reasons in words (`w`), never the signals behind them.
            let analysed = ReaderDocument(path: path, article: article,
                                          analysis: ClaimAnalyzer(explains: true, signals: false).analyze(article))
            releaseFreeMemory()
            self.progress.withLock { $0.document = analysed; $0.analysed = true }
        }
        if let ran { pthread_detach(ran) } else { progress.withLock { $0.failure = "no thread to read it" } }
    }

    /// A parse of the end of the article (its last `previewSize` bytes, from a blank line),
    /// with the file's line numbers and the given title, for `G` before the whole parse is in.
    static func tail(of bytes: [UInt8], path: String, fileName: String?, title: String) -> ReaderDocument {
        let start = ReaderApp.tailStart(bytes)
        let parsed = ArticleParser.parse(bytes: bytes[start...], fileName: fileName)
        let linesBefore = ReaderApp.lineBreaks(bytes[..<start])
        var blocks = parsed.blocks
        for i in blocks.indices { blocks[i].line += linesBefore }
        let article = Article(title: title, titleLine: nil, byline: nil, dateline: nil, reading: parsed.reading,
                              blocks: blocks)
        return ReaderDocument(path: path, article: article, analysis: ArticleAnalysis(claims: [], evidence: [:]),
                              preview: .tail)
    }

    /// The preview of the end, waiting (at most two seconds) for the file to be read;
    /// nil if it could not be.
    func tail() -> ReaderDocument? {
        for _ in 0..<2000 {
            let (tail, failed) = progress.withLock { ($0.tail, $0.failure != nil) }
            if let tail { return tail }
            if failed { return nil }
            usleep(1000)
        }
        return nil
    }

    /// The newest document, and whether it is the last (analysed) one.
    func take() -> (document: ReaderDocument, isFinal: Bool)? {
        progress.withLock { value in
            defer { value.document = nil }
            return value.document.map { ($0, value.analysed) }
        }
    }

    /// Why the rest of the article could not be read, once.
    func takeFailure() -> String? {
        progress.withLock { value in
            defer { value.failure = nil }
            return value.failure
        }
    }
}

/// Timings for the benchmark: with BRIEF_TIMING=FILE, one "label<TAB>microseconds" line
/// per phase of start-up and per key handled (read to drawn).
struct TimingLog {
    let fd: Int32
    let start = TimingLog.now()

    init?(environment: [String: String]) {
        guard let path = environment["BRIEF_TIMING"], !path.isEmpty else { return nil }
        fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        if fd < 0 { return nil }
    }

    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000 + UInt64(time.tv_nsec) / 1000
    }

    func write(_ label: String, since start: UInt64, detail: String = "") {
        let line = "\(label)\t\(TimingLog.now() - start)\t\(detail)\n"
        _ = line.withCString { Glibc.write(fd, $0, strlen($0)) }
    }
}

enum ProcessEnvironment {
    static var current: [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            pointer += 1
        }
        return result
    }
}
