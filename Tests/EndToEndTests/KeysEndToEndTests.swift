import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 16: keys as terminals send them, and a configuration file of one's own.
@Suite("Terminal keys and the config file in tmux", .serialized, .enabled(if: TmuxSession.isInstalled, "tmux not installed"))
struct KeysEndToEndTests {
    static let example = "Articles/microsoft-openai-non-exclusive.txt"

    func statusLine(_ session: TmuxSession) -> String { session.rows().last ?? "" }

    /// Sends raw bytes, as a terminal would (ESC [ 4 ~ is what tmux sends for End).
    func sendBytes(_ session: TmuxSession, _ bytes: [UInt8]) {
        _ = session.tmux(["send-keys", "-t", "0", "-H"] + bytes.map { String(format: "%02x", $0) })
    }

    @Test("The note editor takes Home and End as ESC [ 1 ~ and ESC [ 4 ~ (TERM=xterm-256color): the note is kept, the key point stays")
    func homeAndEndInTheEditor() throws {
        let session = try TmuxSession([Self.example])
        defer { session.stop() }
        #expect(session.waitFor("key points").ok)
        session.send("]")
        #expect(session.waitFor { _ in self.statusLine(session).contains("key point 1/") }.ok)
        session.send("a")
        #expect(session.waitFor { _ in self.statusLine(session).hasPrefix(" Note:") }.ok)
        session.type("middle")
        #expect(session.waitFor { _ in self.statusLine(session) == " Note: middle" }.ok)
        sendBytes(session, Array("\u{1B}[1~".utf8))  // Home
        session.type("start ")
        sendBytes(session, Array("\u{1B}[4~".utf8))  // End
        session.type(" end")
        sendBytes(session, Array("\u{1B}[200~".utf8))  // a sequence Brief has no use for
        let typed = session.waitFor { _ in self.statusLine(session) == " Note: start middle end" }
        #expect(typed.ok, "\(typed.screen)")
        session.send("Enter")
        let saved = session.waitFor { _ in self.statusLine(session).contains("note saved") }
        #expect(saved.ok, "\(saved.screen)")
        #expect(statusLine(session).contains("key point 1/"), "the key point did not move: \(statusLine(session))")
        session.send("q")
        #expect(session.waitFor("brief exited: 0").ok)
        let export = try session.runBrief(["notes", "export"])
        #expect(export.output.contains("start middle end"), "\(export.output)")
    }

    @Test("A config file binds J to next-key-point; a broken line is named and the rest still applies")
    func configFile() throws {
        let folder = NSTemporaryDirectory() + "brief-config-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder + "/brief", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try """
            [keys]
            "J" = "next-key-point"
            "X" = "no-such-command"
            [colors]
            claim = "bold magenta"
            """.write(toFile: folder + "/brief/config.toml", atomically: true, encoding: .utf8)
        let session = try TmuxSession([Self.example], environment: ["XDG_CONFIG_HOME": folder])
        defer { session.stop() }
        let start = session.waitFor("no-such-command")
        #expect(start.ok, "\(start.screen)")
        #expect(start.screen.contains("config.toml:3: unknown command"))
        session.send("J")
        let moved = session.waitFor { _ in self.statusLine(session).contains("key point 1/6 summary") }
        #expect(moved.ok, "\(moved.screen)")
        session.send("?")
        #expect(session.waitFor("] J").ok)
        session.send("q", "q")
        let exited = session.waitFor("brief exited:")
        #expect(exited.screen.contains("config.toml:3: unknown command \"no-such-command\""), "printed again once the screen is gone: \(exited.screen)")
    }
}
