#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the reader was in one article, and whether it was opened.
public struct ReadingRecord: Sendable, Equatable {
    /// Index in `Article.blocks` of the text at the top of the view; -1 is the title.
    public var block: Int
    /// UTF-8 offset in that block's text.
    public var offset: Int
    public var read: Bool

    public init(block: Int, offset: Int, read: Bool) {
        self.block = block
        self.offset = offset
        self.read = read
    }
}

/// Reading positions and read flags per article (keyed by absolute path), kept in
/// `$XDG_STATE_HOME/brief/reading` (default `~/.local/state/brief/reading`).
/// One line per article: `read<TAB>block<TAB>offset<TAB>path`; written to a
/// temporary file and renamed, so a crash never leaves half a file.
public struct ReadingStateStore: Sendable {
    public let directory: String
    public private(set) var records: [String: ReadingRecord] = [:]

    public var file: String { directory + "/reading" }

    /// The state directory for this environment, or nil when neither XDG_STATE_HOME nor HOME is set.
    public static func defaultDirectory(environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/brief" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.local/state/brief" }
        return nil
    }

    /// Loads the store; a missing or unreadable file is an empty store.
    public init(directory: String) {
        self.directory = directory
        guard case .success(let bytes) = ArticleFiles.read(file) else { return }
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false)
            guard fields.count == 4, let block = Int(fields[1]), let offset = Int(fields[2]) else { continue }
            records[String(fields[3])] = ReadingRecord(block: block, offset: max(0, offset), read: fields[0] == "1")
        }
    }

    public func record(for path: String) -> ReadingRecord? { records[Self.key(path)] }

    public mutating func update(_ path: String, _ record: ReadingRecord) {
        let key = Self.key(path)
        guard !key.utf8.contains(where: { $0 == 0x0A || $0 == 0x09 }) else { return }  // cannot be stored
        records[key] = record
    }

    /// The absolute path, so the same article is found from any working directory.
    public static func key(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Writes the store atomically (temporary file, then rename).
    public func save() throws {
        try Self.makeDirectories(directory)
        var text = ""
        for (path, record) in records.sorted(by: { $0.key < $1.key }) {
            text += "\(record.read ? 1 : 0)\t\(record.block)\t\(record.offset)\t\(path)\n"
        }
        let temporary = file + ".tmp.\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw ArticleFiles.error(temporary, errno) }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                let failure = ArticleFiles.error(temporary, errno)
                close(fd)
                unlink(temporary)
                throw failure
            }
            bytes = bytes.dropFirst(n)
        }
        fsync(fd)
        close(fd)
        guard rename(temporary, file) == 0 else {
            let failure = ArticleFiles.error(file, errno)
            unlink(temporary)
            throw failure
        }
    }

    static func makeDirectories(_ path: String) throws {
        var prefix = ""
        for component in path.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST { throw ArticleFiles.error(prefix, errno) }
        }
    }
}
