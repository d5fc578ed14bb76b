import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 6, the interactive reader end to end in tmux: hostile articles cannot drive the
/// terminal, every terminal size and exit path leaves it sane, pathological inputs open.
@Suite("Hardening in tmux", .serialized, .enabled(if: TmuxSession.isInstalled, "tmux not installed: the hardening end-to-end tests are skipped"))
struct HardeningEndToEndTests {
    static let example = "Articles/microsoft-openai-non-exclusive.txt"

    // MARK: Helpers

    /// A fresh folder for this test's files.
    static func temporaryFolder(_ name: String) throws -> String {
        let folder = NSTemporaryDirectory() + "brief-hardening-\(getpid())-\(name)"
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    func statusLine(_ session: TmuxSession) -> String { session.rows().last ?? "" }

    /// `stty -a` output says echo and canonical mode are on (" echo ", not " -echo ").
    static func isSane(_ stty: String) -> Bool {
        let words = Set(stty.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
        return words.contains("echo") && words.contains("icanon") && !words.contains("-echo") && !words.contains("-icanon")
    }

    /// Waits for `file` to hold `stty -a` output; its text.
    static func waitForFile(_ file: String, timeout: TimeInterval = 10) -> String {
        let deadline = Date().addingTimeInterval(timeout * TmuxSession.timeScale)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: file, encoding: .utf8), text.contains("speed") || text.contains("icanon") {
                return text
            }
            usleep(50_000)
        }
        return (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
    }

    // MARK: 1. Terminal injection

    static let esc = "\u{1B}"

    /// Every kind of control sequence an article may carry, once per place text is shown.
    /// Returns the bytes and the number of distinct hostile sequences in them.
    static func hostileArticle() -> (bytes: [UInt8], sequences: Int) {
        let e = esc
        let title = "Hostile \(e)]0;PWNED-T0\u{07}Title\(e)]2;PWNED-T2\(e)\\ here\u{202E}RTL\u{202C} \u{9B}2J end"
        let bullet1 = "- \u{2022}Bullet one \(e)]52;c;UFdORUQ=\u{07}copied \(e)]8;;http://evil.example/\(e)\\linked\(e)]8;;\(e)\\ text."
        let bullet2 = "- \u{2022}Bullet two \(e)[2J\(e)[Hcleared \u{9B}2Jcsi8 \(e)P1$qm\(e)\\dcs \(e)_apc-payload\(e)\\apc \u{7F}del \u{2066}iso\u{2069} done."
        let heading = "## Heading \(e)]0;PWNED-H\u{07} with \(e)[2J clear \u{202D}LRO\u{202C} \(e)]52;c;SEVBRA==\(e)\\ end"
        let body = "The body starts here. \(e)]2;PWNED-B\u{07}Body title change. \(e)]52;c;Ym9keQ==\u{07} Clipboard. "
            + "\(e)[H\(e)[2J\(e)[3J Cleared? \(e)c Reset? \(e)P+q544e\(e)\\ DCS. \(e)_Gf=100;AAAA\(e)\\ APC. "
            + "\(e)^pm\(e)\\ PM. \u{7F} DEL \u{202E}evil\u{202C} isolate \u{2067}x\u{2069} \u{202A}lre\u{202B}rle\u{2068}fsi\u{2069} "
            + "\u{9D}2;PWNED-C1\u{9C} \u{90}c1dcs\u{9C} \u{9F}c1apc\u{9C}. Marker sentence survives."
        var bytes = Array([title, bullet1, bullet2, "", heading, "", body, ""].joined(separator: "\n").utf8)
        // Raw 8-bit controls (invalid UTF-8 on their own): CSI 0x9B, OSC 0x9D, ST 0x9C.
        bytes += Array("Raw bytes ".utf8) + [0x9B] + Array("2J and ".utf8) + [0x9D] + Array("0;PWNED-RAW".utf8) + [0x07, 0x9C]
        bytes += Array(" tail of the raw line.\n".utf8)
        // 28 kinds, 45 occurrences: OSC 0, OSC 2, OSC 52, OSC 8, CSI 2J, CSI H, CSI 3J, ESC c,
        // 8-bit CSI (U+009B and a raw 0x9B byte), 8-bit OSC (U+009D, raw 0x9D), 8-bit DCS U+0090,
        // 8-bit APC U+009F, ST (U+009C, raw 0x9C), DCS, APC, PM, DEL, BEL, U+202A–U+202E, U+2066–U+2069.
        return (bytes, 28)
    }

    /// The pane shows no raw control and no bidi control, the title is unchanged, no buffer exists.
    func expectNoInjection(_ session: TmuxSession, title: String, _ step: String,
                           sourceLocation: SourceLocation = #_sourceLocation) {
        let screen = session.screen()
        let bad = screen.unicodeScalars.filter { s in
            let v = s.value
            return (v < 0x20 && v != 0x0A) || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v)
                || (0x2066...0x2069).contains(v)
        }
        #expect(bad.isEmpty, "\(step): raw controls on screen: \(bad.map { String($0.value, radix: 16) })",
                sourceLocation: sourceLocation)
        #expect(!screen.contains(Self.esc), "\(step): raw ESC", sourceLocation: sourceLocation)
        #expect(session.paneTitle == title, "\(step): pane title became “\(session.paneTitle)”", sourceLocation: sourceLocation)
        #expect(session.buffers.isEmpty, "\(step): paste buffers \(session.buffers)", sourceLocation: sourceLocation)
    }

    /// Sets the pane title before brief starts. Not with select-pane after: xterm's smcup
    /// saves the title (CSI 22 t) and rmcup restores it, so a title set later is undone at exit.
    static let setTitle = "printf '\\033]2;e2e-title\\033\\\\'; "

    static let watchful = ["set-option -s set-clipboard on", "set-option -g allow-rename on"]

    @Test("The detectors work: a raw OSC 2 changes the pane title, a raw OSC 52 makes a paste buffer")
    func detectorsWork() throws {
        let session = try TmuxSession(shellCommand: "sleep 0.5; printf '\\033]2;PWNED\\007\\033]52;c;UFdORUQ=\\007'; sleep 30",
                                      configuration: Self.watchful)
        defer { session.stop() }
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline && (session.paneTitle != "PWNED" || session.buffers.isEmpty) { usleep(50_000) }
        #expect(session.paneTitle == "PWNED")
        #expect(session.buffers.count == 1)
    }

    @Test("The detector works: a terminal left with -echo -icanon is not sane")
    func sttyDetectorWorks() throws {
        let folder = try Self.temporaryFolder("stty-control")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let session = try TmuxSession(shellCommand: "stty -echo -icanon; stty -a > \(folder)/stty.txt; sleep 30")
        defer { session.stop() }
        let modes = Self.waitForFile(folder + "/stty.txt")
        #expect(modes.contains("-echo ") && !Self.isSane(modes), "\(modes)")
    }

    @Test("A hostile article in the library, reader, search, help and notes: no title change, no clipboard, no clear, no raw ESC")
    func terminalInjection() throws {
        let folder = try Self.temporaryFolder("injection")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (bytes, _) = Self.hostileArticle()
        try Data(bytes).write(to: URL(fileURLWithPath: folder + "/hostile.txt"))
        // The timing log says when keys have been handled and their screen drawn.
        let timing = folder + "/timing.txt"
        let session = try TmuxSession(shellCommand: Self.setTitle + "BRIEF_TIMING=\(Self.quote(timing)) \"$BRIEF\" \(Self.quote(folder)); echo \"brief exited: $?\"; sleep 600",
                                      width: 120, configuration: Self.watchful)
        defer { session.stop() }
        let title = "e2e-title"

        // The library: the title row.
        let library = session.waitFor("Hostile ]0;PWNED-T0Title]2;PWNED-T2\\ hereRTL")
        #expect(library.ok, "\(library.screen)")
        expectNoInjection(session, title: title, "library")
        session.send("/")
        session.type("Hostile")
        #expect(session.waitFor("1 match “Hostile”").ok)
        expectNoInjection(session, title: title, "library filter")
        session.send("Enter")  // keeps the filter
        #expect(session.waitFor { _ in !self.statusLine(session).contains("▏") }.ok)
        session.send("Enter")  // opens the article

        // The reader: title, both bullets, heading, body, the raw-byte line, the outline pane.
        let reader = session.waitFor { $0.contains("Marker sentence survives.") && $0.contains("tail of the raw line.") }
        #expect(reader.ok, "\(reader.screen)")
        for visible in ["Bullet one ]52;c;UFdORUQ=copied ]8;;http://evil.example/", "Bullet two [2J[Hcleared",
                        "Heading ]0;PWNED-H with [2J clear LRO", "The body starts here. ]2;PWNED-BBody title change.",
                        "Cleared? c Reset?"] {
            #expect(reader.screen.contains(visible), "\(visible) not in \(reader.screen)")
        }
        expectNoInjection(session, title: title, "reader")

        // Search for text of the body; matches are highlighted in the hostile lines.
        session.send("/")
        session.type("PWNED")
        #expect(session.waitFor { _ in self.statusLine(session).contains("/PWNED") && self.statusLine(session).contains("match 1/") }.ok)
        var handled = TmuxSession.keysHandled(in: timing)
        session.send("Enter", "n", "n")
        #expect(TmuxSession.waitForKeys(handled + 3, in: timing))
        expectNoInjection(session, title: title, "search")
        #expect(session.screen().contains("Marker sentence survives."))

        // Help overlay over the article.
        session.send("?")
        #expect(session.waitFor("next key point").ok)
        expectNoInjection(session, title: title, "help")
        session.send("Escape")
        #expect(session.waitFor { !$0.contains("next key point") }.ok)

        // The one-line note editor on the first key point, then the notes list (it quotes the bullet).
        session.send("g", "]", "a")
        #expect(session.waitFor { _ in self.statusLine(session).hasPrefix(" Note:") }.ok)
        session.type("about ]52 \u{202E}rtl\u{2066} typed")  // no ESC: it would cancel the note
        #expect(session.waitFor { _ in self.statusLine(session).contains("about ]52 rtl typed") }.ok)
        expectNoInjection(session, title: title, "note editor")
        session.send("Enter")
        #expect(session.waitFor { _ in self.statusLine(session).contains("note saved") }.ok)
        session.send("L")
        // Waits for the note's line too: ncurses writes a screen row by row, and a capture can
        // fall between the overlay's first row and the rest (seen under AddressSanitizer).
        let list = session.waitFor { $0.contains("Notes · 1") && $0.contains("about ]52 rtl typed") }
        #expect(list.ok, "\(list.screen)")
        #expect(list.screen.contains("about ]52 rtl typed"), "\(list.screen)")
        #expect(list.screen.contains("Bullet one ]52;c;UFdORUQ=copied") || list.screen.contains("Bullet two [2J[Hcleared"),
                "\(list.screen)")
        expectNoInjection(session, title: title, "notes list")
        handled = TmuxSession.keysHandled(in: timing)
        session.send("Escape", "G", "C-l")
        #expect(TmuxSession.waitForKeys(handled + 3, in: timing))
        expectNoInjection(session, title: title, "end of article")
        session.send("q")
        #expect(session.waitFor("Enter open ·").ok)
        expectNoInjection(session, title: title, "library again")
        session.send("q")
        let exited = session.waitFor("brief exited:")
        #expect(exited.screen.contains("brief exited: 0"), "\(exited.screen)")
        expectNoInjection(session, title: title, "after exit")
    }

    @Test("The hostile article opened directly (brief FILE): no injection")
    func terminalInjectionSingleFile() throws {
        let folder = try Self.temporaryFolder("injection-file")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data(Self.hostileArticle().bytes).write(to: URL(fileURLWithPath: folder + "/hostile.md"))
        // The timing log says when each key has been handled and its screen drawn.
        let timing = folder + "/timing.txt"
        let session = try TmuxSession(shellCommand: Self.setTitle + "BRIEF_TIMING=\(Self.quote(timing)) \"$BRIEF\" \(Self.quote(folder + "/hostile.md")); echo \"brief exited: $?\"; sleep 600",
                                      width: 80, height: 24, configuration: Self.watchful)
        defer { session.stop() }
        let opened = session.waitFor("Bullet one")
        #expect(opened.ok, "\(opened.screen)")
        expectNoInjection(session, title: "e2e-title", "opened")
        for (i, key) in ["j", "j", "j", "G", "o", "g", "o", "Tab", "Tab"].enumerated() {
            session.send(key)
            #expect(TmuxSession.waitForKeys(i + 1, in: timing), "\(key) not handled")
            expectNoInjection(session, title: "e2e-title", "after \(key)")
        }
        session.send("q")
        #expect(session.waitFor("brief exited: 0").ok)
        expectNoInjection(session, title: "e2e-title", "after exit")
    }

    // MARK: 2. Terminal states

    @Test("Sizes from 1×1 up: no crash, a too-small notice, the right redraw at full size")
    func smallSizes() throws {
        let folder = try Self.temporaryFolder("small-sizes")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // The timing log tells when a resize has been handled where nothing can be drawn.
        let timing = folder + "/timing.txt"
        let session = try TmuxSession([Self.example], environment: ["BRIEF_TIMING": timing])
        defer { session.stop() }
        #expect(session.waitFor("key points").ok)
        let before = session.rows()
        let pid = try #require(session.briefPID())
        let sizes = [(1, 1), (2, 2), (5, 3), (10, 4), (19, 5), (19, 6), (20, 5), (20, 6), (30, 8), (1, 30), (100, 1), (40, 12)]
        for (width, height) in sizes {
            let resizes = TmuxSession.keysHandled(in: timing, label: "resize")
            session.resize(width: width, height: height)
            let size = session.waitFor(timeout: 5) { _ in session.paneSize == (width, height) }
            #expect(size.ok, "tmux did not resize to \(width)×\(height): \(session.paneSize)")
            let tooSmall = width < 20 || height < 6
            if tooSmall && width >= 9 && height >= 2 {
                let notice = session.waitFor("too small", timeout: 5)
                #expect(notice.ok, "\(width)×\(height): \(notice.screen)")
            } else if !tooSmall {
                let drawn = session.waitFor(timeout: 5) { _ in
                    let rows = session.rows()
                    return rows.count == height && rows.last!.contains("%") && !rows.joined().contains("too small")
                }
                #expect(drawn.ok, "\(width)×\(height): \(drawn.screen)")
            } else {
                let handled = TmuxSession.waitForKeys(resizes + 1, in: timing, label: "resize", timeout: 5)
                #expect(handled, "\(width)×\(height): the resize was not handled")
            }
            #expect(kill(pid, 0) == 0, "brief died at \(width)×\(height)")
            #expect(!session.screen().contains("brief exited"), "\(width)×\(height)")
        }
        session.resize(width: 100, height: 30)
        let back = session.waitFor { _ in session.rows() == before }
        #expect(back.ok, "\(back.screen)")
        session.send("j")
        #expect(session.waitFor { _ in session.rows() != before }.ok)
        session.send("q")
        #expect(session.waitFor("brief exited: 0").ok)
    }

    @Test("50 resizes within a second: no crash, the right final screen")
    func resizeStorm() throws {
        let session = try TmuxSession([Self.example])
        defer { session.stop() }
        #expect(session.waitFor("key points").ok)
        session.send("]", "]")
        #expect(session.waitFor { _ in self.statusLine(session).contains("key point 2/") }.ok)
        let before = session.rows()
        let pid = try #require(session.briefPID())
        let sizes = [(60, 20), (100, 30), (15, 4), (80, 24), (1, 1), (120, 40)]
        let start = Date()
        for i in 0..<49 {
            let (width, height) = sizes[i % sizes.count]
            session.resize(width: width, height: height)
        }
        session.resize(width: 100, height: 30)
        let elapsed = Date().timeIntervalSince(start)
        #expect(elapsed < 1.0, "50 resizes took \(elapsed) s")
        print("resize storm: 50 resizes in \(String(format: "%.2f", elapsed)) s")
        let back = session.waitFor { _ in session.rows() == before }
        #expect(back.ok, "\(back.screen)")
        #expect(kill(pid, 0) == 0)
        session.send("q")
        #expect(session.waitFor("brief exited: 0").ok)
    }

    /// How brief is made to leave: a key sequence, or a signal sent to its pid.
    enum Exit: String, CaseIterable, CustomTestStringConvertible {
        case q, libraryQQ, controlC, sigint, sigterm, sighup
        var testDescription: String { rawValue }
    }

    @Test("Every exit leaves the terminal sane: alternate screen off, echo and icanon on", arguments: Exit.allCases)
    func exitLeavesTerminalSane(_ exit: Exit) throws {
        let folder = try Self.temporaryFolder("exit-\(exit.rawValue)")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let stty = folder + "/stty.txt"
        let target = exit == .libraryQQ ? "" : " " + Self.example
        let session = try TmuxSession(shellCommand: "sh -c '\"$BRIEF\"\(target); echo \"brief exited: $?\"; stty -a > \(stty); sleep 30'")
        defer { session.stop() }
        #expect(session.waitFor(exit == .libraryQQ ? "articles · sort" : "key points").ok)
        #expect(session.alternateScreenOn)
        let pid = try #require(session.briefPID())
        let expected: Int32
        switch exit {
        case .q: session.send("q"); expected = 0
        case .libraryQQ:
            session.send("Enter")
            #expect(session.waitFor("key point").ok)
            session.send("q")
            #expect(session.waitFor("articles · sort").ok)
            session.send("q")
            expected = 0
        case .controlC: session.send("C-c"); expected = 0
        case .sigint: kill(pid, SIGINT); expected = 128 + SIGINT
        case .sigterm: kill(pid, SIGTERM); expected = 128 + SIGTERM
        case .sighup: kill(pid, SIGHUP); expected = 128 + SIGHUP
        }
        let exited = session.waitFor("brief exited:")
        #expect(exited.ok, "\(exited.screen)")
        #expect(exited.screen.contains("brief exited: \(expected)"), "\(exited.screen)")
        #expect(!session.alternateScreenOn)
        let modes = Self.waitForFile(stty)
        #expect(Self.isSane(modes), "stty -a after \(exit.rawValue): \(modes)")
    }

    @Test("Closing the window (a real hang-up) ends brief")
    func windowClosed() throws {
        let session = try TmuxSession(shellCommand: "\"$BRIEF\" \(Self.example); sleep 600")
        defer { session.stop() }
        #expect(session.waitFor("key points").ok)
        let pid = try #require(session.briefPID())
        // A second window keeps the server alive while the first is closed.
        session.tmux(["new-window", "-d", "sleep 600"])
        session.tmux(["kill-window", "-t", "0"])
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline && kill(pid, 0) == 0 { usleep(50_000) }
        #expect(kill(pid, 0) != 0, "brief \(pid) still runs after its terminal closed")
    }

    @Test("Ctrl-Z in an interactive shell stops brief; fg redraws the article; q leaves the terminal sane")
    func suspendAndResume() throws {
        let folder = try Self.temporaryFolder("suspend")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let stty = folder + "/stty.txt"
        // Each command is typed only once the shell shows the prompt after the one before
        // (prompts are numbered: see `TmuxSession.interactiveShell`).
        let session = try TmuxSession.interactiveShell()
        defer { session.stop() }
        #expect(session.typeCommand("\"$BRIEF\" \(Self.example)", atPrompt: 1))
        let opened = session.waitFor("key points")
        #expect(opened.ok, "\(opened.screen)")
        session.send("]", "]")
        #expect(session.waitFor { _ in self.statusLine(session).contains("key point 2/") }.ok)
        let before = session.rows()
        session.send("C-z")
        let stopped = session.waitForPrompt(2)
        #expect(stopped.ok && stopped.screen.contains("Stopped"), "\(stopped.screen)")
        #expect(!session.alternateScreenOn)
        #expect(session.typeCommand("jobs", atPrompt: 2))
        let jobs = session.waitForPrompt(3)
        #expect(jobs.ok && jobs.screen.components(separatedBy: "Stopped").count >= 3, "\(jobs.screen)")
        #expect(session.typeCommand("fg", atPrompt: 3))
        // The reader is drawn again, as it was, before any key is sent to it.
        let back = session.waitFor { _ in session.alternateScreenOn && session.rows() == before }
        #expect(back.ok, "\(back.screen)")
        session.send("j")
        #expect(session.waitFor { _ in session.rows() != before }.ok)
        session.send("q")
        let prompt = session.waitForPrompt(4)
        #expect(prompt.ok, "\(prompt.screen)")
        #expect(session.typeCommand("echo \"status $?\"; stty -a > \(stty)", atPrompt: 4))
        #expect(session.waitFor("status 0").ok)
        let modes = Self.waitForFile(stty)
        #expect(Self.isSane(modes), "stty -a after Ctrl-Z, fg, q: \(modes)")
    }

    @Test("A signal sent to the stopped job (kill %1), then fg: brief exits 128+N, the terminal sane",
          arguments: [SIGTERM, SIGHUP, SIGINT])
    func signalWhileSuspended(_ signal: Int32) throws {
        let folder = try Self.temporaryFolder("suspended-\(signal)")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let stty = folder + "/stty.txt"
        let session = try TmuxSession.interactiveShell()
        defer { session.stop() }
        #expect(session.typeCommand("\"$BRIEF\" \(Self.example)", atPrompt: 1))
        #expect(session.waitFor("key points").ok)
        session.send("C-z")
        let stopped = session.waitForPrompt(2)
        #expect(stopped.ok && stopped.screen.contains("Stopped"), "\(stopped.screen)")
        // bash sends the signal and SIGCONT: brief, continued in the background, stops again
        // (SIGTTOU) when it takes the terminal back, or is still on its way there; fg
        // brings it to the foreground either way, where it handles the signal and exits.
        #expect(session.typeCommand("kill -\(signal) %1", atPrompt: 2))
        #expect(session.typeCommand("fg", atPrompt: 3))
        let prompt = session.waitForPrompt(4)
        let rows = prompt.screen.components(separatedBy: "\n").filter { !$0.isEmpty }
        #expect(prompt.ok && rows.count >= 2 && rows[rows.count - 2].hasSuffix(Self.example),  // the line bash prints for fg
                "\(prompt.screen)")
        #expect(session.typeCommand("echo \"status $?\"; stty -a > \(stty)", atPrompt: 4))
        let status = session.waitFor("status \(128 + signal)")
        #expect(status.ok, "\(status.screen)")
        #expect(!session.alternateScreenOn)
        let modes = Self.waitForFile(stty)
        #expect(Self.isSane(modes), "stty -a after kill -\(signal) %1, fg: \(modes)")
    }

    // MARK: 3. Pathological inputs

    /// The worst shapes of ../shared/tools/pathological.py, the big ones cut to 1–2 MB.
    static let pathological: [(name: String, make: @Sendable () -> String)] = [
        ("nested-brackets", { String(repeating: "[", count: 25_000) + "a" + String(repeating: "]", count: 25_000) }),
        ("emph-in-deep-blockquote", { String(repeating: ">", count: 100_000) + String(repeating: "a*", count: 100_000) }),
        ("nested-block-quotes", { String(repeating: "> ", count: 25_000) + "a" }),
        ("nested-strong-emph", { String(repeating: "*a **a ", count: 32_500) + "b" + String(repeating: " a** a*", count: 32_500) }),
        ("one-1500k-line", { String(repeating: "word ", count: 300_000) }),
        ("100k-bullets", { String(repeating: "- \u{2022}item\n", count: 100_000) }),
        ("abbreviation-dots", { String(repeating: "U.S. ", count: 400_000) }),
    ]

    @Test("Keys stay fast in a 2 MB one-paragraph article (was: every draw measured the whole paragraph)")
    func keysInHugeParagraph() throws {
        let folder = try Self.temporaryFolder("huge-paragraph")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/one-line.md"
        try String(repeating: "word ", count: 400_000).write(toFile: file, atomically: true, encoding: .utf8)
        let timing = folder + "/timing.txt"
        let session = try TmuxSession([file], environment: ["BRIEF_TIMING": timing])
        defer { session.stop() }
        // Wait for the whole parse and the analysis (the status line then shows no work).
        let ready = session.waitFor(timeout: 30) { _ in
            let status = self.statusLine(session)
            return status.contains("%") && !status.contains("reading") && !status.contains("analysing")
        }
        #expect(ready.ok, "\(ready.screen)")
        // One key at a time, each sent once the one before is handled and drawn, so each
        // is timed alone.
        let keys = ["j", "k", "G", "g", "j", "k"]
        let handledBefore = TmuxSession.keysHandled(in: timing)
        for (i, key) in keys.enumerated() {
            session.send(key)
            #expect(TmuxSession.waitForKeys(handledBefore + i + 1, in: timing, timeout: 30), "\(key) not handled")
        }
        session.send("q")
        #expect(session.waitFor("brief exited: 0", timeout: 30).ok)
        let lines = ((try? String(contentsOfFile: timing, encoding: .utf8)) ?? "").split(separator: "\n")
        let microseconds = lines.filter { $0.hasPrefix("key\t") }.compactMap { Int($0.split(separator: "\t")[1]) }
        #expect(microseconds.count >= keys.count, "\(lines)")
        // Before the fix: about 0.5 s a key here in a debug build (2.4 s at 10 MB); now milliseconds.
        let slowest = microseconds.max() ?? 0
        #expect(Double(slowest) < 200_000 * TmuxSession.timeScale, "slowest key \(slowest) µs: \(microseconds)")
        print("huge paragraph: slowest key \(slowest) µs")
    }

    @Test("Pathological inputs open in the reader; G ] / Enter q work and exit 0",
          arguments: Self.pathological.map(\.name))
    func pathologicalInput(_ name: String) throws {
        let folder = try Self.temporaryFolder("pathological-\(name)")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/\(name).md"
        try Self.pathological.first { $0.name == name }!.make().write(toFile: file, atomically: true, encoding: .utf8)
        let session = try TmuxSession([file])
        defer { session.stop() }
        let start = Date()
        let first = session.waitFor(timeout: 10) { _ in
            let rows = session.rows()
            return rows.count == 30 && rows.last!.contains("%")
        }
        #expect(first.ok, "\(name): no first screen in 10 s: \(first.screen)")
        session.send("G")
        session.send("]")
        session.send("/")
        session.type("a")
        session.send("Enter")
        session.send("q")
        let exited = session.waitFor("brief exited:", timeout: 30)
        #expect(exited.ok, "\(name): no exit within 30 s: \(exited.screen)")
        #expect(exited.screen.contains("brief exited: 0"), "\(name): \(exited.screen)")
        print("pathological \(name): opened and quit in \(String(format: "%.2f", Date().timeIntervalSince(start))) s")
    }
}
