import BriefProcess
import Foundation
import Testing
@testable import BriefCore
@testable import BriefStore

@Suite("Notes: storage, export and durability", .serialized)
struct NotesStoreTests {
    static let article = """
        Café Prices and the Euro’s Long Shadow
        By Ana Duarte
        March 4, 2026
        - •Espresso costs more everywhere, but not for the same reasons.
        Prices in Lisbon rose 12% last year. The rise reflects rents, not coffee.
        The Yen Factor
        In Tokyo the story is the yen. 輸入豆の価格が上がった。
        """

    func parsed() -> Article { ArticleParser.parse(Self.article, fileName: "cafe.txt") }

    func fixedNotes() -> ArticleNotes {
        let a = parsed()
        let date = Date(timeIntervalSince1970: 1_790_000_000)
        var first = NoteAnchor.note(on: a, quote: "The rise reflects rents, not coffee.", text: "Rents: check the 2025 data — «très important».")!
        first.id = "0000000a"; first.created = date; first.updated = date
        var second = NoteAnchor.note(on: a, quote: "輸入豆の価格が上がった。", text: "")!
        second.id = "0000000b"; second.created = date; second.updated = date
        var third = NoteAnchor.note(on: a, quote: "Espresso costs more everywhere", text: "Summary point.\nSecond line of the note.")!
        third.id = "0000000c"; third.created = date; third.updated = date
        third.updated = date.addingTimeInterval(86_400 + 3_600)  // edited the next day
        var gone = Note(quote: "A sentence that was deleted from the article.", line: 9, note: "Still kept.",
                        created: date)
        gone.id = "0000000d"
        return ArticleNotes(title: a.title, source: "Articles/cafe.txt", notes: [first, second, gone, third])
    }

    @Test("Export golden files: text, Markdown and JSON, with non-ASCII notes", arguments: NoteExporter.Format.allCases)
    func golden(format: NoteExporter.Format) throws {
        let report = NotesReport(stored: fixedNotes(), article: parsed())
        let output = NoteExporter.export([report], format: format, date: Date(timeIntervalSince1970: 1_795_700_000),
                                         offset: Self.lisbonSummer)
        let ext = ["text": "txt", "markdown": "md", "json": "json"][format.rawValue]!
        let path = packageRoot + "/Tests/BriefCoreTests/Golden/notes-export." + ext
        if ProcessInfo.processInfo.environment["BRIEF_UPDATE_GOLDEN"] == "1" {
            try Data(output.utf8).write(to: URL(fileURLWithPath: path))  // review the diff before committing
        }
        let expected = String(decoding: try ArticleFiles.read(path).get(), as: UTF8.self)
        #expect(output == expected)
        if format == .text {
            #expect(output.split(separator: "\n").allSatisfy { DisplayWidth.of($0) <= 72 })
        }
    }

    /// Local time an hour ahead of UTC, whatever zone the tests run in.
    static let lisbonSummer: NoteExporter.UTCOffset = { _ in 3_600 }

    func export(_ format: NoteExporter.Format) -> String {
        NoteExporter.export([NotesReport(stored: fixedNotes(), article: parsed())], format: format,
                            date: Date(timeIntervalSince1970: 1_795_700_000), offset: Self.lisbonSummer)
    }

    @Test("Text export: the note is labelled and indented apart from its quote")
    func textNoteLabelled() throws {
        let lines = export(.text).split(separator: "\n").map(String.init)
        let quote = try #require(lines.firstIndex { $0.contains("“The rise reflects rents, not coffee.”") })
        let indent = { (line: String) in line.prefix { $0 == " " }.count }
        let label = lines[quote + 1]
        #expect(label.trimmingCharacters(in: .whitespaces).hasPrefix("Note · "))
        #expect(indent(label) < indent(lines[quote]))
        #expect(lines[quote + 2].trimmingCharacters(in: .whitespaces) == "Rents: check the 2025 data — «très important».")
        #expect(indent(lines[quote + 2]) < indent(lines[quote]))
        let highlight = try #require(lines.firstIndex { $0.contains("“輸入豆の価格が上がった。”") })
        #expect(lines[highlight + 1].trimmingCharacters(in: .whitespaces).hasPrefix("Highlight · "))
    }

    @Test("Text and Markdown exports: byline, the article's date, the export and note times in local time",
          arguments: [NoteExporter.Format.text, .markdown])
    func bylineDateAndTimes(format: NoteExporter.Format) {
        let output = export(format)
        #expect(output.contains("By Ana Duarte · March 4, 2026"))
        // 1_790_000_000 is 2026-09-21 14:13:20 UTC, 15:13 an hour east; the export 2026-11-26 13:33 UTC.
        #expect(output.contains("21 Sep 2026, 15:13"))
        #expect(output.contains("26 Nov 2026, 14:33"))
        #expect(output.contains("(edited 22 Sep 2026, 16:13)"))
        #expect(!output.contains("2026-09-21"))
    }

