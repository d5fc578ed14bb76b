import BriefCore
import BriefStore
import BriefUI
import Dispatch
import Synchronization
import Testing
@testable import BriefRuntime
#if canImport(Glibc)
import Glibc
#endif

let budgetText = """
    Harwick’s Budget Balances on Paper

    By Dana Reyes

    March 4, 2026

    The council's budget closes its deficit on paper, but only by assuming a rise in revenue that the town has not seen in a decade. That assumption is the budget's weakest point, and the council should say so.

    Property taxes rose by four percent last year, and the council expects them to rise by nine percent this year without any change in the rate.

    The finance director warned in January that the estimate was optimistic, and the auditors repeated the warning in their report to the council.

    A budget that balances only on paper leaves the town exposed to the first bad year, and the council has not said what it would cut.
    """

extension Sandbox {
    /// Opens the folder as `brief DIR` does, with `analyse` as the fill's work, and runs the loop over `script`.
    func runLibrary(width: Int = 80, height: Int = 24, analyse: (@Sendable (String) -> LibraryDetails)? = nil,
                    _ script: [FakeTerminal.Step]) -> (terminal: FakeTerminal, state: AppState) {
        let events = EventQueue()
        let reading = reading()
        guard case .success(let paths) = ArticleFiles.expand(directory + "/articles") else {
            Issue.record("no articles")
            return (FakeTerminal(script), AppState(width: 0, height: 0))
        }
        let library = LibraryState(entries: LibraryListing.entries(paths, reading: reading), thisYear: 2026)
        let notes = self.notes
        let fill = LibraryFill(entries: library.visible.map { library.entries[$0] }, events: events, threads: 1,
                               analyse: { analyse ?? { details($0, notes) } })
        let terminal = FakeTerminal(width: width, height: height, script)
        let runtime = ReaderRuntime(state: AppState(library: library, width: width, height: height), terminal: terminal,
                                    notes: notes, reading: reading, editor: ExternalEditor(environment: environment),
                                    timing: nil, events: events, libraryFill: fill)
        _ = runtime.run()
        #expect(!terminal.overran, "the script ran out before Brief quit")
        return (terminal, runtime.state)
    }
}

/// The fill's work for one article, as `brief DIR` does it.
func details(_ path: String, _ notes: NoteStore) -> LibraryDetails {
    LibraryFill.details(path: path, analyzer: ClaimAnalyzer(explains: false), notes: notes, web: nil)
}

@Suite("The library's background fill")
struct LibraryFillTests {
    static func folder() -> Sandbox {
        let sandbox = Sandbox()
        _ = mkdir(sandbox.directory + "/articles", 0o755)
        sandbox.write("articles/ports.md", portsText)
        sandbox.write("articles/budget.txt", budgetText)
        sandbox.write("articles/zz-notes_on-chips.md", "Some text without a heading, about fabs and subsidies.\n")
        return sandbox
    }

    @Test("The first frame shows the rows while the fill is held back; they fill in once it is let go")
    func firstFrameBeforeFill() {
        let sandbox = Self.folder()  // at 120 columns, where the date column has room
        let gate = DispatchSemaphore(value: 0)
        let notes = sandbox.notes
        let (terminal, state) = sandbox.runLibrary(width: 120, analyse: { path in
            gate.wait()  // held until the test has seen the rows
            return details(path, notes)
        }, [
            .waitFor("analysing 0/3…"),
            .perform { for _ in 0..<3 { gate.signal() } },
            .waitUntil("every row filled", seconds: 20) { !$0.text.contains("analysing") },
            .key(.char("q")),
        ])
        let first = terminal.screens[0].text
        // Titles from the first lines, sizes, no counts yet.
        #expect(first.contains("Harwick’s Budget Balances on Paper"))
        #expect(first.contains("Ports Reopen as the Strait Calms"))
        #expect(first.contains("Zz Notes On Chips"))
        #expect(!first.contains("key point"))
        #expect(first.contains("analysing 0/3…"))
        let last = terminal.lastScreen.text
        #expect(last.contains("Harwick’s Budget") && last.contains("key point"))
        #expect(state.library?.isFilling == false)
        // The dateline gives the budget its own date.
        #expect(state.library?.entries.first { $0.path.hasSuffix("budget.txt") }?.date == CalendarDay(year: 2026, month: 3, day: 4))
        #expect(last.contains("Mar 4"))
    }

