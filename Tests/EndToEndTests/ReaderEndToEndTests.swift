import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The built `brief` in tmux, driven as a person would. Serialized: each test has its
/// own tmux server, but they share the machine's few cores with the binary under test.
@Suite("Reader in tmux", .serialized, .enabled(if: TmuxSession.isInstalled, "tmux not installed"))
struct ReaderEndToEndTests {
    static let example = "Articles/microsoft-openai-non-exclusive.txt"

    func statusLine(_ session: TmuxSession) -> String { session.rows().last ?? "" }

    /// A row's text after the outline pane and the gutter (marks differ between runs).
    func textColumn(_ row: String) -> String {
        guard let bar = row.firstIndex(of: "│") else { return row }
        return String(row[row.index(after: bar)...].dropFirst(2))
    }

    func keyPoint(in screen: String) -> String? {
        guard let range = screen.range(of: #"key point \d+/\d+"#, options: .regularExpression) else { return nil }
        return String(screen[range])
    }

    @Test("The library lists the bundled articles; / filters as you type")
    func libraryAndFilter() throws {
        let session = try TmuxSession([], width: 120)
        defer { session.stop() }
        let bundled = try FileManager.default.contentsOfDirectory(atPath: TmuxSession.packageDirectory + "/Articles")
            .filter { $0.hasSuffix(".md") || $0.hasSuffix(".txt") || $0.hasSuffix(".markdown") }
        // The rows show at once and are filled in from the background: wait for the counts.
        let start = session.waitFor { $0.contains("Brief · \(bundled.count) articles") && !$0.contains("analysing") }
        #expect(start.ok, "\(start.screen)")
        #expect(start.screen.contains("Microsoft and OpenAI Pivot to Non-Exclusive Partnership Terms"))
        #expect(start.screen.contains("Asia Markets: Tokyo Rallies"))
        let rows = start.screen.components(separatedBy: "\n").filter { $0.contains(" min · ") }
        #expect(rows.count == bundled.count)

        session.send("/")
        session.type("non-exclusive")
        let filtered = session.waitFor("1 match “non-exclusive”")
        #expect(filtered.ok, "\(filtered.screen)")
        #expect(filtered.screen.components(separatedBy: "\n").filter { $0.contains(" min · ") }.count == 1)
        session.send("Escape")
        let cleared = session.waitFor { screen in
            !screen.contains("match") && screen.components(separatedBy: "\n").filter { $0.contains(" min · ") }.count == bundled.count
        }
        #expect(cleared.ok, "\(cleared.screen)")
    }

    @Test("The user's example opens; ] ] ] shows key point 3/N and [ goes back to 2")
    func keyPoints() throws {
        let session = try TmuxSession([Self.example])
        defer { session.stop() }
        let opened = session.waitFor("Microsoft and OpenAI Pivot to Non-Exclusive Partnership Terms")
        #expect(opened.ok, "\(opened.screen)")
        #expect(opened.screen.contains("For the past few years, the partnership between Microsoft and"))
        session.send("]", "]", "]")
        let third = session.waitFor { _ in self.statusLine(session).contains("key point 3/") }
        #expect(third.ok, "\(third.screen)")
        let total = keyPoint(in: statusLine(session))?.split(separator: "/").last
        session.send("[")
        let second = session.waitFor { _ in self.statusLine(session).contains("key point 2/") }
        #expect(second.ok, "\(second.screen)")
        #expect(keyPoint(in: statusLine(session))?.split(separator: "/").last == total)
    }

    @Test("On the user's example the first key point after the bullets is the thesis; w says why, any key closes it")
    func whyThisKeyPoint() throws {
        let session = try TmuxSession([Self.example], width: 100)
        defer { session.stop() }
        #expect(session.waitFor("key points").ok)
        // Three summary bullets, then the body's key points in reading order.
        session.send("]", "]", "]", "]")
        let thesis = session.waitFor { _ in self.statusLine(session).contains("key point 4/") }
        #expect(thesis.ok, "\(thesis.screen)")
        #expect(statusLine(session).contains("thesis"), "\(statusLine(session))")
        session.send("w")
        // Every row of the box, not only one: ncurses writes the screen row by row.
        let why = session.waitFor { screen in
            ["states the article's position", "Why this key point", "Key point 4/", "in an analysis"].allSatisfy(screen.contains)
        }
        #expect(why.ok, "\(why.screen)")
        #expect(why.screen.contains("Why this key point"))
        #expect(why.screen.contains("Key point 4/") && why.screen.contains("in an analysis"))
        session.send("j")
        let closed = session.waitFor { !$0.contains("Why this key point") }
        #expect(closed.ok, "\(closed.screen)")
    }

    @Test("o toggles the outline pane")
    func outlinePane() throws {
        let session = try TmuxSession([Self.example])
        defer { session.stop() }
        let paneEntry = "• Microsoft and OpenAI transi…│"
        let shown = session.waitFor(paneEntry)
        #expect(shown.ok, "\(shown.screen)")
        session.send("o")
        let hidden = session.waitFor { !$0.contains("│") && $0.contains("  Microsoft and OpenAI Pivot") }
        #expect(hidden.ok, "\(hidden.screen)")
        session.send("o")
        #expect(session.waitFor(paneEntry).ok)
    }

    @Test("/ searches; Enter keeps it; n moves to the next match")
    func search() throws {
        let session = try TmuxSession([Self.example])
        defer { session.stop() }
        #expect(session.waitFor("key points").ok)
        session.send("/")
        session.type("openai")
        let typing = session.waitFor { _ in self.statusLine(session).contains("/openai") && self.statusLine(session).contains("match 1/") }
        #expect(typing.ok, "\(typing.screen)")
        session.send("Enter", "n")
        let next = session.waitFor { _ in self.statusLine(session).contains("match 2/") }
        #expect(next.ok, "\(next.screen)")
        #expect(!statusLine(session).contains("/openai"))
    }

    @Test("Resizing to 50×15 and back keeps reading at the same text")
    func resize() throws {
        let session = try TmuxSession([Self.example])
        defer { session.stop() }
        #expect(session.waitFor("key points").ok)
        session.send("]", "]")
        #expect(session.waitFor { _ in self.statusLine(session).contains("key point 2/") }.ok)
        let before = session.rows()[0]
        session.resize(width: 50, height: 15)
        // Poll until the redrawn 50×15 frame is there (tmux shows the old frame cropped first).
        let small = session.waitFor { screen in
            let rows = session.rows()
            return rows.count == 15 && rows.last!.contains("key point 2/")
                && screen.contains("Strategic shift marks a maturation phase")
        }
        #expect(small.ok, "\(small.screen)")
        #expect(session.rows().allSatisfy { $0.count <= 50 })
        #expect(small.screen.contains("Strategic shift marks a maturation phase"))
        session.resize(width: 100, height: 30)
        let back = session.waitFor { _ in session.rows().count == 30 && session.rows()[0] == before }
        #expect(back.ok, "\(back.screen)")
        session.send("j")
        #expect(session.waitFor { _ in session.rows()[0] != before }.ok)
    }

    @Test("? shows the help")
    func help() throws {
        let session = try TmuxSession([Self.example])
        defer { session.stop() }
        #expect(session.waitFor("key points").ok)
        session.send("?")
        // Wait for the whole help, not its first line: on a loaded machine a capture can
        // land between the hint that names a key and the help page being drawn.
        let help = session.waitFor {
            $0.contains("Keys") && $0.contains("next key point") && $0.contains("show or hide the outline")
        }
        #expect(help.ok, "\(help.screen)")
        session.send("Escape")
        #expect(session.waitFor { !$0.contains("next key point") }.ok)
    }

    @Test("q q from the library exits with status 0 and the alternate screen off")
    func quit() throws {
        let session = try TmuxSession([])
        defer { session.stop() }
        #expect(session.waitFor("articles · sort").ok)
        #expect(session.alternateScreenOn)
        session.send("Enter")
        #expect(session.waitFor("key point").ok)
        session.send("q")
        #expect(session.waitFor("articles · sort").ok)
        session.send("q")
        let exited = session.waitFor("brief exited:")
        #expect(exited.ok, "\(exited.screen)")
        #expect(exited.screen.contains("brief exited: 0"))
        #expect(!session.alternateScreenOn)
    }

    @Test("Mouse: a click selects a library row, a second click opens it, the wheel scrolls")
    func mouse() throws {
        let session = try TmuxSession([], width: 120)
        defer { session.stop() }
        #expect(session.waitFor("articles · sort").ok)
        // SGR mouse reports (xterm-256color's kmous is \E[<): press and release at column 10, row 5.
        session.type("\u{1B}[<0;10;5M\u{1B}[<0;10;5m")
        #expect(session.waitFor { _ in self.statusLine(session).hasSuffix("4/8") }.ok)
        session.type("\u{1B}[<0;10;5M\u{1B}[<0;10;5m")
        let opened = session.waitFor("Grid Batteries Are Quietly Replacing the Gas Peaker  ")
        #expect(opened.ok, "\(opened.screen)")
        let top = textColumn(session.rows()[0])
        session.type("\u{1B}[<65;60;10M")
        #expect(session.waitFor { _ in self.textColumn(session.rows()[0]) != top }.ok)
    }

    @Test("SIGINT, SIGTERM and SIGHUP restore the terminal", arguments: [SIGINT, SIGTERM, SIGHUP])
    func signalRestores(_ signal: Int32) throws {
        let session = try TmuxSession([Self.example])
        defer { session.stop() }
        #expect(session.waitFor("key points").ok)
        let pid = try #require(session.briefPID())
        kill(pid, signal)
        let exited = session.waitFor("brief exited:")
        #expect(exited.ok, "\(exited.screen)")
        #expect(exited.screen.contains("brief exited: \(128 + signal)"))
        #expect(!session.alternateScreenOn)
    }

    @Test("Ctrl-Z gives the terminal back and stops; on SIGCONT (fg) it redraws")
    func suspend() throws {
        let session = try TmuxSession([Self.example])
        defer { session.stop() }
        #expect(session.waitFor("key points").ok)
        let pid = try #require(session.briefPID())
        session.send("C-z")
        let stopped = session.waitFor { _ in !session.alternateScreenOn }
        #expect(stopped.ok, "\(stopped.screen)")
        // brief leaves the alternate screen before it stops: a SIGCONT sent in between
        // would be lost and leave it stopped.
        #expect(TmuxSession.waitUntilStopped(pid))
        kill(pid, SIGCONT)
        let back = session.waitFor { screen in session.alternateScreenOn && screen.contains("key points") }
        #expect(back.ok, "\(back.screen)")
        session.send("q")
        #expect(session.waitFor("brief exited: 0").ok)
    }

    @Test("The reading position is remembered across runs")
    func rememberedPosition() throws {
        let first = try TmuxSession([Self.example])
        defer { first.stop() }
        #expect(first.waitFor("key points").ok)
        first.send("]", "]", "]")
        #expect(first.waitFor { _ in self.statusLine(first).contains("key point 3/") }.ok)
        let top = textColumn(first.rows()[0])
        first.send("q")
        #expect(first.waitFor("brief exited: 0").ok)

        let second = try TmuxSession([Self.example], sharingStateWith: first)
        defer { second.stop() }
        let reopened = second.waitFor { _ in second.rows().first.map(textColumn) == top }
        #expect(reopened.ok, "\(reopened.screen)")
    }

    @Test("A library folder with an unreadable file lists it with a notice and still opens the rest")
    func unreadableEntry() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("brief-unreadable-\(getpid())")
        try? FileManager.default.removeItem(at: dir)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(atPath: Self.example, toPath: dir.appendingPathComponent("example.txt").path)
        #expect(mkfifo(dir.appendingPathComponent("a-pipe.md").path, 0o600) == 0)
        let session = try TmuxSession([dir.path], width: 100)
        defer { session.stop() }
        let listed = session.waitFor("⚠ not a regular file")
        #expect(listed.ok, "\(listed.screen)")
        #expect(listed.screen.contains("a-pipe.md"))
        #expect(listed.screen.contains("Microsoft and OpenAI Pivot"))
        session.send("g", "Enter")
        #expect(session.waitFor("cannot open a-pipe.md: not a regular file").ok)
    }

