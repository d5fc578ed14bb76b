import BriefCore
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Notes on disk under `$XDG_DATA_HOME/brief/notes` (default `~/.local/share/brief/notes`).
///
/// - One file per article, named after the article's title (a slug plus a hash of the
///   normalized title), so notes follow an article that is moved or renamed.
/// - Every change is a locked read-modify-write (`flock` on `notes/.lock`), so concurrent
///   Brief processes never lose each other's notes.
/// - Writes are atomic: a temporary file in the same folder, `fsync`, `rename`, `fsync`
///   of the folder. A killed process leaves the old file or the new one, never half of one.
/// - A file that cannot be parsed is reported and left as it is; before anything new is
///   written for that article it is copied to `NAME.corrupt-TIMESTAMP.json`.
public struct NoteStore: Sendable {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// The default location from the environment.
    public static func standard(environment: Environment) -> NoteStore {
        NoteStore(directory: environment.dataHome + "/brief/notes")
    }

    /// Where exported notes go: `exports` next to the notes folder.
    public var exportDirectory: String {
        (directory.hasSuffix("/notes") ? String(directory.dropLast(6)) : directory) + "/exports"
    }

    /// The export file of an article's notes: the notes file's slug, without its hash.
    public static func exportFileName(forTitle title: String) -> String {
        slug(of: title) + "-notes.txt"
    }

    // MARK: Keys

    /// File name for an article: readable slug + 64-bit FNV-1a of the normalized title.
    public static func fileName(forTitle title: String) -> String {
        let normalized = collapseWhitespace(Array(title.lowercased().utf8))
        var hash: UInt64 = 0xcbf29ce484222325
        for b in normalized.utf8 { hash = (hash ^ UInt64(b)) &* 0x100000001b3 }
        let hex = String(hash, radix: 16)
        return slug(of: title) + "-" + String(repeating: "0", count: 16 - hex.count) + hex + ".json"
    }

    /// The readable part of a file name: letters and digits of the title, dashes between.
    static func slug(of title: String) -> String {
        let normalized = collapseWhitespace(Array(title.lowercased().utf8))
        var slug = ""
        for scalar in normalized.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.hasSuffix("-") && !slug.isEmpty {
                slug += "-"
            }
            if slug.unicodeScalars.count >= 48 { break }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? "article" : slug
    }

    public func path(forTitle title: String) -> String { directory + "/" + Self.fileName(forTitle: title) }

    /// The file holding an article's notes: by title, or else the file whose article was
    /// last seen at `source` (the title was edited), or else the new file for the title.
    public func locate(title: String, source: String) -> String {
        let byTitle = path(forTitle: title)
        if access(byTitle, F_OK) == 0 { return byTitle }
        for name in Self.list(directory) where name.hasSuffix(".json") && !name.hasPrefix(".") && !name.contains(".corrupt-") {
            let file = directory + "/" + name
            if let notes = try? load(path: file), notes.source == source { return file }
        }
        return byTitle
    }

    /// The stored notes of an article seen at `source` with `title`.
    public func load(title: String, source: String) throws(StoreError) -> ArticleNotes? {
        try load(path: locate(title: title, source: source))
    }

    // MARK: Reading

    /// The stored notes for an article title; empty when there are none.
    public func load(title: String) throws(StoreError) -> ArticleNotes? {
        try load(path: path(forTitle: title))
    }

    public func load(path: String) throws(StoreError) -> ArticleNotes? {
        guard let data = try FileIO.readFile(path) else { return nil }
        do {
            return try Self.decoder.decode(ArticleNotes.self, from: Data(data))
        } catch {
            throw StoreError(path: path, reason: "cannot be read as a notes file (left untouched)")
        }
    }

    /// Every notes file in the store, sorted by article title. Files that cannot be parsed
    /// are returned as errors, never skipped silently.
    public func all() -> (articles: [ArticleNotes], errors: [StoreError]) {
        var articles: [ArticleNotes] = []
        var errors: [StoreError] = []
        for name in Self.list(directory) where name.hasSuffix(".json") && !name.hasPrefix(".")
            && !name.contains(".corrupt-") {
            do {
                if let notes = try load(path: directory + "/" + name) { articles.append(notes) }
            } catch {
                errors.append(error)
            }
        }
        articles.sort { $0.title.lowercased() < $1.title.lowercased() }
        return (articles, errors)
    }

    // MARK: Changing

    /// Applies `change` to an article's notes under the store lock and writes the result
    /// atomically. Returns what was written.
    @discardableResult
    public func update(title: String, source: String,
                       _ change: (inout ArticleNotes) throws(StoreError) -> Void) throws(StoreError) -> ArticleNotes {
        try ensureDirectory()
        let lock = try FileIO.lock(directory + "/.lock")
        defer { FileIO.unlock(lock) }
        let found = locate(title: title, source: source)
        let file = path(forTitle: title)
        var notes: ArticleNotes
        do {
            notes = try load(path: found) ?? ArticleNotes(title: title, source: source)
        } catch {
            // Keep the unreadable file's content before anything new is written.
            try backUpCorruptFile(found)
            notes = ArticleNotes(title: title, source: source)
        }
        notes.title = title
        notes.source = source
        try change(&notes)
        try write(notes, to: file)
        if found != file { unlink(found) }  // the title changed: the notes move to the new name
        return notes
    }

    /// Removes the note with `id` from whichever article holds it; returns that article's notes.
    public func remove(id: String) throws(StoreError) -> ArticleNotes? {
        try ensureDirectory()
        let lock = try FileIO.lock(directory + "/.lock")
        defer { FileIO.unlock(lock) }
        for name in Self.list(directory) where name.hasSuffix(".json") && !name.hasPrefix(".") && !name.contains(".corrupt-") {
            let file = directory + "/" + name
            guard var notes = try? load(path: file), notes.notes.contains(where: { $0.id == id }) else { continue }
            notes.notes.removeAll { $0.id == id }
            try write(notes, to: file)
            return notes
        }
        return nil
    }

    // MARK: Files

    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        e.dateEncodingStrategy = .iso8601
        return e
    }()

    static let decoder: JSONDecoder = {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .iso8601
        return d
    }()

    private func write(_ notes: ArticleNotes, to file: String) throws(StoreError) {
        let data: Data
        do { data = try Self.encoder.encode(notes) } catch {
            throw StoreError(path: file, reason: "cannot encode notes")
        }
        try FileIO.writeAtomically(Array(data) + [0x0A], to: file)
    }

    private func backUpCorruptFile(_ file: String) throws(StoreError) {
        guard let bytes = try FileIO.readFile(file) else { return }
        let stamp = Int(Date().timeIntervalSince1970)
        let base = file.hasSuffix(".json") ? String(file.dropLast(5)) : file
        try FileIO.writeAtomically(bytes, to: "\(base).corrupt-\(stamp)-\(getpid()).json")
    }

    private func ensureDirectory() throws(StoreError) {
        try FileIO.makeDirectories(directory)
    }

    static func list(_ directory: String) -> [String] {
        ArticleFiles.directoryEntries(directory) ?? []
    }
}
