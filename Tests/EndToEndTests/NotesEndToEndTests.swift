import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Notes written in the reader, driven in tmux, then read back with `brief notes`.
@Suite("Notes in tmux", .serialized, .enabled(if: TmuxSession.isInstalled, "tmux not installed"))
struct NotesEndToEndTests {
    static let example = "Articles/microsoft-openai-non-exclusive.txt"
    /// The article's first summary bullet: the first key point (not scored, so stable).
    static let firstBullet = "Microsoft and OpenAI transition from exclusive cloud and IP agreements to non-exclusive terms."

    func statusLine(_ session: TmuxSession) -> String { session.rows().last ?? "" }

    /// Text with its line breaks and runs of spaces made single spaces (the export wraps).
    func collapsed(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    @Test("] a, a note with non-ASCII text, Enter, q: brief notes export has the note and its passage")
    func noteAndExport() throws {
        let session = try TmuxSession([Self.example])
        defer { session.stop() }
        #expect(session.waitFor("key points").ok)
        session.send("]")
        #expect(session.waitFor { _ in self.statusLine(session).contains("key point 1/") }.ok)
        session.send("a")
        #expect(session.waitFor { _ in self.statusLine(session).hasPrefix(" Note:") }.ok)
        session.type("Lecture clé — 重要")
        let typed = session.waitFor { _ in self.statusLine(session) == " Note: Lecture clé — 重要" }
        #expect(typed.ok, "\(typed.screen)")
        session.send("Enter")
        let saved = session.waitFor { _ in self.statusLine(session).contains("note saved") }
        #expect(saved.ok, "\(saved.screen)")
        #expect(statusLine(session).contains("1 note"))
        // The gutter mark on the passage's first line.
        #expect(session.rows().contains { $0.contains("│▶✎• Microsoft and OpenAI transition") })
        session.send("q")
        let exited = session.waitFor("brief exited:")
        #expect(exited.screen.contains("brief exited: 0"), "\(exited.screen)")

        let export = try session.runBrief(["notes", "export"])
        #expect(export.status == 0)
        #expect(export.output.contains("Lecture clé — 重要"), "\(export.output)")
        #expect(collapsed(export.output).contains("“" + Self.firstBullet + "”"), "\(export.output)")
        #expect(export.output.hasPrefix("Microsoft and OpenAI Pivot to Non-Exclusive Partnership Terms\n"))

        // Opened again, the note is there: marked and listed.
        let again = try TmuxSession([Self.example], sharingStateWith: session)
        defer { again.stop() }
        #expect(again.waitFor("1 note").ok)
        again.send("L")
        // The whole list, not only its first row (ncurses writes a screen row by row).
        let list = again.waitFor { $0.contains("Notes · 1") && $0.contains("Lecture clé — 重要") }
        #expect(list.ok, "\(list.screen)")
        #expect(list.screen.contains("Lecture clé — 重要"))
    }

    @Test("A edits a long note in $EDITOR and comes back; m highlights; L d y deletes; e exports")
    func externalEditorHighlightDeleteExport() throws {
        let folder = NSTemporaryDirectory() + "brief-editor-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let script = folder + "/editor.sh"
        try "#!/bin/sh\nprintf 'Written in the editor\\nsecond line\\n' >> \"$1\"\n".write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        let session = try TmuxSession([Self.example], environment: ["EDITOR": script, "VISUAL": ""])
        defer { session.stop() }
        #expect(session.waitFor("key points").ok)
        session.send("]", "A")
        // Redrawn after the editor: ncurses writes row by row, so wait for the text rows too,
        // not only the status line (a capture once fell between them on a loaded machine).
        let saved = session.waitFor { screen in
            screen.contains("note saved") && screen.contains("Microsoft and OpenAI transition from exclusive")
        }
        #expect(saved.ok, "\(saved.screen)")
        #expect(session.alternateScreenOn)
        #expect(saved.screen.contains("Microsoft and OpenAI transition from exclusive"))  // redrawn

        session.send("]", "m")
        #expect(session.waitFor { _ in self.statusLine(session).contains("2 notes") }.ok)
        session.send("L")
        let list = session.waitFor { $0.contains("Notes · 2") && $0.contains("(highlight)") }
        #expect(list.ok, "\(list.screen)")
        #expect(list.screen.contains("Written in the editor ↵ second line"))
        #expect(list.screen.contains("(highlight)"))

        session.send("e")  // edit the first note's text in the one-line editor
        #expect(session.waitFor { _ in self.statusLine(session).hasPrefix(" Edit note: Written in the editor") }.ok)
        session.send("Escape", "j", "d")
        #expect(session.waitFor("Delete this note? y/n").ok)
        session.send("y")
        #expect(session.waitFor("Notes · 1").ok)
        session.send("Escape", "e")
        let exported = session.waitFor { _ in self.statusLine(session).contains("notes exported to ") }
        #expect(exported.ok, "\(exported.screen)")
        let file = session.stateDirectory + "/data/brief/exports/microsoft-and-openai-pivot-to-non-exclusive-part-notes.txt"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        // Under its "Note · TIME:" label, each line of the note kept.
        #expect(text.contains(":\n   Written in the editor\n   second line\n"), "\(text)")
        #expect(!text.contains("Highlight · "))
        session.send("q")
        #expect(session.waitFor("brief exited: 0").ok)
    }
}