    @Test("G in a large article shows its end before the whole parse is in, and stays there when it arrives")
    func endOfLargeArticle() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("brief-tail-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // 8 MB: its whole parse takes long enough that G comes first.
        var text = "# A Long Read\n\n"
        var n = 0
        while text.utf8.count < 8 << 20 {
            text += "Paragraph \(n) says the ports and the insurers argue about risk while demand holds.\n\n"
            n += 1
        }
        text += "Finis coronat opus.\n"
        let file = dir.appendingPathComponent("long.md").path
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let session = try TmuxSession([file])
        defer { session.stop() }
        #expect(session.waitFor("Paragraph 0 says").ok)
        session.send("G")
        let end = session.waitFor("Finis coronat opus.")
        #expect(end.ok, "\(end.screen)")
        #expect(end.screen.contains("Paragraph \(n - 1) says"))
        // When the whole parse and the analysis are in, the end is still what is shown.
        let settled = session.waitFor(timeout: 120) { _ in
            let status = self.statusLine(session)
            return !status.contains("reading…") && !status.contains("analysing…")
        }
        #expect(settled.ok, "\(settled.screen)")
        #expect(settled.screen.contains("Finis coronat opus."))
        #expect(statusLine(session).contains("100%"))
        session.send("g")
        #expect(session.waitFor("Paragraph 0 says").ok)
    }
}
