import BriefStore
#if canImport(Glibc)
import Glibc
#endif

/// A failure to show in the status line or on standard error, in words.
public struct RuntimeFailure: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Waiting for a program Brief started (the editor, a terminal browser).
enum ChildProcess {
    /// Its exit status as a shell gives it (128 + the signal that ended it), -1 when it cannot
    /// be waited for.
    static func wait(_ pid: pid_t) -> Int32 {
        var code: Int32 = 0
        guard FileIO.retrying({ waitpid(pid, &code, 0) }) >= 0 else { return -1 }
        return (code & 0x7f) == 0 ? (code >> 8) & 0xff : 128 + (code & 0x7f)
    }
}

/// Runs $VISUAL, $EDITOR or vi on a temporary file, for notes longer than a line.
public struct ExternalEditor: Sendable {
    public let environment: Environment

    public init(environment: Environment) {
        self.environment = environment
    }

    /// The temporary file holding `text`, for the editor to open.
    func prepare(_ text: String) -> Result<String, RuntimeFailure> {
        let folder = environment.temporaryDirectory
        var template = Array((folder + "/brief-note-XXXXXX.txt").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, 4) }
        guard fd >= 0 else {
            return .failure(RuntimeFailure("cannot create a temporary file in \(folder): \(String(cString: strerror(errno)))"))
        }
        let file = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        let failure = FileIO.writeAll(fd, Array((text.isEmpty ? "" : text + "\n").utf8))
        close(fd)
        guard failure == 0 else {
            unlink(file)
            return .failure(RuntimeFailure("cannot write \(file): \(String(cString: strerror(failure)))"))
        }
        return .success(file)
    }

    /// Runs the editor on `file` (the terminal must be given to it around this call); returns
    /// the edited text with trailing blank lines dropped.
    func edit(_ file: String) -> Result<String, RuntimeFailure> {
        let editor = environment["VISUAL"] ?? environment["EDITOR"] ?? "vi"
        // Through the shell, so "code --wait" or an editor with options works.
        let arguments = ["/bin/sh", "-c", editor + " \"$1\"", "sh", file]
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var status: Int32 = -1
        var pid = pid_t()
        if posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ) == 0 {
            status = ChildProcess.wait(pid)
        }
        guard status == 0 else {
            return .failure(RuntimeFailure("the editor (\(editor)) failed with status \(status); the text is in \(file)"))
        }
        guard let edited = try? FileIO.readFile(file) else {
            return .failure(RuntimeFailure("cannot read \(file) back"))
        }
        var result = String(decoding: edited, as: UTF8.self)
        while let last = result.unicodeScalars.last, last == "\n" || last == "\r" || last == " " || last == "\t" {
            result.unicodeScalars.removeLast()
        }
        return .success(result)
    }
}
