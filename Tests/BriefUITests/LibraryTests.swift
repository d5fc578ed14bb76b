import Testing
import BriefCore
@testable import BriefUI

/// The library listed before its articles are analysed, then filled in; its footer, filter
/// counter and date column; moving between articles from the reader and the unread mark.
@Suite("Library: partial rows, footer, dates, between articles")
struct LibraryTests {
    static let day = CalendarDay(year: 2026, month: 12, day: 3)!

    /// Three rows known only from their files (titles from their first heading line).
    static func partial() -> LibraryState {
        LibraryState(entries: [
            LibraryEntry(path: "/a/ports.md", provisionalTitle: "Ports Reopen", size: 2100, modified: 300, date: day, read: false),
            LibraryEntry(path: "/a/budget.txt", provisionalTitle: "Budget", size: 5300, modified: 100, date: day, read: true),
            LibraryEntry(path: "/a/chips.md", provisionalTitle: "Chips", size: 38_000, modified: 400, date: day, read: false),
        ], thisYear: 2026)
    }

    static func details(_ path: String, _ title: String, words: Int, keyPoints: Int, text: String,
                        date: CalendarDay? = nil) -> LibraryDetails {
        LibraryDetails(path: path, title: title, words: words, keyPoints: keyPoints, kind: .news, notes: 0, date: date,
                       vocabulary: LibraryDetails.vocabulary([text]))
    }

    @Test("Before the fill: rows from the files (provisional titles, sizes, dates) and the progress in the footer")
    func rowsBeforeFill() {
        let s = AppState(library: Self.partial(), width: 60, height: 8)
        expectRows(s, [
            " Brief · 3 articles · sort: title",
            "   Budget                                       5 KB  Dec 3",
            " ● Chips                                       37 KB  Dec 3",
            " ● Ports Reopen                                 2 KB  Dec 3",
            "",
            "",
            "",
            " analysing 0/3… · Enter open · / filter · ? help        1/3",
        ])
    }

    @Test("Filled rows replace the provisional ones, sorted again; the selected article stays selected")
    func rowsAfterFill() {
        var s = AppState(library: Self.partial(), width: 60, height: 8)
        Fixtures.press([.char("j")], on: &s)  // Chips
        #expect(s.library?.selectedEntry?.path == "/a/chips.md")
        _ = s.apply(.libraryFilled([
            Self.details("/a/chips.md", "The Fab and the State", words: 5423, keyPoints: 27, text: "fabs subsidies"),
            Self.details("/a/ports.md", "Ports Reopen as the Strait Calms", words: 152, keyPoints: 2, text: "insurers"),
        ]))
        #expect(s.library?.selectedEntry?.path == "/a/chips.md")
        expectRows(s, [
            " Brief · 3 articles · sort: title",
            "   Budget                                       5 KB  Dec 3",
            " ● Ports Reopen as the Strait Calms       1 min · 2★  Dec 3",
            " ● The Fab and the State                24 min · 27★  Dec 3",
            "",
            "",
            "",
            " analysing 2/3… · Enter open · / filter · ? help        3/3",
        ])
        _ = s.apply(.libraryFilled([Self.details("/a/budget.txt", "Harwick’s Budget", words: 846, keyPoints: 4, text: "deficit")]))
        #expect(s.library?.selectedEntry?.path == "/a/chips.md")
        #expect(AppView.render(s).rows().last == " Enter open · / filter · s sort · ? help · q quit       3/3")
    }

