import BriefCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file operation failed: the path and the system's reason, one line for the user.
public struct StoreError: Error, CustomStringConvertible, Equatable, Sendable {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// The failure `code` (an errno value) on `path`.
    public init(path: String, errno code: Int32) {
        self.init(path: path, reason: String(cString: strerror(code)))
    }

    public var description: String { "\(path.withoutControls): \(reason)" }
}

/// The system calls every store needs, written once: reads and writes that retry when a
/// signal interrupts them, an atomic replacement, folders made on the way, a lock.
public enum FileIO {
    /// Runs a system call until it is not interrupted by a signal (EINTR).
    @inline(__always)
    public static func retrying<T: BinaryInteger>(_ call: () -> T) -> T {
        while true {
            let result = call()
            if result >= 0 || errno != EINTR { return result }
        }
    }

    /// Writes all of `bytes` to `fd`. Returns 0, or the errno of the failure.
    public static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
        var offset = 0
        while offset < bytes.count {
            let n = retrying { write(fd, bytes.baseAddress! + offset, bytes.count - offset) }
            if n < 0 { return errno }
            offset += n
        }
        return 0
    }

    public static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32 {
        bytes.withUnsafeBytes { writeAll(fd, $0) }
    }

    /// Reads into `buffer` until it is full or the file ends; returns how much was read,
    /// with `failure` set to the errno of an error.
    public static func readFully(_ fd: Int32, into buffer: UnsafeMutableBufferPointer<UInt8>,
                                 failure: inout Int32) -> Int {
        var filled = 0
        while filled < buffer.count {
            let n = retrying { read(fd, buffer.baseAddress! + filled, buffer.count - filled) }
            if n < 0 { failure = errno; break }
            if n == 0 { break }
            filled += n
        }
        return filled
    }

    /// The whole content of a small file (notes, state); nil when it does not exist.
    public static func readFile(_ path: String) throws(StoreError) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw StoreError(path: path, errno: errno)
        }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            var failure: Int32 = 0
            let n = chunk.withUnsafeMutableBufferPointer { readFully(fd, into: $0, failure: &failure) }
            if failure != 0 { throw StoreError(path: path, errno: failure) }
            bytes.append(contentsOf: chunk[0..<n])
            if n < chunk.count { return bytes }
        }
    }

    /// Replaces `path` with `bytes` so that a crash leaves the old file or the new one, never
    /// half of one: a new temporary file in the same folder (never a planted one: `O_EXCL`),
    /// `fsync`, `rename` over the target, `fsync` of the folder.
    public static func writeAtomically(_ bytes: [UInt8], to path: String, mode: mode_t = 0o600) throws(StoreError) {
        let directory = folder(of: path)
        var generator = SystemRandomNumberGenerator()
        let name = path.split(separator: "/").last.map(String.init) ?? "file"
        let temporary = "\(directory)/.\(name).tmp-\(getpid())-\(generator.next() as UInt32)"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard fd >= 0 else { throw StoreError(path: temporary, errno: errno) }
        var failure = writeAll(fd, bytes)
        if failure == 0, fsync(fd) != 0 { failure = errno }
        close(fd)
        if failure == 0, rename(temporary, path) != 0 { failure = errno }
        guard failure == 0 else {
            unlink(temporary)
            throw StoreError(path: path, errno: failure)
        }
        let folderFD = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderFD >= 0 {
            _ = fsync(folderFD)
            close(folderFD)
        }
    }

    /// The folder holding `path` ("." for a bare name).
    public static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Makes `path` and the folders above it that are missing.
    public static func makeDirectories(_ path: String, mode: mode_t = 0o700) throws(StoreError) {
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, mode) != 0 && errno != EEXIST { throw StoreError(path: prefix, errno: errno) }
        }
    }

    /// Takes an exclusive `flock` on `path` (created if missing); `unlock` gives it back.
    public static func lock(_ path: String) throws(StoreError) -> Int32 {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StoreError(path: path, errno: errno) }
        if retrying({ flock(fd, LOCK_EX) }) != 0 {
            let failure = errno
            close(fd)
            throw StoreError(path: path, errno: failure)
        }
        return fd
    }

    public static func unlock(_ fd: Int32) {
        _ = flock(fd, LOCK_UN)
        close(fd)
    }

    /// The absolute path of an existing file (symbolic links resolved), else `path` itself.
    public static func absolutePath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
