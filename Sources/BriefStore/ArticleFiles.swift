import BriefCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finding and reading article files. A directory means every `*.md`, `*.markdown`, `*.html`, `*.htm` and
/// `*.txt` in it, sorted by name; anything that is not a regular file is refused before
/// it is opened (opening a FIFO would block).
public enum ArticleFiles {
    public static let extensions: Set<String> = ["md", "markdown", "txt", "html", "htm"]

    /// Largest article read into memory.
    public static let maximumSize = 1 << 30

    public static func isArticleName(_ name: String) -> Bool {
        guard !name.hasPrefix("."), let ext = ArticleParser.fileExtension(name) else { return false }
        return extensions.contains(ext)
    }

    /// Expands a command-line path: a file stays itself, a directory becomes its articles.
    public static func expand(_ path: String) -> Result<[String], StoreError> {
        if path == "-" { return .success([path]) }
        var info = stat()
        guard stat(path, &info) == 0 else { return .failure(error(path, errno)) }
        let type = info.st_mode & S_IFMT
        if type == S_IFDIR {
            guard let entries = directoryEntries(path) else { return .failure(error(path, errno)) }
            let names = entries.filter(isArticleName)
            guard !names.isEmpty else {
                return .failure(StoreError(path: path, reason: "no articles here (*.md, *.markdown, *.txt, *.html)"))
            }
            let base = path.hasSuffix("/") ? path : path + "/"
            return .success(names.sorted().map { base + $0 })
        }
        return .success([path])
    }

    /// The size in bytes of a regular file, or nil.
    public static func size(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    /// Reads a whole article file (or standard input for "-").
    public static func read(_ path: String) -> Result<[UInt8], StoreError> {
        if path == "-" { return readAll(fd: 0, path: "-", expected: 0) }
        var info = stat()
        guard stat(path, &info) == 0 else { return .failure(error(path, errno)) }
        let type = info.st_mode & S_IFMT
        if type == S_IFDIR { return .failure(StoreError(path: path, reason: "is a directory")) }
        guard type == S_IFREG else {
            return .failure(StoreError(path: path, reason: "not a regular file"))
        }
        guard Int(info.st_size) <= maximumSize else {
            return .failure(StoreError(path: path, reason: "too large (over 1 GiB)"))
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return .failure(error(path, errno)) }
        defer { close(fd) }
        return readAll(fd: fd, path: path, expected: Int(info.st_size))
    }

    /// The first `count` bytes of a regular file (fewer if it is shorter): enough to show
    /// the beginning of a large article before the rest is read.
    public static func readPrefix(_ path: String, count: Int) -> Result<[UInt8], StoreError> {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return .failure(error(path, errno)) }
        defer { close(fd) }
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: max(count, 0)) { buffer, filled in
            filled = FileIO.readFully(fd, into: buffer, failure: &failure)
        }
        return failure == 0 ? .success(bytes) : .failure(error(path, failure))
    }

    private static func readAll(fd: Int32, path: String, expected: Int) -> Result<[UInt8], StoreError> {
        // A regular file goes straight into an array of its size (one copy, no chunks);
        // what comes after (a growing file, standard input) is read in chunks below.
        var failure: Int32 = 0
        var bytes = [UInt8]()
        if expected > 0 {
            bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, filled in
                filled = FileIO.readFully(fd, into: buffer, failure: &failure)
            }
            if failure == EAGAIN { failure = 0 }  // non-blocking: the loop below waits
            if failure != 0 { return .failure(error(path, failure)) }
            if bytes.count < expected { return .success(bytes) }  // the file ended early
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = FileIO.retrying { chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) } }
            if n < 0 {
                if errno == EAGAIN {
                    // standard input in non-blocking mode: wait until readable
                    var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                    _ = poll(&p, 1, -1)
                    continue
                }
                return .failure(error(path, errno))
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            if bytes.count > maximumSize {
                return .failure(StoreError(path: path, reason: "too large (over 1 GiB)"))
            }
        }
        return .success(bytes)
    }

    static func error(_ path: String, _ code: Int32) -> StoreError { StoreError(path: path, errno: code) }
}

extension ArticleFiles {
    /// Names in a directory (without "." and ".."), sorted; nil when it cannot be read.
    public static func directoryEntries(_ path: String) -> [String]? {
        guard let dir = opendir(path) else { return nil }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }
}