    @Test("The filter matches the titles of rows not filled yet, their text once filled, and re-applies as rows fill")
    func filterWithPartialRows() {
        var s = AppState(library: Self.partial(), width: 60, height: 8)
        Fixtures.press(Fixtures.keys("/insurers") + [.enter], on: &s)
        #expect(s.library?.visible.isEmpty == true)
        _ = s.apply(.libraryFilled([Self.details("/a/ports.md", "Ports Reopen as the Strait Calms", words: 152,
                                                 keyPoints: 2, text: "Insurers are cautious")]))
        #expect(s.library?.visible.map { s.library!.entries[$0].path } == ["/a/ports.md"])
        // Every word of the filter, anywhere in the title or the text.
        Fixtures.press(Fixtures.keys("/"), on: &s)
        Fixtures.press([.backspace] + Fixtures.keys("strait cautious"), on: &s)
        #expect(s.library?.visible.count == 0)  // the prompt starts from the kept filter
        Fixtures.press([.escape] + Fixtures.keys("/cautious strait"), on: &s)
        #expect(s.library?.visible.map { s.library!.entries[$0].path } == ["/a/ports.md"])
        Fixtures.press([.escape] + Fixtures.keys("/chip"), on: &s)
        #expect(s.library?.visible.map { s.library!.entries[$0].path } == ["/a/chips.md"])
    }

    @Test("At 40 columns the footer keeps ? help and drops the other hints first")
    func footerAt40() {
        var s = AppState(library: Self.partial(), width: 40, height: 12)
        #expect(AppView.render(s).rows().last == " analysing 0/3… · ? help            1/3")
        _ = s.apply(.libraryFilled(Self.partial().entries.map {
            Self.details($0.path, $0.title, words: 100, keyPoints: 1, text: "")
        }))
        expectRows(s, [
            " Brief · 3 articles · sort: title",
            "   Budget                    1 min · 1★",
            " ● Chips                     1 min · 1★",
            " ● Ports Reopen              1 min · 1★",
            "", "", "", "", "", "", "",
            " Enter open · / filter · ? help     1/3",
        ])
    }

    @Test("The filter counter is the selected row of the matches, while typing and after Enter")
    func filterCounter() {
        var s = AppState(library: Fixtures.library(), width: 80, height: 24)
        Fixtures.press(Fixtures.keys("/s"), on: &s)
        let typing = AppView.render(s).rows().last!
        #expect(typing.hasSuffix(" 1/3"))
        Fixtures.press([.char("j")], on: &s)  // typed into the prompt, not a move
        Fixtures.press([.backspace, .enter, .char("j")], on: &s)
        #expect(AppView.render(s).rows().last!.hasSuffix(" 2/3"))
        #expect(AppView.render(s).rows()[0].contains("3 matches “s”"))
    }

    @Test("Dates: compact this year, in full for another; the column goes first at narrow widths")
    func dateColumn() {
        let entries = [
            LibraryEntry(path: "/a/one.md", title: "One", words: 300, keyPoints: 2, modified: 1,
                         date: CalendarDay(year: 2026, month: 12, day: 3), read: false, text: ""),
            LibraryEntry(path: "/a/two.md", title: "Two", words: 300, keyPoints: 2, modified: 2,
                         date: CalendarDay(year: 2025, month: 11, day: 4), read: false, text: ""),
        ]
        let wide = AppView.render(AppState(library: LibraryState(entries: entries, thisYear: 2026), width: 80, height: 6)).rows()
        #expect(wide[1] == " ● One                                         1 min · 2 key points       Dec 3")
        #expect(wide[2] == " ● Two                                         1 min · 2 key points  2025-11-04")
        let narrow = AppView.render(AppState(library: LibraryState(entries: entries, thisYear: 2026), width: 40, height: 6)).rows()
        #expect(narrow[1] == " ● One                       1 min · 2★")
        // A title the date would cut: the date goes, the title stays whole.
        let long = entries + [LibraryEntry(path: "/a/three.md", title: "Three Titles Can Be Long Enough", words: 300,
                                           keyPoints: 2, modified: 3, date: CalendarDay(year: 2026, month: 1, day: 9),
                                           read: false, text: "")]
        let cut = AppView.render(AppState(library: LibraryState(entries: long, thisYear: 2026), width: 66, height: 6)).rows()
        #expect(cut[2] == " ● Three Titles Can Be Long Enough           1 min · 2 key points")
        // Sorted by date: newest first.
        var s = AppState(library: LibraryState(entries: entries, thisYear: 2026), width: 80, height: 6)
        Fixtures.press([.char("s")], on: &s)
        #expect(s.library?.visible == [0, 1])
    }

    // MARK: Between articles

