import BriefCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading positions and read flags per article (keyed by absolute path), kept in
/// `$XDG_STATE_HOME/brief/reading` (default `~/.local/state/brief/reading`).
/// One line per article: `read<TAB>block<TAB>offset<TAB>path`; written to a
/// temporary file and renamed, so a crash never leaves half a file.
public struct ReadingStateStore: Sendable {
    public let directory: String
    public private(set) var records: [String: ReadingRecord] = [:]

    public var file: String { directory + "/reading" }

    /// The state directory for this environment, or nil when neither XDG_STATE_HOME nor HOME is set.
    public static func defaultDirectory(environment: Environment) -> String? {
        environment.stateDirectory
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
    public static func key(_ path: String) -> String { FileIO.absolutePath(path) }

    /// Writes the store atomically (see `FileIO.writeAtomically`).
    public func save() throws(StoreError) {
        try FileIO.makeDirectories(directory, mode: 0o755)
        var text = ""
        for (path, record) in records.sorted(by: { $0.key < $1.key }) {
            text += "\(record.read ? 1 : 0)\t\(record.block)\t\(record.offset)\t\(path)\n"
        }
        try FileIO.writeAtomically(Array(text.utf8), to: file, mode: 0o644)
    }
}
