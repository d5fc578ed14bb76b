import Testing
import BriefCore
@testable import BriefUI

/// Issue 16: jumps that follow the view, less's keys, search that returns, the status line.
@Suite("Reading keys: jumps from the view, counts, going back")
struct ReadingKeysTests {
    func status(_ state: AppState) -> String { AppView.render(state).rows().last ?? "" }
    func top(_ state: AppState) -> Position { state.reader!.top }

    /// A document with no key points, for what does not need them.
    static func plain(_ text: String, width: Int = 40, height: Int = 12) -> AppState {
        let article = ArticleParser.parse(text, fileName: "plain.md")
        let document = ReaderDocument(path: "/articles/plain.md", article: article,
                                      analysis: ArticleAnalysis(claims: [], evidence: [:]))
        return AppState(document: document, width: width, height: height)
    }

    @Test("] G ]: after G the status no longer names key point 1, and ] does not jump back up")
    func jumpsFollowTheView() {
        var state = AppState(document: Fixtures.ports(), width: 40, height: 12)
        Fixtures.press(Fixtures.keys("]"), on: &state)
        #expect(status(state).contains("key point 1/4"))
        Fixtures.press(Fixtures.keys("G"), on: &state)
        let end = top(state)
        #expect(state.reader?.keyPoint == nil)
        #expect(!status(state).contains("key point 1/4"))
        Fixtures.press(Fixtures.keys("]"), on: &state)
        #expect(top(state) == end, "] found nothing below the view: the view stays")
        #expect(status(state).contains("no key point below"))
    }

    @Test("g [: nothing above the top, the view stays and says so")
    func previousAtTop() {
        var state = AppState(document: Fixtures.ports(), width: 40, height: 12)
        Fixtures.press(Fixtures.keys("}g["), on: &state)
        #expect(top(state) == Position(item: 0, offset: 0))
        #expect(status(state).contains("no key point above"))
    }

    @Test("After Space the next ] is the first key point below the new top, not the one after the old selection")
    func nextFromNewTop() {
        var state = AppState(document: Fixtures.ports(), width: 40, height: 12)
        Fixtures.press(Fixtures.keys("]"), on: &state)  // key point 1, a summary bullet at the top
        Fixtures.press(Fixtures.keys("  "), on: &state)
        #expect(state.reader?.keyPoint == nil)
        let points = state.reader!.document.keyPoints
        let layout = state.reader!.layout
        let expected = points.firstIndex { layout.lineStart($0.position) >= layout.lineStart(top(state)) }
        Fixtures.press(Fixtures.keys("]"), on: &state)
        #expect(state.reader?.keyPoint == expected)
    }

    @Test("The status line counts the key point on screen even when none is selected")
    func statusFollowsView() {
        var state = AppState(document: Fixtures.ports(), width: 40, height: 12)
        Fixtures.press(Fixtures.keys("}"), on: &state)  // "What comes next": key point 4 in view
        #expect(state.reader?.keyPoint == nil)
        #expect(status(state).contains("key point 4/4"), "\(status(state))")
        #expect(!status(state).contains("claim"), "a role is named only for the selected key point")
    }

    @Test("Counts: 5j is five lines, 2] the second key point, 3} past the last section says so")
    func counts() {
        var state = AppState(document: Fixtures.ports(), width: 40, height: 12)
        let five = state.reader!.layout.move(top(state), by: 5)
        Fixtures.press(Fixtures.keys("5j"), on: &state)
        #expect(top(state) == five)
        Fixtures.press(Fixtures.keys("g2]"), on: &state)
        #expect(state.reader?.keyPoint == 1)
        #expect(state.pendingCount == nil)
    }

    @Test("50% goes half way; 0% and 100% to the ends")
    func percent() {
        var state = AppState(document: Fixtures.ports(), width: 40, height: 12)
        Fixtures.press(Fixtures.keys("50%"), on: &state)
        let fraction = state.reader!.document.fraction(at: top(state))
        #expect(fraction > 0.35 && fraction <= 0.5, "\(fraction)")
        Fixtures.press(Fixtures.keys("100%"), on: &state)
        #expect(status(state).hasSuffix("100%"))
    }