    @Test("A web page's ISO date reads as a date; no byline or date: no empty line for them")
    func articleDates() {
        var page = parsed()
        page.byline = nil
        page.dateline = nil
        page.published = "2026-03-04T17:30:00Z"
        let dated = NoteExporter.text([NotesReport(stored: fixedNotes(), article: page)], date: Date(), offset: Self.lisbonSummer)
        #expect(dated.split(separator: "\n")[1] == "4 Mar 2026")
        page.published = nil
        let undated = NoteExporter.text([NotesReport(stored: fixedNotes(), article: page)], date: Date(), offset: Self.lisbonSummer)
        #expect(undated.split(separator: "\n")[1] == "Source: Articles/cafe.txt")
    }

    @Test("Markdown headings name the section or the passage, never just a line number")
    func markdownHeadings() {
        let headings = export(.markdown).split(separator: "\n").filter { $0.hasPrefix("#") }
        #expect(headings.count == 7)
        #expect(headings.contains("## The Yen Factor"))
        #expect(headings.last == "### “A sentence that was deleted from the article.”")
        #expect(headings.dropLast().last == "## Passages no longer in the article")
        #expect(headings.contains("### “Espresso costs more everywhere”"))
        #expect(headings.contains("### “The rise reflects rents, not coffee.”"))
        #expect(!headings.contains { $0.contains("line ") })
        #expect(NoteExporter.firstWords("one two three four five six seven eight nine ten") == "one two three four five six seven eight…")
    }

