import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 16: links are numbered, `u` lists them, Enter opens one in $BROWSER (its address one
/// argument of its own, never read by a shell), `y` copies it, `#anchor` links jump.
@Suite("Links in tmux", .serialized, .enabled(if: TmuxSession.isInstalled, "tmux not installed"))
struct LinksEndToEndTests {
    /// A folder with the article and a browser that records its arguments, one a line.
    static func setUp() throws -> (folder: String, article: String, browser: String, record: String) {
        let folder = NSTemporaryDirectory() + "brief-links-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let article = folder + "/links.md"
        try """
            # Links Everywhere

            Contents: [the later section](#later-section) and [a page](<https://example.invalid/a?b=1&c=$(touch \(folder)/pwned)>).

            Filler paragraph one with enough words to take a line or two of the screen.

            Filler paragraph two with enough words to take a line or two of the screen.

            Filler paragraph three with enough words to take a line or two of the screen.

            Filler paragraph four with enough words to take a line or two of the screen.

            ## Later section

            The anchor lands here.

            Closing paragraph one, so that the heading can come to the top of a small window.

            Closing paragraph two, so that the heading can come to the top of a small window.
            """.write(toFile: article, atomically: true, encoding: .utf8)
        let record = folder + "/opened.txt"
        let browser = folder + "/browser.sh"
        try "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > '\(record).tmp' && mv '\(record).tmp' '\(record)'\n"
            .write(toFile: browser, atomically: true, encoding: .utf8)
        chmod(browser, 0o755)
        return (folder, article, browser, record)
    }

    static func waitForFile(_ path: String, timeout: TimeInterval = 10) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: path, encoding: .utf8) { return text }
            usleep(20_000)
        }
        return nil
    }

    @Test("Link text carries its number; u lists the links; Enter opens one in $BROWSER, the address one argument")
    func openInBrowser() throws {
        let (folder, article, browser, record) = try Self.setUp()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let session = try TmuxSession([article], width: 80, height: 20,
                                      environment: ["BROWSER": browser, "DISPLAY": "", "WAYLAND_DISPLAY": ""])
        defer { session.stop() }
        let shown = session.waitFor("a page[2]")
        #expect(shown.ok, "\(shown.screen)")
        #expect(shown.screen.contains("the later section[1]"))
        session.send("u")
        let list = session.waitFor("Links · 2")
        #expect(list.ok, "\(list.screen)")
        #expect(list.screen.contains("https://example.invalid/a?b=1&c=$(touch"))
        session.send("j", "Enter")
        let opened = Self.waitForFile(record)
        #expect(opened == "https://example.invalid/a?b=1&c=$(touch \(folder)/pwned)\n")
        #expect(!FileManager.default.fileExists(atPath: folder + "/pwned"), "no shell read the address")
        let back = session.waitFor("opened with")
        #expect(back.ok, "\(back.screen)")
    }

    @Test("An #anchor link jumps to its heading inside the article")
    func anchorJumps() throws {
        let (folder, article, _, _) = try Self.setUp()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let session = try TmuxSession([article], width: 60, height: 8)
        defer { session.stop() }
        #expect(session.waitFor("[1]").ok)
        session.send("u")
        #expect(session.waitFor("Links · 2").ok)
        session.send("Enter")
        let jumped = session.waitFor { $0.components(separatedBy: "\n").first?.contains("Later section") ?? false }
        #expect(jumped.ok, "\(jumped.screen)")
    }

    @Test("y copies the address through the terminal (tmux takes it as a paste buffer)")
    func copyLink() throws {
        let (folder, article, _, _) = try Self.setUp()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let session = try TmuxSession(shellCommand: "\"$BRIEF\" '\(article)'", width: 80, height: 20,
                                      configuration: ["set -g set-clipboard on"])
        defer { session.stop() }
        #expect(session.waitFor("[1]").ok)
        session.send("u")
        #expect(session.waitFor("Links · 2").ok)
        session.send("j", "y")
        let copied = session.waitFor("copied")
        #expect(copied.ok, "\(copied.screen)")
        let deadline = Date().addingTimeInterval(10)
        var buffer = ""
        while Date() < deadline {
            buffer = session.tmux(["show-buffer"]).output
            if buffer.contains("example.invalid") { break }
            usleep(20_000)
        }
        #expect(buffer == "https://example.invalid/a?b=1&c=$(touch \(folder)/pwned)")
    }
}