    @Test("'' and Backspace go back to where the last jump started, and back again")
    func jumpBack() {
        var state = AppState(document: Fixtures.ports(), width: 40, height: 12)
        Fixtures.press(Fixtures.keys("G"), on: &state)
        let end = top(state)
        Fixtures.press(Fixtures.keys("''"), on: &state)
        #expect(top(state) == Position(item: 0, offset: 0))
        Fixtures.press([.backspace], on: &state)
        #expect(top(state) == end)
        Fixtures.press(Fixtures.keys("g}"), on: &state)
        let section = top(state)
        Fixtures.press(Fixtures.keys("''"), on: &state)
        #expect(top(state) == Position(item: 0, offset: 0))
        Fixtures.press(Fixtures.keys("''"), on: &state)
        #expect(top(state) == section)
    }

    @Test("d and ^D move half a page, ^U back; ^F and ^B a page")
    func halfPages() {
        var state = AppState(document: Fixtures.ports(), width: 40, height: 12)
        let layout = state.reader!.layout
        Fixtures.press([.char("d")], on: &state)
        #expect(top(state) == layout.move(Position(item: 0, offset: 0), by: 5))
        Fixtures.press([.control("u")], on: &state)
        #expect(top(state) == Position(item: 0, offset: 0))
        Fixtures.press([.control("d"), .control("f")], on: &state)
        #expect(top(state) == layout.move(Position(item: 0, offset: 0), by: 15))
        Fixtures.press([.control("b")], on: &state)
        #expect(top(state) == layout.move(Position(item: 0, offset: 0), by: 5))
    }

    @Test("Esc in the search prompt returns to where the search started")
    func escapeReturns() {
        var state = AppState(document: Fixtures.ports(), width: 40, height: 12)
        Fixtures.press(Fixtures.keys("/berths"), on: &state)
        #expect(top(state) != Position(item: 0, offset: 0), "the match is further down")
        Fixtures.press([.escape], on: &state)
        #expect(top(state) == Position(item: 0, offset: 0))
        #expect(state.reader?.search == nil)
        // After Enter, Esc clears the search and, the view not moved since, goes back too.
        Fixtures.press(Fixtures.keys("/berths") + [.enter, .escape], on: &state)
        #expect(top(state) == Position(item: 0, offset: 0))
        #expect(state.reader?.search == nil)
    }

    @Test("n from the last match says the search wrapped; N from the first too")
    func searchWraps() {
        var state = AppState(document: Fixtures.ports(), width: 80, height: 24)
        Fixtures.press(Fixtures.keys("/strait") + [.enter], on: &state)
        let count = state.reader!.search!.matches.count
        #expect(count >= 2)
        Fixtures.press(Array(repeating: Key.char("n"), count: count - 1), on: &state)
        #expect(!status(state).contains("wrapped"))
        Fixtures.press(Fixtures.keys("n"), on: &state)
        #expect(status(state).contains("search wrapped to the first match"))
        #expect(state.reader?.search?.current == 0)
        Fixtures.press(Fixtures.keys("N"), on: &state)
        #expect(status(state).contains("search wrapped to the last match"))
    }

    @Test("'no match' is said once, not left in the status line")
    func noMatchDoesNotLinger() {
        var state = AppState(document: Fixtures.ports(), width: 80, height: 24)
        Fixtures.press(Fixtures.keys("/zebra") + [.enter], on: &state)
        #expect(status(state).contains("no match for “zebra”"))
        Fixtures.press(Fixtures.keys("j"), on: &state)
        #expect(!status(state).contains("no match"))
    }

    @Test("At 40 columns the search prompt stays visible beside a long status")
    func promptAtFortyColumns() {
        var state = AppState(document: Fixtures.ports(), width: 40, height: 12)
        Fixtures.press(Fixtures.keys("]/reg"), on: &state)
        #expect(status(state).hasPrefix(" /reg▏"), "\(status(state))")
    }

