import Testing
import BriefCore
import BriefStore
@testable import BriefUI
#if canImport(Glibc)
import Glibc
#endif

@Suite("Reader and library behaviour")
struct BehaviourTests {
    func statusLine(_ state: AppState) -> String { AppView.render(state).rows().last ?? "" }

    @Test("Key points are the summary bullets then the claims, in reading order")
    func keyPointOrder() {
        let document = Fixtures.ports()
        #expect(document.keyPoints.map(\.kind) == [.summaryBullet, .summaryBullet, .claim, .claim])
        #expect(document.keyPoints.map(\.position) == document.keyPoints.map(\.position).sorted())
    }

    @Test("] ] ] then [ goes back to key point 2; past the ends a message")
    func keyPointJumps() {
        var state = AppState(document: Fixtures.ports(), width: 80, height: 24)
        Fixtures.press(Fixtures.keys("]]]"), on: &state)
        #expect(statusLine(state).contains("key point 3/4"))
        Fixtures.press(Fixtures.keys("["), on: &state)
        #expect(statusLine(state).contains("key point 2/4"))
        Fixtures.press(Fixtures.keys("[["), on: &state)
        #expect(statusLine(state).contains("first key point"))
        Fixtures.press(Fixtures.keys("]]]]]"), on: &state)
        #expect(statusLine(state).contains("last key point"))
        #expect(state.reader?.keyPoint == 3)
    }

    @Test("A key point jump puts its line at the top when the end allows")
    func keyPointAtTop() {
        var state = AppState(document: Fixtures.ports(), width: 40, height: 12)
        Fixtures.press(Fixtures.keys("]]]"), on: &state)
        #expect(AppView.render(state).rows()[0] == "▶ week of closures. The reopening")
    }

    @Test("Search counts every case-insensitive match; n and N cycle; Esc clears")
    func searchCounts() {
        var state = AppState(document: Fixtures.ports(), width: 80, height: 24)
        Fixtures.press(Fixtures.keys("/THE"), on: &state)
        let expected = state.reader!.document.items.reduce(0) { total, item in
            total + TextSearch.matches(of: Array("the".utf8), in: item.text, limit: 1000).count
        }
        #expect(expected == 14)
        #expect(state.reader?.search?.matches.count == expected)
        #expect(statusLine(state).contains("match 1/\(expected)"))
        Fixtures.press([.enter] + Fixtures.keys("nn"), on: &state)
        #expect(statusLine(state).contains("match 3/\(expected)"))
        Fixtures.press(Fixtures.keys("NNN"), on: &state)
        #expect(statusLine(state).contains("match \(expected)/\(expected)"))
        Fixtures.press(Fixtures.keys("/"), on: &state)
        Fixtures.press([.escape], on: &state)
        #expect(state.reader?.search == nil)
        #expect(!statusLine(state).contains("match"))
    }

    @Test("A search with no match says so")
    func searchWithoutMatch() {
        var state = AppState(document: Fixtures.ports(), width: 80, height: 24)
        Fixtures.press(Fixtures.keys("/zebra") + [.enter], on: &state)
        #expect(statusLine(state).contains("no match for “zebra”"))
    }

    @Test("o toggles the outline pane; it is hidden by default below 80 columns")
    func outlineToggle() {
        var wide = AppState(document: Fixtures.ports(), width: 80, height: 24)
        #expect(wide.geometry.outlineShown)
        Fixtures.press(Fixtures.keys("o"), on: &wide)
        #expect(!wide.geometry.outlineShown)
        #expect(AppView.render(wide).rows()[0] == "  Ports Reopen as the Strait Calms")
        Fixtures.press(Fixtures.keys("o"), on: &wide)
        #expect(AppView.render(wide).rows()[0].hasPrefix("• Shipping through the …│"))
        let narrow = AppState(document: Fixtures.ports(), width: 79, height: 24)
        #expect(!narrow.geometry.outlineShown)
    }