    /// The fixture library with `/a/ports.md` open (as Enter on its row leaves it).
    static func reading(_ path: String = "/a/ports.md", library: LibraryState = Fixtures.library()) -> AppState {
        var s = AppState(library: library, width: 80, height: 24)
        while s.library?.selectedEntry?.path != path { Fixtures.press([.char("j")], on: &s) }
        #expect(Fixtures.press([.enter], on: &s) == [.open(path: path)])
        _ = s.apply(.opened(Fixtures.ports(path: path), remembered: nil))
        return s
    }

    @Test("J and K open the next and previous article in the library's order, saving the place in this one")
    func nextAndPrevious() {
        // Title order: budget, ports, chips, tokyo.
        var s = Self.reading()
        Fixtures.press([.char("j"), .char("j")], on: &s)
        let saved = s.readingToSave()!
        #expect(Fixtures.press([.char("J")], on: &s) == [saved, .open(path: "/a/chips.md")])
        #expect(s.message == "article 3/4")
        #expect(s.library?.selectedEntry?.path == "/a/chips.md")
        _ = s.apply(.opened(Fixtures.ports(path: "/a/chips.md"), remembered: nil))
        #expect(Fixtures.press([.char("K")], on: &s).last == .open(path: "/a/ports.md"))
        _ = s.apply(.opened(Fixtures.ports(path: "/a/ports.md"), remembered: nil))
        #expect(Fixtures.press([.char("K")], on: &s).last == .open(path: "/a/budget.txt"))
        _ = s.apply(.opened(Fixtures.ports(path: "/a/budget.txt"), remembered: nil))
        #expect(Fixtures.press([.char("K")], on: &s).isEmpty)
        #expect(s.message == "first article")
    }

    @Test("J follows the filter: only the matching articles")
    func nextWithFilter() {
        var s = AppState(library: Fixtures.library(), width: 80, height: 24)
        Fixtures.press(Fixtures.keys("/s") + [.enter], on: &s)  // budget… no: ports, chips, tokyo? see below
        let matching = s.library!.visible.map { s.library!.entries[$0].path }
        #expect(matching == ["/a/budget.txt", "/a/ports.md", "/a/chips.md"])
        Fixtures.press([.char("j")], on: &s)
        _ = Fixtures.press([.enter], on: &s)
        _ = s.apply(.opened(Fixtures.ports(path: "/a/ports.md"), remembered: nil))
        #expect(Fixtures.press([.char("J")], on: &s).last == .open(path: "/a/chips.md"))
        _ = s.apply(.opened(Fixtures.ports(path: "/a/chips.md"), remembered: nil))
        #expect(Fixtures.press([.char("J")], on: &s).isEmpty)
        #expect(s.message == "last article")  // tokyo does not match
    }

    @Test(". opens the next unread article, from the top when none is below")
    func nextUnread() {
        // Title order: budget (read), ports, chips, tokyo — all unread but budget.
        var s = Self.reading("/a/chips.md")
        #expect(Fixtures.press([.char(".")], on: &s).last == .open(path: "/a/tokyo.md"))
        #expect(s.message == "unread article 4/4 · 1 more unread")  // chips is read now; ports is left
        _ = s.apply(.opened(Fixtures.ports(path: "/a/tokyo.md"), remembered: nil))
        #expect(Fixtures.press([.char(".")], on: &s).last == .open(path: "/a/ports.md"))
        #expect(s.message == "from the top: unread article 2/4 · 0 more unread")
        _ = s.apply(.opened(Fixtures.ports(path: "/a/ports.md"), remembered: nil))
        #expect(Fixtures.press([.char(".")], on: &s).isEmpty)
        #expect(s.message == "no unread articles")
    }

    @Test("Without a library the article commands say so")
    func noLibrary() {
        var s = AppState(document: Fixtures.ports(), width: 80, height: 24)
        for key in [Key.char("J"), .char("K"), .char(".")] {
            #expect(Fixtures.press([key], on: &s).isEmpty)
            #expect(s.message == "no library: Brief was opened on one article")
        }
    }