    @Test("JSON export: byline, the article's date and each note's creation time")
    func jsonFields() throws {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(export(.json).utf8)) as? [String: Any])
        let article = try #require((object["articles"] as? [[String: Any]])?.first)
        #expect(article["byline"] as? String == "By Ana Duarte")
        #expect(article["date"] as? String == "March 4, 2026")
        #expect(Array(article.keys).contains("title") && article["source"] as? String == "Articles/cafe.txt")
        let notes = try #require(article["notes"] as? [[String: Any]])
        #expect(notes.allSatisfy { ($0["created"] as? String)?.hasSuffix("Z") == true })
    }

    @Test("Reading order puts orphaned notes last")
    func order() {
        let report = NotesReport(stored: fixedNotes(), article: parsed())
        #expect(report.notes.map(\.note.id) == ["0000000c", "0000000a", "0000000b", "0000000d"])
        #expect(report.notes.map(\.placement.status) == [.attached, .attached, .attached, .orphaned])
        #expect(report.notes.map(\.placement.line) == [4, 5, 7, 9])
        #expect(report.notes[2].placement.section == ["The Yen Factor"])
    }

    @Test("Atomic update, notes follow a renamed file and an edited title")
    func storage() throws {
        let dir = try BriefProcess.temporaryDirectory("store")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = NoteStore(directory: dir.path + "/notes")
        try store.update(title: "A Title", source: "/x/a.txt") { $0.notes.append(Note(quote: "q", line: 1, note: "one")) }
        try store.update(title: "A Title", source: "/y/renamed.txt") { $0.notes.append(Note(quote: "q2", line: 2, note: "two")) }
        #expect(try store.load(title: "A Title")?.notes.map(\.note) == ["one", "two"])
        // The title was edited: found by the source path, and moved to the new name.
        try store.update(title: "A Better Title", source: "/y/renamed.txt") { $0.notes.append(Note(quote: "q3", line: 3, note: "three")) }
        #expect(try store.load(title: "A Better Title")?.notes.count == 3)
        #expect(try store.load(title: "A Title") == nil)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path + "/notes").filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }

    @Test("A corrupt notes file is reported, left as it is, and backed up before a new note is written")
    func corrupt() throws {
        let dir = try BriefProcess.temporaryDirectory("corrupt")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = NoteStore(directory: dir.path)
        let path = store.path(forTitle: "T")
        let garbage = Data("{ \"notes\": [ this is not json".utf8)
        try garbage.write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.self) { try store.load(title: "T") }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage)
        let (articles, errors) = store.all()
        #expect(articles.isEmpty && errors.count == 1)
        try store.update(title: "T", source: "/t.txt") { $0.notes.append(Note(quote: "q", line: 1, note: "new")) }
        let backups = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".corrupt-") }
        #expect(backups.count == 1)
        #expect(try Data(contentsOf: dir.appendingPathComponent(backups[0])) == garbage)
        #expect(try store.load(title: "T")?.notes.map(\.note) == ["new"])
    }

    // MARK: Processes

    static var binaryExists: Bool { BriefProcess.exists }
    static let example = "Articles/microsoft-openai-non-exclusive.txt"
    static let quote = "This flexibility is a hallmark of a robust, production-grade ecosystem"

    func notesJSON(_ env: [String: String]) throws -> [[String: Any]] {
        let r = try BriefProcess.run(["notes", "list", "--format", "json"], environment: env)
        #expect(r.status == 0, "notes list failed: \(r.err)")
        return try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [[String: Any]] ?? []
    }

    @Test("12 concurrent adds all survive", .enabled(if: binaryExists, "brief not built"))
    func concurrentAdds() throws {
        let dir = try BriefProcess.temporaryDirectory("concurrent")
        defer { try? FileManager.default.removeItem(at: dir) }
        let env = ["XDG_DATA_HOME": dir.path]
        let processes = try (0..<12).map { i in
            try BriefProcess.start(["notes", "add", Self.example, "--quote", Self.quote, "--note", "concurrent \(i) — ✓"],
                                   environment: env)
        }
        for (p, _, _) in processes { p.waitUntilExit(); #expect(p.terminationStatus == 0) }
        let notes = try notesJSON(env)
        #expect(Set(notes.compactMap { $0["note"] as? String }) == Set((0..<12).map { "concurrent \($0) — ✓" }))
    }

    @Test("SIGKILL at random moments, 200 times: never a broken file, never a lost note",
          .enabled(if: binaryExists, "brief not built"))
    func killLoop() throws {
        let dir = try BriefProcess.temporaryDirectory("kill")
        defer { try? FileManager.default.removeItem(at: dir) }
        let env = ["XDG_DATA_HOME": dir.path]
        var confirmed: Set<String> = []
        var killed = 0
        // Kill at random moments across the whole life of an add, however loaded the machine:
        // time one complete add first, then pick delays up to 1.5 times that.
        let started = Date()
        #expect(try BriefProcess.run(["notes", "add", Self.example, "--quote", Self.quote, "--note", "timing run"],
                                     environment: env).status == 0)
        confirmed.insert("timing run")
        let lifetime = UInt32(Date().timeIntervalSince(started) * 1_500_000)
        for i in 0..<200 {
            let (p, out, _) = try BriefProcess.start(["notes", "add", Self.example, "--quote", Self.quote,
                                                      "--note", "kill test \(i)"], environment: env)
            usleep(UInt32.random(in: 0...max(lifetime, 1_000)))
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            _ = out.fileHandleForReading.readDataToEndOfFile()
            if p.terminationReason == .exit && p.terminationStatus == 0 {
                confirmed.insert("kill test \(i)")
            } else {
                killed += 1
            }
            // The file is whole after every kill.
            let store = NoteStore(directory: dir.path + "/brief/notes")
            let (articles, errors) = store.all()
            #expect(errors.isEmpty, "unreadable notes after kill \(i): \(errors)")
            let stored = Set(articles.flatMap(\.notes).map(\.note))
            #expect(confirmed.isSubset(of: stored), "a confirmed note was lost after kill \(i)")
        }
        print("kill loop: \(killed) of 200 adds killed, \(confirmed.count - 1) completed, all confirmed notes kept")
        #expect(killed > 0 && confirmed.count > 1, "the kills should land both before and after success")
    }

    @Test("notes add with a quote that is not in the article fails with one line and status 1",
          .enabled(if: binaryExists, "brief not built"))
    func missingQuote() throws {
        let dir = try BriefProcess.temporaryDirectory("missing")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try BriefProcess.run(["notes", "add", Self.example, "--quote", "words that are not there", "--note", "x"],
                                     environment: ["XDG_DATA_HOME": dir.path])
        #expect(r.status == 1)
        #expect(r.err == "brief: \(Self.example): the quote is not in the article\n")
        let rm = try BriefProcess.run(["notes", "rm", "deadbeef"], environment: ["XDG_DATA_HOME": dir.path])
        #expect(rm.status == 1)
        #expect(rm.err == "brief: deadbeef: no such note\n")
    }

    @Test("add, list, export and rm from the command line", .enabled(if: binaryExists, "brief not built"))
    func commandLine() throws {
        let dir = try BriefProcess.temporaryDirectory("cli-notes")
        defer { try? FileManager.default.removeItem(at: dir) }
        let env = ["XDG_DATA_HOME": dir.path]
        let add = try BriefProcess.run(["notes", "add", Self.example, "--quote", Self.quote, "--note", "Nota bene: 強い主張"],
                                       environment: env)
        #expect(add.status == 0)
        let id = add.out.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(id.count == 8)
        let notes = try notesJSON(env)
        #expect(notes.count == 1)
        #expect(notes.first?["id"] as? String == id)
        #expect(notes.first?["line"] as? Int == 8)
        #expect(notes.first?["orphaned"] as? Bool == false)
        for key in ["id", "source", "quote", "note", "line", "section", "orphaned", "created"] {
            #expect(notes.first?[key] != nil, "missing \(key)")
        }
        let export = try BriefProcess.run(["notes", "export", "--format", "text"], environment: env)
        #expect(export.out.contains("Nota bene: 強い主張"))
        #expect(export.out.contains("This flexibility is a hallmark"))
        let file = dir.appendingPathComponent("out.md").path
        let toFile = try BriefProcess.run(["notes", "export", "--format", "markdown", "-o", file], environment: env)
        #expect(toFile.status == 0)
        #expect(try String(contentsOfFile: file, encoding: .utf8).hasPrefix("# Microsoft and OpenAI"))
        #expect(try BriefProcess.run(["notes", "rm", id], environment: env).status == 0)
        #expect(try notesJSON(env).isEmpty)
    }
}