    @Test("An article opens while the fill is held back; the fill goes on afterwards")
    func openWhileFilling() {
        let sandbox = Self.folder()
        let gate = DispatchSemaphore(value: 0)
        let notes = sandbox.notes
        let (terminal, state) = sandbox.runLibrary(height: 10, analyse: { path in
            gate.wait()
            return details(path, notes)
        }, [
            .waitFor("analysing 0/3…"),
            .key(.enter),  // the budget, first by title
            .waitFor("The council's budget"),
            .perform { for _ in 0..<3 { gate.signal() } },
            .key(.char("q")),
            .waitUntil("every row filled", seconds: 20) { !$0.text.contains("analysing") },
            .key(.char("q")),
        ])
        #expect(terminal.screens.contains { $0.text.contains("The council's budget") })
        #expect(state.library?.isFilling == false)
        #expect(sandbox.reading()?.record(for: sandbox.directory + "/articles/budget.txt")?.read == true)
    }

    @Test("J from the reader opens the next article and keeps the place in the first; U keeps a row unread")
    func nextArticleAndUnread() {
        let sandbox = Self.folder()
        let budget = sandbox.directory + "/articles/budget.txt"
        let ports = sandbox.directory + "/articles/ports.md"
        _ = sandbox.runLibrary(height: 8, [
            .waitUntil("every row filled", seconds: 20) { !$0.text.contains("analysing") },
            .key(.enter), .waitFor("The council's budget"), .key(.char("}")), .key(.char(" ")), .key(.char("J")),
            .waitFor("Traffic through the strait"),
            .key(.char("q")),
            .key(.char("U")),  // on ports, selected by J
            .waitFor("marked unread"),
            .key(.char("q")),
        ])
        let reading = sandbox.reading()
        #expect(reading?.record(for: budget)?.read == true)
        #expect((reading?.record(for: budget)).map { $0.block >= 0 } == true, "the place in the budget was kept")
        #expect(reading?.record(for: ports)?.read == false, "U on the row is kept")
    }

    @Test("A large article is filled last and capped: title and date from its beginning, words counted raw, key points when opened")
    func largeArticle() {
        let sandbox = Sandbox()
        let paragraph = "The council met again on Tuesday to argue over the budget, and nobody left happy. "
        var text = "# A Very Long Budget Debate\n\n"
        while text.utf8.count < LargeArticle.backgroundSize + 1000 { text += paragraph + "\n\n" }
        let path = sandbox.write("long.md", text)
        let details = details(path, sandbox.notes)
        #expect(details.title == "A Very Long Budget Debate")
        #expect(details.wordsEstimated && details.keyPoints == nil)
        #expect(details.words == text.split(whereSeparator: { $0 == " " || $0 == "\n" }).count)
        // Filled after the small ones whatever the order shown.
        let small = sandbox.write("small.md", "# Small\n\nA short one.\n")
        let events = EventQueue()
        let order = Mutex<[String]>([])
        let entries = LibraryListing.entries([path, small], reading: nil)
        let fill = LibraryFill(entries: entries, events: events, threads: 1) {
            { path in
                order.withLock { $0.append(path) }
                return LibraryDetails(path: path, problem: "not read in this test")
            }
        }
        fill.start()
        let deadline = TimingLog.now() + 10_000_000
        while !fill.isFinished && TimingLog.now() < deadline { usleep(1000) }
        #expect(order.withLock { $0 } == [small, path])
    }

    @Test("Provisional titles: a Markdown heading, a setext heading, a plain first line, a page's <title>, else the file name")
    func provisionalTitles() {
        func title(_ text: String, _ name: String) -> String? {
            LibraryListing.provisionalTitle(head: Array(text.utf8), fileName: name)
        }
        #expect(title("\n# The *Big* Story #\n\nText", "a.md") == "The Big Story")
        #expect(title("Front\n=====\n", "a.md") == "Front")
        #expect(title("Intro text first.\n\n## Later heading\n", "a.md") == "Later heading")
        #expect(title("Harwick’s Budget\n\nBody", "a.txt") == "Harwick’s Budget")
        #expect(title("<html><head><title>Fed &amp; Rates</title></head>", "a.html") == "Fed & Rates")
        #expect(title("just text, no heading\n", "a.md") == nil)
        #expect(LibraryListing.titleFromName("/x/zz-notes_on-chips.md") == "Zz Notes On Chips")
    }
}
