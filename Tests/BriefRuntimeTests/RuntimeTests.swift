import BriefCore
import BriefStore
import BriefUI
import Testing
@testable import BriefRuntime
#if canImport(Glibc)
import Glibc
#endif

/// A folder of its own per test: the articles, the note store, the reading positions.
struct Sandbox {
    let directory: String
    var environment: Environment

    init(_ extra: [String: String] = [:]) {
        var template = Array("/tmp/brief-runtime-XXXXXX".utf8CString)
        directory = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
        environment = Environment(["HOME": directory, "XDG_DATA_HOME": directory + "/data",
                                   "XDG_STATE_HOME": directory + "/state", "TMPDIR": directory].merging(extra) { $1 })
    }

    var notes: NoteStore { NoteStore.standard(environment: environment) }
    func reading() -> ReadingStateStore? { environment.stateDirectory.map(ReadingStateStore.init) }

    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        let path = directory + "/" + name
        try! FileIO.writeAtomically(Array(text.utf8), to: path, mode: 0o644)
        return path
    }

    /// Opens `path` as `brief PATH` does and runs the loop over `script`.
    func run(_ path: String, width: Int = 80, height: Int = 24,
             _ script: [FakeTerminal.Step]) -> (status: Int32, terminal: FakeTerminal, state: AppState) {
        let events = EventQueue()
        let reading = reading()
        guard case .success(let (document, background)) = ArticleLoader(timing: nil).load(path, events: events) else {
            Issue.record("cannot load \(path)")
            return (-1, FakeTerminal(script), AppState(width: 0, height: 0))
        }
        let terminal = FakeTerminal(width: width, height: height, script)
        let runtime = ReaderRuntime(state: AppState(width: 80, height: 24), terminal: terminal, notes: notes,
                                    reading: reading, editor: ExternalEditor(environment: environment), timing: nil,
                                    events: events, background: background)
        let status = runtime.run(first: [.opened(document, remembered: reading?.record(for: path))])
        #expect(!terminal.overran, "the script ran out before Brief quit")
        #expect(terminal.ended, "the terminal was not restored")
        return (status, terminal, runtime.state)
    }
}

extension Screen {
    var statusLine: String { row(height - 1) }
    var text: String { rows().joined(separator: "\n") }
}

let portsText = """
    # Ports Reopen as the Strait Calms

    - Shipping through the strait resumed on Monday.
    - Insurers are still charging war-risk premiums.

    Traffic through the strait returned to normal levels on Monday after a week of closures. The reopening should lower freight rates within a month, analysts argue. Analysts said the backlog would take weeks to clear.

    ## What comes next

    Insurers remain cautious, and premiums reflect a risk that has not gone away. The real question is whether the calm will last through the winter.

    Shipping lines expect volumes to recover by December, and the fleets that diverted around the cape will return first.
    """

@Suite("The reader's loop through a fake terminal")
struct RuntimeTests {
    @Test("Keys move the view; q saves the place and leaves with 0; reopening shows it again")
    func keysAndReadingPosition() {
        let sandbox = Sandbox()
        let path = sandbox.write("ports.md", portsText)
        let (status, terminal, _) = sandbox.run(path, width: 80, height: 8, [.key(.char("}")), .key(.char("q"))])
        #expect(status == 0)
        #expect(terminal.screens.count >= 2)
        #expect(terminal.screens[0].text.contains("Ports Reopen as the Strait Calms"))
        #expect(terminal.lastScreen.row(0).contains("What comes next"))
        let record = sandbox.reading()?.record(for: path)
        #expect(record?.read == true && record.map { $0.block > 0 } == true)

        let (_, again, _) = sandbox.run(path, width: 80, height: 8, [.key(.char("q"))])
        #expect(again.screens[0].row(0).contains("What comes next"), "opened at the remembered place")
    }

    @Test("A resize redraws at the new size; ^L forgets the screen; ^Z suspends and redraws")
    func resizeRedrawSuspend() {
        let sandbox = Sandbox()
        let path = sandbox.write("ports.md", portsText)
        let (status, terminal, state) = sandbox.run(path, [
            .resize(width: 40, height: 12), .key(.control("l")), .key(.control("z")), .key(.char("q")),
        ])
        #expect(status == 0)
        #expect(terminal.screens.contains { $0.width == 40 && $0.height == 12 })
        #expect(terminal.invalidations == 1 && terminal.suspensions == 1)
        #expect(state.width == 40 && state.height == 12)
    }

