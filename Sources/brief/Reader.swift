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
            let entries = loadLibrary(targets, notes: notes, reading: reading, failed: &failed)
            guard !entries.isEmpty else { return 1 }
            state = AppState(library: LibraryState(entries: entries), width: 80, height: 24)
        }

        Terminal.takeInputFromTerminal()
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(environment: environment)
        } catch {
            Output.error(error.description)
            return 1
        }
        defer { terminal.end() }
        let runtime = ReaderRuntime(state: state, terminal: terminal, notes: notes, reading: reading,
                                    editor: ExternalEditor(environment: environment), timing: timing,
                                    events: events, background: background, quitStatus: failed ? 1 : 0,
                                    web: Web.access)
        return runtime.run(first: first)
    }

    /// One entry per article; a file of a folder that cannot be read is listed with the reason,
    /// a named path that cannot be read is reported on standard error.
    static func loadLibrary(_ targets: [String], notes: NoteStore, reading: ReadingStateStore?,
                            failed: inout Bool) -> [LibraryEntry] {
        let analyzer = ClaimAnalyzer(explains: false)  // only the kind and the number of key points are listed
        var entries: [LibraryEntry] = []
        ArticleInputs.forEach(targets, failed: &failed, unreadableInFolder: { file, error in
            entries.append(LibraryEntry(path: file, problem: error.reason))
        }) { path, article in
            entries.append(ArticleLoader.libraryEntry(path: path, article: article, analyzer: analyzer,
                                                      notes: notes, reading: reading))
        }
        return entries
    }
}
