import BriefCore
import BriefRuntime
import BriefStore
import BriefTerminal
import BriefUI
#if canImport(Glibc)
import Glibc
#endif

/// The interactive reader: reads what was named (one file: the reader; else the library),
/// starts the terminal and hands both to the runtime's loop.
enum ReaderApp {
    /// Opens `targets` and returns the exit status.
    static func run(_ targets: [String], environment: Environment) -> Int32 {
        let timing = TimingLog(environment: environment)
        let notes = NoteStore.standard(environment: environment)
        // Standard input is a different text each time: no position to remember for it.
        let reading = targets == ["-"] ? nil : environment.stateDirectory.map(ReadingStateStore.init)
        let events = EventQueue()
        var failed = false
        var state = AppState(width: 80, height: 24)
        var first: [Event] = []
        var background: BackgroundParse?
        var fill: LibraryFill?
        if targets.count == 1 && (ArticleSource.isURL(targets[0]) || !ArticleFiles.isDirectory(targets[0])) {
            // Read before the terminal starts, so that a failure is a line on standard error.
            switch ArticleLoader(timing: timing, web: Web.access).load(targets[0], events: events) {
            case .failure(let error):
                Output.error(error.description)
                return 1
            case .success(let (document, pending)):
                background = pending
                first = [.opened(document, remembered: reading?.record(for: targets[0]))]
            }
        } else {
            let entries = listLibrary(targets, reading: reading, failed: &failed)
            guard !entries.isEmpty else { return 1 }
            timing?.write("listed")
            let library = LibraryState(entries: entries, thisYear: LibraryListing.day(of: time(nil))?.year)
            state = AppState(library: library, width: 80, height: 24)
            let web = Web.access
            fill = LibraryFill(entries: library.visible.map { library.entries[$0] }, events: events,
                               threads: environment["BRIEF_JOBS"].flatMap { Int($0) } ?? LibraryFill.defaultThreads) {
                let analyzer = ClaimAnalyzer(explains: false)
                return { path in LibraryFill.details(path: path, analyzer: analyzer, notes: notes, web: web) }
            }
        }

        var configuration = Settings.load(environment)
        state.keymap = configuration.keymap()
        Terminal.takeInputFromTerminal()
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(environment: environment, colors: configuration.colors)
        } catch {
            Output.error(error.description)
            return 1
        }
        state.showInlineMarks(terminal.inlineMarks)
        // Problems show on the first screen and again on standard error once the screen is gone.
        if let first = configuration.problems.first {
            let more = configuration.problems.count > 1 ? " (and \(configuration.problems.count - 1) more)" : ""
            state.say(first + more + "; defaults used")
        }
        defer {
            terminal.end()
            for problem in configuration.problems { Output.error(problem) }
        }
        let runtime = ReaderRuntime(state: state, terminal: terminal, notes: notes, reading: reading,
                                    editor: ExternalEditor(environment: environment), timing: timing,
                                    events: events, background: background, libraryFill: fill, quitStatus: failed ? 1 : 0,
                                    web: Web.access)
        return runtime.run(first: first)
    }

    /// One row per article, listed from the file system alone (see `LibraryListing`): the
    /// articles are read and analysed afterwards, in the background. A named path that is
    /// missing or cannot be read is reported on standard error; a file of a folder that turns
    /// out unreadable is listed with the reason once the fill reaches it.
    static func listLibrary(_ targets: [String], reading: ReadingStateStore?, failed: inout Bool) -> [LibraryEntry] {
        var paths: [String] = []
        for input in ArticleInputs.expand(targets) {
            switch input {
            case .failure(let message):
                Output.error(message)
                failed = true
            case .file(let file, let named):
                if named, !ArticleSource.isURL(file), file != "-", let problem = unreadable(file) {
                    Output.error(problem.description)
                    failed = true
                    continue
                }
                paths.append(file)
            }
        }
        return LibraryListing.entries(paths, reading: reading)
    }

    /// Why a named file cannot be read, found without reading it.
    static func unreadable(_ file: String) -> StoreError? {
        guard ArticleFiles.size(file) != nil else { return StoreError(path: file, reason: "not a regular file") }
        if access(file, R_OK) != 0 { return StoreError(path: file, errno: errno) }
        return nil
    }
}
