import ArgumentParser
import BriefCore
import BriefStore
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

struct NotesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notes",
        abstract: "Add, list, remove and export notes on articles.",
        discussion: """
            Notes live in $XDG_DATA_HOME/brief/notes (default ~/.local/share/brief/notes),
            one JSON file per article, written atomically.
            """,
        subcommands: [AddNote.self, ListNotes.self, RemoveNote.self, ExportNotes.self]
    )
}

/// The store from the environment, shared by the notes subcommands.
func noteStore() -> NoteStore {
    NoteStore.standard(environment: .process)
}

/// Reads and parses one article (a file or a web page), or reports it and exits 1.
func loadArticle(_ path: String) throws -> Article {
    switch ArticleInputs.article(path) {
    case .failure(let error):
        Output.error(error.description)
        throw ExitCode(1)
    case .success(let article):
        return article
    }
}

func report(_ error: StoreError) -> ExitCode {
    Output.error(error.description)
    return ExitCode(1)
}

struct AddNote: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Attach a note to a passage of an article.")

    @Argument(help: "The article: a file or a web page's URL.")
    var path: String

    @Option(help: "The passage, as it stands in the article (whitespace-insensitive).")
    var quote: String

    @Option(help: "The note; empty for a highlight.")
    var note: String = ""

    mutating func run() throws {
        let article = try loadArticle(path)
        guard let anchored = NoteAnchor.note(on: article, quote: quote, text: note) else {
            Output.error("\(path): the quote is not in the article")
            throw ExitCode(1)
        }
        do {
            try noteStore().update(title: article.title, source: FileIO.absolutePath(path)) { notes in
                notes.notes.append(anchored)
            }
        } catch {
            throw report(error)
        }
        Output.write(anchored.id + "\n")
        Output.flush()
    }
}

struct ListNotes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List notes (of one article, or of all).")

    @Argument(help: "The article, a file or a URL (default: every article with notes).")
    var path: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    mutating func run() throws {
        let (reports, failed) = try notesReports(path.map { [$0] } ?? [])
        let notes = reports.flatMap(\.notes)
        switch format {
        case .json:
            var w = JSONWriter()
            NoteExporter.writeNotes(notes, to: &w)
            Output.write(w.string + "\n")
        case .text:
            for placed in notes {
                var line = "\(placed.note.id)  \(placed.title) — line \(placed.placement.line)"
                if placed.placement.isOrphaned { line += " (orphaned)" }
                Output.write(line.withoutControls + "\n")
                Output.write("    “\(placed.note.quote.prefix(100).description.withoutControls)”\n")
                if !placed.note.isHighlight {
                    Output.write("    \(placed.note.note.withoutControls)\n")
                }
            }
            if notes.isEmpty { Output.write("no notes\n") }
        }
        Output.flush()
        if failed { throw ExitCode(1) }
    }
}

struct RemoveNote: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rm", abstract: "Remove a note by its id.")

    @Argument(help: "The note's id (see brief notes list).")
    var id: String

    mutating func run() throws {
        do {
            guard try noteStore().remove(id: id) != nil else {
                Output.error("\(id): no such note")
                throw ExitCode(1)
            }
        } catch let error as StoreError {
            throw report(error)
        }
    }
}

struct ExportNotes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export notes as text, Markdown or JSON.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, json }

    @Argument(help: "Article files, folders or URLs (default: every article with notes).")
    var paths: [String] = []

    @Option(help: "text, markdown or json.")
    var format: Format = .text

    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    mutating func run() throws {
        let (reports, failed) = try notesReports(paths)
        let text = NoteExporter.export(reports, format: NoteExporter.Format(rawValue: format.rawValue) ?? .text,
                                       date: Date())
        if let output {
            do {
                try FileIO.writeAtomically(Array(text.utf8), to: output)
            } catch {
                throw report(error)
            }
        } else {
            Output.write(text)
            Output.flush()
        }
        if failed { throw ExitCode(1) }
    }
}

/// The notes of the given articles (or of every article in the store), placed in the
/// articles' current text. Unreadable paths and notes files are reported, not fatal.
func notesReports(_ paths: [String]) throws -> ([NotesReport], Bool) {
    let store = noteStore()
    var failed = false
    var reports: [NotesReport] = []
    if paths.isEmpty {
        let (all, errors) = store.all()
        for error in errors { Output.error(error.description); failed = true }
        // Web pages from the page cache only: listing or exporting every note never waits
        // on the network (a page no longer kept shows its notes as they were stored).
        var keptOnly = Web.access
        keptOnly.offline = true
        for stored in all where !stored.notes.isEmpty {
            let article = (try? ArticleSource.read(stored.source, web: keptOnly).get())?.article
            reports.append(NotesReport(stored: stored, article: article))
        }
        return (reports, failed)
    }
    for (source, article) in ArticleInputs.load(paths, failed: &failed) {
        do {
            let stored = try store.load(title: article.title, source: FileIO.absolutePath(source))
            if let stored, !stored.notes.isEmpty {
                var named = stored
                named.source = source
                reports.append(NotesReport(stored: named, article: article))
            }
        } catch {
            Output.error(error.description)
            failed = true
        }
    }
    return (reports, failed)
}