    @Test("U in the reader marks the open article unread, and leaving keeps it unread; U again marks it read")
    func markUnreadInReader() {
        var s = Self.reading()
        #expect(s.library?.entry(path: "/a/ports.md")?.read == true)
        let effects = Fixtures.press([.char("U")], on: &s)
        #expect(effects == [.saveReading(path: "/a/ports.md", block: -1, offset: 0, read: false)])
        #expect(s.message == "marked unread: it stays unread when you leave")
        #expect(s.library?.entry(path: "/a/ports.md")?.read == false)
        #expect(Fixtures.press([.char("q")], on: &s) == [.saveReading(path: "/a/ports.md", block: -1, offset: 0, read: false)])
        #expect(AppView.render(s).rows().contains { $0.hasPrefix(" ● Ports Reopen") })
        // Opened again it is read; U twice leaves it read.
        s = Self.reading()
        Fixtures.press([.char("U")], on: &s)
        #expect(Fixtures.press([.char("U")], on: &s) == [.saveReading(path: "/a/ports.md", block: -1, offset: 0, read: true)])
        #expect(s.message == "marked read")
        #expect(Fixtures.press([.char("J")], on: &s).first == .saveReading(path: "/a/ports.md", block: -1, offset: 0, read: true))
    }

    @Test("U in the library toggles the selected row's read mark, kept in the reading state")
    func markUnreadInLibrary() {
        var s = AppState(library: Fixtures.library(), width: 80, height: 24)
        #expect(s.library?.selectedEntry?.path == "/a/budget.txt")  // read
        #expect(Fixtures.press([.char("U")], on: &s) == [.setRead(path: "/a/budget.txt", read: false)])
        #expect(s.message == "marked unread")
        #expect(AppView.render(s).rows()[1].hasPrefix(" ● Harwick’s"))
        #expect(Fixtures.press([.char("U")], on: &s) == [.setRead(path: "/a/budget.txt", read: true)])
        #expect(s.message == "marked read")
    }

    @Test("The rows in view not filled yet are the ones the fill does first")
    func pathsInView() {
        var s = AppState(library: Self.partial(), width: 60, height: 4)  // two rows
        #expect(s.libraryPathsInView == ["/a/budget.txt", "/a/chips.md"])
        _ = s.apply(.libraryFilled([Self.details("/a/budget.txt", "Budget", words: 1, keyPoints: 0, text: "")]))
        #expect(s.libraryPathsInView == ["/a/chips.md"])
    }

    @Test("The filter's words are a bounded part of the text")
    func vocabularyIsBounded() {
        let text = (0..<40_000).map { "word\($0)" }.joined(separator: " ")
        let words = LibraryDetails.vocabulary([text, text])
        #expect(words.count <= LibraryDetails.vocabularyLimit)
        #expect(LibraryDetails.vocabulary(["The cat, the CAT and the dog."]) == Array("the\ncat\nand\ndog\n".utf8))
        #expect(LibraryDetails.vocabulary(["A non-exclusive deal (U.S.)"]) == Array("a\nnon-exclusive\ndeal\nu.s\n".utf8))
    }

    @Test("A filter word joined by a hyphen matches as written; a filter of punctuation only matches titles only")
    func filterWords() {
        var s = AppState(library: LibraryState(entries: [
            LibraryEntry(path: "/a/1.md", title: "One", words: 1, keyPoints: 1, modified: 1, read: false,
                         text: "a non-exclusive deal"),
            LibraryEntry(path: "/a/2.md", title: "Two", words: 1, keyPoints: 1, modified: 1, read: false,
                         text: "non-binding and exclusive"),
            LibraryEntry(path: "/a/3.md", title: "Three?", words: 1, keyPoints: 1, modified: 1, read: false, text: "x"),
        ]), width: 80, height: 10)
        Fixtures.press(Fixtures.keys("/non-exclusive"), on: &s)
        #expect(s.library?.visible == [0])
        Fixtures.press([.escape] + Fixtures.keys("/exclusive"), on: &s)
        #expect(s.library?.visible.count == 2)
        Fixtures.press([.escape] + Fixtures.keys("/?"), on: &s)
        #expect(s.library?.visible == [2])
    }
}