    @Test("An export path too long for the status line is cut at its front, keeping the file name")
    func exportPathCutAtFront() {
        var state = AppState(document: Fixtures.ports(), width: 40, height: 12)
        _ = state.apply(.notesExported(file: "/home/reader/.local/share/brief/exports/ports-reopen-as-the-strait-calms-notes.txt"))
        let line = status(state)
        #expect(line.hasPrefix(" notes exported to …"), "\(line)")
        #expect(line.hasSuffix("calms-notes.txt"), "\(line)")
    }

    @Test("At 100% the last paragraph is the outline's current entry")
    func lastEntryAtEnd() {
        var state = AppState(document: Fixtures.ports(), width: 100, height: 30)
        Fixtures.press(Fixtures.keys("G"), on: &state)
        let reader = state.reader!
        let tracked = reader.trackedEntry(height: state.geometry.textHeight)
        #expect(tracked == reader.visibleEntries.count - 1)
        let entry = reader.document.outlineEntries[reader.visibleEntries[tracked!]]
        #expect(entry.text.hasPrefix("Ports that invested"))
    }

    @Test("A quote with blank > lines is one quote: its bar goes on between the paragraphs")
    func quoteWithBlankLines() {
        let state = Self.plain("# Q\n\n> First paragraph.\n>\n> Second paragraph.\n\nAfter.\n")
        let rows = AppView.render(state).rows()
        let first = rows.firstIndex { $0.contains("First paragraph") }!
        #expect(rows[first + 1].trimmingSpaces == "│")
        #expect(rows[first + 2].contains("│ Second paragraph."))
        #expect(!rows[first + 3].contains("│"))
    }

    @Test("Headings: levels 3 to 6 are drawn differently")
    func headingLevels() {
        let state = Self.plain("# T\n\n### Three\n\n#### Four\n\n##### Five\n\n###### Six\n\nText.\n", width: 60, height: 20)
        let screen = AppView.render(state)
        let rows = screen.rows()
        var styles: [Style] = []
        for word in ["Three", "Four", "Five", "Six"] {
            let row = rows.firstIndex { $0.contains(word) }!
            let column = (0..<screen.width).first { screen[row, $0].text == String(word.first!) }!
            styles.append(screen[row, column].style)
        }
        #expect(Set(styles.map { "\($0)" }).count == 4, "\(styles)")
    }
}

extension String {
    var trimmingSpaces: String { String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()) }
}

@Suite("Narrow windows and the help legend")
struct NarrowAndLegendTests {
    @Test("At 40 columns the notes list keeps its key hints, shortened")
    func notesHintsAtForty() {
        var state = AppState(document: Fixtures.ports(), width: 40, height: 12)
        Fixtures.press(Fixtures.keys("L"), on: &state)
        let rows = AppView.render(state).rows()
        #expect(rows[10].contains("jump") && rows[10].contains("Esc"), "\(rows[10])")
    }

    @Test("The help ends with a legend of every mark the screens use")
    func legend() {
        let lines = CommandTable.helpLines(first: .reader).map(\.text)
        let start = lines.firstIndex(of: "Marks")!
        let legend = lines[start...].joined(separator: "\n")
        for mark in ["┃", "┣", "▶", "★", "✎", "▌", "●", "¶", "§", "▾", "▸", "[3]", "‹ ›"] {
            #expect(legend.contains(mark), "\(mark)")
        }
    }
}

@Suite("Help in a narrow window")
struct NarrowHelpTests {
    @Test("At 40 columns each description has a line of its own under its keys, whole")
    func stacked() {
        var state = AppState(document: Fixtures.ports(), width: 40, height: 12)
        Fixtures.press(Fixtures.keys("?"), on: &state)
        let rows = AppView.render(state).rows()
        let keys = rows.firstIndex { $0.contains("│   j ↓ ^N") }
        #expect(keys != nil, "\(rows)")
        if let keys { #expect(rows[keys + 1].contains("line down (5j: five lines)"), "\(rows)") }
        // Scrolling reaches the legend at the end.
        Fixtures.press(Array(repeating: .pageDown, count: 80), on: &state)
        let end = AppView.render(state).rows()
        #expect(end.contains { $0.contains("text: more of a table") }, "\(end)")
        #expect(!end.dropLast().contains { $0.contains("…") }, "legend lines wrap, not cut: \(end)")
    }
}
