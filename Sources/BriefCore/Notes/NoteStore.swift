import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

public struct NoteStoreError: Error, CustomStringConvertible, Equatable {
    public var path: String
    public var reason: String
    public var description: String { "\(path.withoutControls): \(reason)" }
}

/// The notes of one article as stored on disk (pretty-printed JSON, one file per article).
public struct ArticleNotes: Codable, Sendable, Equatable {
    public var format = "brief-notes/1"
    public var title: String
    /// Where the article was last seen (absolute path).
    public var source: String
    public var notes: [Note]

    public init(title: String, source: String, notes: [Note] = []) {
        self.title = title
        self.source = source
        self.notes = notes
    }
}

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
    public static func standard(environment: [String: String]) -> NoteStore {
        let base: String
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            base = data
        } else {
            base = (environment["HOME"] ?? "/tmp") + "/.local/share"
        }
        return NoteStore(directory: base + "/brief/notes")
    }

    // MARK: Keys

    /// File name for an article: readable slug + 64-bit FNV-1a of the normalized title.
    public static func fileName(forTitle title: String) -> String {
        let normalized = collapseWhitespace(Array(title.lowercased().utf8))
        var hash: UInt64 = 0xcbf29ce484222325
        for b in normalized.utf8 { hash = (hash ^ UInt64(b)) &* 0x100000001b3 }
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
        let hex = String(hash, radix: 16)
        return (slug.isEmpty ? "article" : slug) + "-" + String(repeating: "0", count: 16 - hex.count) + hex + ".json"
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
    public func load(title: String, source: String) throws(NoteStoreError) -> ArticleNotes? {
        try load(path: locate(title: title, source: source))
    }

    // MARK: Reading

    /// The stored notes for an article title; empty when there are none.
    public func load(title: String) throws(NoteStoreError) -> ArticleNotes? {
        try load(path: path(forTitle: title))
    }

    public func load(path: String) throws(NoteStoreError) -> ArticleNotes? {
        guard let data = try Self.readFile(path) else { return nil }
        do {
            return try Self.decoder.decode(ArticleNotes.self, from: Data(data))
        } catch {
            throw NoteStoreError(path: path, reason: "cannot be read as a notes file (left untouched)")
        }
    }

    /// Every notes file in the store, sorted by article title. Files that cannot be parsed
    /// are returned as errors, never skipped silently.
    public func all() -> (articles: [ArticleNotes], errors: [NoteStoreError]) {
        var articles: [ArticleNotes] = []
        var errors: [NoteStoreError] = []
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
                       _ change: (inout ArticleNotes) throws(NoteStoreError) -> Void) throws(NoteStoreError) -> ArticleNotes {
        try ensureDirectory()
        let lock = try Self.lock(directory + "/.lock")
        defer { Self.unlock(lock) }
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
    public func remove(id: String) throws(NoteStoreError) -> ArticleNotes? {
        try ensureDirectory()
        let lock = try Self.lock(directory + "/.lock")
        defer { Self.unlock(lock) }
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

    private func write(_ notes: ArticleNotes, to file: String) throws(NoteStoreError) {
        let data: Data
        do { data = try Self.encoder.encode(notes) } catch {
            throw NoteStoreError(path: file, reason: "cannot encode notes")
        }
        try Self.writeAtomically(Array(data) + [0x0A], to: file, directory: directory)
    }

    private func backUpCorruptFile(_ file: String) throws(NoteStoreError) {
        guard let bytes = try Self.readFile(file) else { return }
        let stamp = Int(Date().timeIntervalSince1970)
        let base = file.hasSuffix(".json") ? String(file.dropLast(5)) : file
        try Self.writeAtomically(bytes, to: "\(base).corrupt-\(stamp)-\(getpid()).json", directory: directory)
    }

    private func ensureDirectory() throws(NoteStoreError) {
        var path = ""
        for part in directory.split(separator: "/", omittingEmptySubsequences: false) {
            path += (path.isEmpty && part.isEmpty) ? "/" : (path.hasSuffix("/") ? "" : "/") + part
            if part.isEmpty { continue }
            if mkdir(path, 0o700) != 0 && errno != EEXIST {
                throw NoteStoreError(path: path, reason: String(cString: strerror(errno)))
            }
        }
    }

    static func readFile(_ path: String) throws(NoteStoreError) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw NoteStoreError(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw NoteStoreError(path: path, reason: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return bytes
    }

    /// Temporary file in the same folder, fsync, rename over the target, fsync the folder.
    public static func writeAtomically(_ bytes: [UInt8], to path: String, directory: String) throws(NoteStoreError) {
        var generator = SystemRandomNumberGenerator()
        let name = path.split(separator: "/").last.map(String.init) ?? "notes"
        let temp = "\(directory)/.\(name).tmp-\(getpid())-\(generator.next() as UInt32)"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw NoteStoreError(path: temp, reason: String(cString: strerror(errno))) }
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                close(fd); unlink(temp)
                throw NoteStoreError(path: path, reason: reason)
            }
            offset += n
        }
        if fsync(fd) != 0 {
            let reason = String(cString: strerror(errno))
            close(fd); unlink(temp)
            throw NoteStoreError(path: path, reason: reason)
        }
        close(fd)
        if rename(temp, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temp)
            throw NoteStoreError(path: path, reason: reason)
        }
        let dirfd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dirfd >= 0 {
            _ = fsync(dirfd)
            close(dirfd)
        }
    }

    static func lock(_ path: String) throws(NoteStoreError) -> Int32 {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw NoteStoreError(path: path, reason: String(cString: strerror(errno))) }
        while flock(fd, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            let reason = String(cString: strerror(errno))
            close(fd)
            throw NoteStoreError(path: path, reason: reason)
        }
        return fd
    }

    static func unlock(_ fd: Int32) {
        _ = flock(fd, LOCK_UN)
        close(fd)
    }

    static func list(_ directory: String) -> [String] {
        ArticleFiles.directoryEntries(directory) ?? []
    }
}