    @Test("Tab focuses the outline; Enter jumps the text; h folds and l unfolds")
    func outlineNavigation() {
        var state = AppState(document: Fixtures.ports(), width: 60, height: 12)
        Fixtures.press([.tab], on: &state)
        #expect(state.reader?.focus == .outline)
        // Entries: bullet, bullet, paragraph, claim, section "What comes next", …
        Fixtures.press(Fixtures.keys("jjjj"), on: &state)
        let entries = state.reader!.document.outlineEntries
        let selected = entries[state.reader!.visibleEntries[state.reader!.selectedEntry]]
        #expect(selected.kind == .section && selected.text == "What comes next")
        let before = state.reader!.visibleEntries.count
        Fixtures.press(Fixtures.keys("h"), on: &state)
        #expect(state.reader!.visibleEntries.count == before - 4)
        #expect(AppView.render(state).rows()[4].hasPrefix("▸ What comes next"))
        Fixtures.press([.right], on: &state)
        #expect(state.reader!.visibleEntries.count == before)
        Fixtures.press([.enter], on: &state)
        #expect(state.reader!.top == Position(item: selected.position.item, offset: 0))
        Fixtures.press(Fixtures.keys("?"), on: &state)
        #expect(state.helpScroll == 0)
        #expect(AppView.render(state).rows().contains { $0.contains("Outline pane") })
        Fixtures.press([.escape, .tab], on: &state)
        #expect(state.reader?.focus == .text)
    }

    @Test("} and { move between sections")
    func sectionJumps() {
        var state = AppState(document: Fixtures.ports(), width: 40, height: 12)
        Fixtures.press(Fixtures.keys("}"), on: &state)
        #expect(AppView.render(state).rows()[0] == "  What comes next")
        #expect(statusLine(state) == " Ports … › What co… key point 4/4 · 42%")
        // The last section is too near the end to come to the top: the view stops at the end.
        Fixtures.press(Fixtures.keys("}"), on: &state)
        #expect(state.reader!.top == state.reader!.layout.lastTop(height: 11))
        #expect(AppView.render(state).rows()[10] == "  advantage over their rivals.")
        Fixtures.press(Fixtures.keys("{"), on: &state)
        #expect(AppView.render(state).rows()[0] == "  What comes next")
        Fixtures.press(Fixtures.keys("{"), on: &state)
        #expect(AppView.render(state).rows()[0] == "  Ports Reopen as the Strait Calms")
    }

    @Test("Enter on a summary bullet jumps to its evidence")
    func evidenceJump() {
        var state = AppState(document: Fixtures.ports(), width: 40, height: 12)
        Fixtures.press(Fixtures.keys("]") + [.enter], on: &state)
        #expect(AppView.render(state).rows()[0] == "  Traffic through the strait returned")
        #expect(statusLine(state).contains("evidence: line 6"))
    }

    @Test("The help lists every binding of the command table")
    func helpFromTable() {
        let lines = CommandTable.helpLines().map(\.text)
        for binding in CommandTable.bindings {
            #expect(lines.contains { $0.contains(binding.keyLabel) && $0.hasSuffix(binding.help) }, "\(binding.help)")
        }
        for context in CommandContext.allCases {
            #expect(CommandTable.helpLines().contains { $0.isHeading && $0.text == context.rawValue })
        }
        var state = AppState(document: Fixtures.ports(), width: 80, height: 24)
        Fixtures.press(Fixtures.keys("?"), on: &state)
        #expect(state.helpScroll == 0)
        Fixtures.press(Fixtures.keys("x"), on: &state)
        #expect(state.helpScroll == nil)
    }

    @Test("Every key is bound at most once per context")
    func noDuplicateBindings() {
        for context in CommandContext.allCases {
            let keys = CommandTable.bindings.filter { $0.context == context }.flatMap(\.keys)
            #expect(Set(keys).count == keys.count, "\(context)")
        }
    }

    @Test("q on an article opened alone saves the position and quits")
    func quitAlone() {
        var state = AppState(document: Fixtures.ports(), width: 40, height: 12)
        Fixtures.press(Fixtures.keys("jjj"), on: &state)
        let effects = Fixtures.press(Fixtures.keys("q"), on: &state)
        #expect(effects == [.saveReading(path: "/articles/ports.md", block: 0, offset: 36), .quit])
    }

    @Test("Library: Enter asks to open; q in the reader comes back; the article is read")
    func libraryOpenAndBack() {
        var state = AppState(library: Fixtures.library(), width: 80, height: 24)
        let effects = Fixtures.press(Fixtures.keys("j") + [.enter], on: &state)
        #expect(effects == [.open(path: "/a/ports.md")])
        var document = Fixtures.ports()
        document = ReaderDocument(path: "/a/ports.md", article: document.article,
                                  analysis: ArticleAnalysis(claims: [], evidence: [:]))
        state.open(document)
        #expect(state.reader != nil)
        let back = Fixtures.press(Fixtures.keys("q"), on: &state)
        #expect(back == [.saveReading(path: "/a/ports.md", block: -1, offset: 0)])
        #expect(state.reader == nil)
        #expect(AppView.render(state).rows()[2] == "   Ports Reopen as the Strait Calms                        1 min · 2 key points")
        #expect(Fixtures.press(Fixtures.keys("q"), on: &state) == [.quit])
    }

