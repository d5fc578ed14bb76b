import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// An article on standard input and the output a terminal: as with less, the text comes from
/// the pipe and the keys from the terminal (/dev/tty).
@Suite("Piped input in tmux", .serialized, .enabled(if: TmuxSession.isInstalled, "tmux not installed: the piped-input tests are skipped"))
struct PipedInputEndToEndTests {
    static let article = #"printf '# T\n\nA sentence. Another one must.\n'"#

    static func temporaryFolder(_ name: String) throws -> String {
        let folder = NSTemporaryDirectory() + "brief-piped-\(getpid())-\(name)"
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    func statusLine(_ session: TmuxSession) -> String { session.rows().last ?? "" }

    /// `ARTICLE | brief ARGS` in a pane; after brief, its status and the terminal's modes.
    func piped(_ arguments: String, folder: String, environment: String = "") throws -> TmuxSession {
        let timing = folder + "/timing.txt"
        return try TmuxSession(shellCommand: "\(Self.article) | \(environment) BRIEF_TIMING='\(timing)' \"$BRIEF\" \(arguments); "
            + "echo \"brief exited: $?\"; stty -a > '\(folder)/stty.txt'; sleep 600", width: 80, height: 24)
    }

    @Test("cat article | brief - (and | brief): the reader shows it, j is handled, q exits 0, the terminal sane",
          arguments: ["-", ""])
    func readerFromPipe(arguments: String) throws {
        let folder = try Self.temporaryFolder("reader\(arguments.isEmpty ? "" : "-dash")")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let session = try piped(arguments, folder: folder)
        defer { session.stop() }
        let reader = session.waitFor { $0.contains("A sentence. Another one must.") && self.statusLine(session).contains("T") }
        #expect(reader.ok, "\(reader.screen)")
        #expect(session.alternateScreenOn)
        #expect(!reader.screen.contains("brief exited"))
        #expect(statusLine(session).hasPrefix(" T"), "\(statusLine(session))")
        let timing = folder + "/timing.txt"
        let handled = TmuxSession.keysHandled(in: timing)
        session.send("j")
        #expect(TmuxSession.waitForKeys(handled + 1, in: timing), "j never reached brief")
        #expect(session.alternateScreenOn)
        session.send("q")
        let exited = session.waitFor("brief exited:")
        #expect(exited.screen.contains("brief exited: 0"), "\(exited.screen)")
        #expect(!session.alternateScreenOn)
        let modes = HardeningEndToEndTests.waitForFile(folder + "/stty.txt")
        #expect(HardeningEndToEndTests.isSane(modes), "stty -a after q: \(modes)")
    }

    @Test("Piped in and piped out: the outline is printed and brief exits, as before")
    func outlineWhenOutputIsAPipe() throws {
        let folder = try Self.temporaryFolder("outline")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let session = try TmuxSession(shellCommand: "\(Self.article) | \"$BRIEF\" - | cat; "
            + "echo \"brief exited: ${PIPESTATUS[1]}\"; sleep 600", width: 80, height: 24)
        defer { session.stop() }
        let done = session.waitFor("brief exited:")
        #expect(done.screen.contains("brief exited: 0"), "\(done.screen)")
        #expect(done.screen.contains("T\n"))
        #expect(done.screen.contains("3  ¶ A sentence."), "\(done.screen)")
        #expect(!done.screen.contains("key point"))  // no reader status line
    }

    @Test("$EDITOR started from a piped reader gets the terminal as its standard input, not the spent pipe")
    func editorGetsTheTerminal() throws {
        let folder = try Self.temporaryFolder("editor")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let editor = folder + "/editor.sh"
        try """
            #!/bin/sh
            if [ -t 0 ]; then printf 'editor input is a terminal\\n' >> "$1"; else printf 'editor input is not a terminal\\n' >> "$1"; fi
            """.write(toFile: editor, atomically: true, encoding: .utf8)
        chmod(editor, 0o755)
        let session = try piped("-", folder: folder, environment: "VISUAL= EDITOR='\(editor)'")
        defer { session.stop() }
        #expect(session.waitFor("A sentence. Another one must.").ok)
        session.send("A")
        let saved = session.waitFor { _ in self.statusLine(session).contains("note saved") }
        #expect(saved.ok, "\(saved.screen)")
        session.send("L")
        let list = session.waitFor("editor input")
        #expect(list.screen.contains("editor input is a terminal"), "\(list.screen)")
        session.send("Escape", "q")
        #expect(session.waitFor("brief exited: 0").ok)
    }
}