    @Test("A signal or a hang-up leaves with 128+N and keeps the place")
    func signals() {
        let sandbox = Sandbox()
        let path = sandbox.write("ports.md", portsText)
        let (status, _, _) = sandbox.run(path, height: 8, [.key(.char("}")), .input(.signal(SIGTERM))])
        #expect(status == 128 + SIGTERM)
        #expect((sandbox.reading()?.record(for: path)?.block ?? 0) > 0)
        let (hung, _, _) = sandbox.run(path, [.input(.hungUp)])
        #expect(hung == 128 + SIGHUP)
    }

    @Test("A note typed in the reader is stored, counted and there on reopening")
    func noteRoundTrip() {
        let sandbox = Sandbox()
        let path = sandbox.write("ports.md", portsText)
        let (_, terminal, state) = sandbox.run(path, [.key(.char("a"))] + FakeTerminal.Step.keys("Check the rates") + [
            .key(.enter), .waitFor("1 note"), .key(.char("q")),
        ])
        #expect(state.reader?.notes.map(\.note.note) == ["Check the rates"])
        let stored = try? sandbox.notes.load(title: "Ports Reopen as the Strait Calms", source: FileIO.absolutePath(path))
        #expect(stored?.notes.map(\.note) == ["Check the rates"])
        #expect(terminal.lastScreen.statusLine.contains("1 note"))
        let (_, again, _) = sandbox.run(path, [.key(.char("q"))])
        #expect(again.screens[0].statusLine.contains("1 note"))
    }

    @Test("$EDITOR round trip: the text comes back as a note and its file is removed")
    func externalEditor() {
        let sandbox = Sandbox(["VISUAL": "printf 'Written in the editor\\n\\n' >"])
        let path = sandbox.write("ports.md", portsText)
        let (_, terminal, state) = sandbox.run(path, [.key(.char("A")), .waitFor("note saved"), .key(.char("q"))])
        #expect(terminal.timesOutside == 1)
        #expect(state.reader?.notes.map(\.note.note) == ["Written in the editor"])
        let left = ArticleFiles.directoryEntries(sandbox.directory)?.filter { $0.hasPrefix("brief-note-") } ?? []
        #expect(left.isEmpty, "the editor's file is removed once the note is stored: \(left)")
    }

    @Test("A failing editor is reported with its status and where the text is")
    func failingEditor() {
        let sandbox = Sandbox(["VISUAL": "false"])
        let path = sandbox.write("ports.md", portsText)
        let (_, terminal, state) = sandbox.run(path, [.key(.char("A")), .waitFor("failed with status 1"), .key(.char("q"))])
        #expect(terminal.lastScreen.statusLine.contains("the editor (false) failed with status 1"))
        #expect(state.reader?.notes.isEmpty == true)
    }

    @Test("A note that cannot be stored goes back to the editor, and the editor's file is named")
    func unstorableNoteFromEditor() {
        let sandbox = Sandbox(["VISUAL": "printf 'Kept text' >"])
        let path = sandbox.write("ports.md", portsText)
        // The notes folder cannot be made: a file is in its way.
        sandbox.write("data", "not a folder")
        let (status, terminal, state) = sandbox.run(path, [.key(.char("A")), .waitFor("Note: Kept text"),
                                                           .input(.signal(SIGTERM))])
        #expect(status == 128 + SIGTERM)
        #expect(terminal.lastScreen.statusLine.contains("Note: Kept text"), "the text is back in the editor")
        #expect(state.message?.hasPrefix("note not saved: ") == true && state.message?.contains("(text kept in ") == true)
        #expect(state.reader?.notes.isEmpty == true)
        let kept = ArticleFiles.directoryEntries(sandbox.directory)?.filter { $0.hasPrefix("brief-note-") } ?? []
        #expect(kept.count == 1, "the text stays in the editor's file")
    }

    @Test("Exporting notes writes the text file next to the store and says where")
    func export() {
        let sandbox = Sandbox()
        let path = sandbox.write("ports.md", portsText)
        let (_, terminal, _) = sandbox.run(path, width: 160, height: 24, [.key(.char("m")), .waitFor("1 note"), .key(.char("e")),
                                                               .waitFor("notes exported to"), .key(.char("q"))])
        let file = sandbox.directory + "/data/brief/exports/ports-reopen-as-the-strait-calms-notes.txt"
        #expect(terminal.lastScreen.statusLine.contains(file))
        #expect(ArticleFiles.size(file).map { $0 > 0 } == true)
    }
}