    @Test("s cycles the library sort: title, date (newest first), unread first")
    func librarySort() {
        var state = AppState(library: Fixtures.library(), width: 80, height: 24)
        func titles() -> [String] { state.library!.visible.map { state.library!.entries[$0].title } }
        #expect(titles().first == "Harwick’s Budget Balances on Paper")
        Fixtures.press(Fixtures.keys("s"), on: &state)
        #expect(titles().first == "The Fab and the State: What the Chip Subsidy Race Gets Wrong")
        #expect(statusLine(state).contains("sorted by date"))
        Fixtures.press(Fixtures.keys("s"), on: &state)
        #expect(titles().last == "Harwick’s Budget Balances on Paper")
        Fixtures.press(Fixtures.keys("s"), on: &state)
        #expect(state.library?.sort == .title)
    }

    @Test("Library filter: Esc clears it")
    func libraryFilterClears() {
        var state = AppState(library: Fixtures.library(), width: 80, height: 24)
        Fixtures.press(Fixtures.keys("/budget"), on: &state)
        #expect(state.library?.visible.count == 1)
        Fixtures.press([.escape], on: &state)
        #expect(state.library?.visible.count == 4)
        #expect(state.prompt == nil)
    }

    @Test("Mouse: a click selects a library row, a second click opens it; the wheel scrolls")
    func mouse() {
        var state = AppState(library: Fixtures.library(), width: 80, height: 24)
        #expect(state.apply(.mouse(MouseEvent(.press, row: 3, column: 10))) == [])
        #expect(state.library?.selected == 2)
        #expect(state.apply(.mouse(MouseEvent(.press, row: 3, column: 10))) == [.open(path: "/a/chips.md")])

        var reader = AppState(document: Fixtures.ports(), width: 40, height: 12)
        _ = reader.apply(.mouse(MouseEvent(.wheelDown, row: 5, column: 10)))
        #expect(AppView.render(reader).rows()[0] == "    on Monday.")
        var wide = AppState(document: Fixtures.ports(), width: 80, height: 12)
        _ = wide.apply(.mouse(MouseEvent(.press, row: 4, column: 3)))  // "▾ What comes next"
        #expect(AppView.render(wide).rows()[0].hasSuffix("│  What comes next"))
    }

    @Test("Resize reflows and keeps the same text at the top")
    func resizeKeepsTop() {
        var state = AppState(document: Fixtures.ports(), width: 40, height: 12)
        Fixtures.press(Fixtures.keys("jjjjjjjjj"), on: &state)
        let top = state.reader!.top
        let firstWords = AppView.render(state).rows()[0]
        state.resize(width: 30, height: 10)
        #expect(state.reader!.top == top)
        state.resize(width: 40, height: 12)
        #expect(AppView.render(state).rows()[0] == firstWords)
        state.resize(width: 10, height: 3)
        #expect(AppView.render(state).rows().joined().contains("small"))
    }

    @Test("A huge article lays out only what is shown, however far one jumps")
    func lazyLayout() {
        var blocks: [Block] = []
        for i in 0..<200_000 {
            blocks.append(Block(kind: i % 500 == 0 ? .heading : .paragraph,
                                text: "Paragraph \(i) says something about the sea and the ships that cross it.",
                                line: i + 2, level: 2))
        }
        let article = Article(title: "Huge", titleLine: 1, reading: .markdown, blocks: blocks)
        let document = ReaderDocument(path: "/huge.md", article: article, analysis: ArticleAnalysis(claims: [], evidence: [:]))
        var state = AppState(document: document, width: 100, height: 30)
        _ = AppView.render(state)
        Fixtures.press([.end, .pageUp, .char("}"), .char("{")], on: &state)
        _ = AppView.render(state)
        Fixtures.press(Fixtures.keys("/ships") + [.enter] + Fixtures.keys("N"), on: &state)
        _ = AppView.render(state)
        #expect(state.reader!.layout.cachedItemCount < 200)
        #expect(AppView.render(state).rows().last!.contains("match 10000/10000+"))
    }

    @Test("Searching a huge article scans in slices between keys; the match is shown when found")
    func slicedSearch() {
        var blocks = (0..<60_000).map {
            Block(kind: .paragraph, text: "Paragraph \($0) says something about the sea and the ships that cross it.", line: $0 + 2)
        }
        blocks.append(Block(kind: .paragraph, text: "At the very end a zebra.", line: 60_002))
        let article = Article(title: "Huge", titleLine: 1, reading: .markdown, blocks: blocks)
        let document = ReaderDocument(path: "/huge.md", article: article, analysis: ArticleAnalysis(claims: [], evidence: [:]))
        #expect(document.searchTextSize > 2 * SearchState.slice)
        var state = AppState(document: document, width: 60, height: 10)
        Fixtures.press(Fixtures.keys("/z"), on: &state)  // no "z" before the end
        let pending = state.hasPendingWork
        #expect(pending)
        #expect(AppView.render(state).rows().last!.contains("searching…"))
        var slices = 0
        while state.hasPendingWork { state.continueWork(); slices += 1 }
        #expect(slices >= 2)
        #expect(AppView.render(state).rows().last!.contains("match 1/1"))
        #expect(AppView.render(state).rows().contains("  At the very end a zebra."))
    }

    @Test("Drawing never splits a wide character and blanks a half-overwritten one")
    func wideCells() {
        var screen = Screen(width: 5, height: 1)
        #expect(screen.put("日本語", row: 0, column: 0) == 4)
        #expect(screen.rows() == ["日本"])
        screen.put("x", row: 0, column: 1)
        #expect(screen.rows() == [" x本"])
        #expect(screen[0, 3].isContinuation)
    }
}

@Suite("Reading state")
struct ReadingStateTests {
    @Test("Positions and read flags survive a save and a load")
    func roundTrip() throws {
        var template = Array("/tmp/brief-state-XXXXXX".utf8CString)
        let directory = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
        defer { _ = system("rm -rf '\(directory)'") }
        var store = ReadingStateStore(directory: directory + "/brief")
        store.update("/articles/a.md", ReadingRecord(block: 12, offset: 340, read: true))
        store.update("/articles/tab\tname.md", ReadingRecord(block: 1, offset: 0, read: true))
        try store.save()
        let loaded = ReadingStateStore(directory: directory + "/brief")
        #expect(loaded.record(for: "/articles/a.md") == ReadingRecord(block: 12, offset: 340, read: true))
        #expect(loaded.records.count == 1)
        #expect(ReadingStateStore.defaultDirectory(environment: ["XDG_STATE_HOME": "/x/state", "HOME": "/h"]) == "/x/state/brief")
        #expect(ReadingStateStore.defaultDirectory(environment: ["HOME": "/h"]) == "/h/.local/state/brief")
    }
}

@Suite("Search folds case beyond ASCII")
struct UnicodeSearchTests {
    @Test("É finds é and the other way round; byte offsets stay the text's")
    func accents() {
        #expect(TextSearch.folded("ÉLYSÉE Straße ΑΘΗΝΑ Москва") == Array("élysée straße αθηνα москва".utf8))
        #expect(TextSearch.matches(of: TextSearch.folded("élysée"), in: "Visit the Élysée. ÉLYSÉE!", limit: 10)
                == [10..<18, 20..<28])
        // "İ" lowercases to two scalars: left as it is rather than shifting offsets.
        #expect(TextSearch.folded("İx") == Array("İx".utf8))
    }
}

@Suite("Unreadable library entries")
struct UnreadableEntryTests {
    @Test("An unreadable file is listed with its reason; Enter explains instead of opening")
    func listedWithNotice() {
        var library = Fixtures.library()
        library = LibraryState(entries: library.entries + [LibraryEntry(path: "/a/pipe.md", problem: "not a regular file")])
        var state = AppState(library: library, width: 80, height: 24)
        let rows = AppView.render(state).rows()
        #expect(rows.contains { $0.contains("pipe.md") && $0.contains("⚠ not a regular file") })
        // Title sort puts "pipe.md" after the Latin titles: select it and press Enter.
        let index = library.visible.firstIndex { library.entries[$0].path == "/a/pipe.md" }!
        let effects = Fixtures.press(Array(repeating: .char("j"), count: index) + [.enter], on: &state)
        #expect(effects.isEmpty)
        #expect(state.message == "cannot open pipe.md: not a regular file")
    }
}
