import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A private tmux server running one `brief` in a pane of a fixed size, driven as a
/// person would: send keys, read the screen back. Each session has its own socket,
/// state and data folders, and is killed at the end.
final class TmuxSession {
    private static let counter = Mutex(0)

    /// A socket name no other session of this test process has. The suites run in parallel:
    /// the number is taken and incremented in one step (two sessions sharing a server would
    /// kill each other's panes).
    static func newSocketName() -> String {
        let number = counter.withLock { value -> Int in
            value += 1
            return value
        }
        return "brief-e2e-\(getpid())-\(number)"
    }

    static var isInstalled: Bool {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"].contains {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    static let packageDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// The debug binary, built first when it is missing; `BRIEF_BINARY` names another
    /// (scripts/sanitizers.sh points it at the sanitized build).
    static func binary() throws -> String {
        if let path = ProcessInfo.processInfo.environment["BRIEF_BINARY"] { return path }
        let path = packageDirectory + "/.build/debug/brief"
        if !FileManager.default.isExecutableFile(atPath: path) {
            let build = Process()
            build.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            build.arguments = ["swift", "build", "--product", "brief"]
            build.currentDirectoryURL = URL(fileURLWithPath: packageDirectory)
            try build.run()
            build.waitUntilExit()
        }
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw TmuxError("no brief binary at \(path)")
        }
        return path
    }

    let socket: String
    let stateDirectory: String

    /// Starts `brief ARGS` in the package folder, in a pane of `width`×`height`.
    init(_ arguments: [String], width: Int = 100, height: Int = 30, environment: [String: String] = [:]) throws {
        socket = Self.newSocketName()
        stateDirectory = NSTemporaryDirectory() + socket
        try FileManager.default.createDirectory(atPath: stateDirectory + "/state", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: stateDirectory + "/data", withIntermediateDirectories: true)
        let binary = try Self.binary()
        let quoted = ([binary] + arguments).map { "'" + $0 + "'" }.joined(separator: " ")
        // The shell stays after brief exits, to show its status.
        let extra = environment.sorted { $0.key < $1.key }.map { "\($0.key)='\($0.value)' " }.joined()
        let command = "cd '\(Self.packageDirectory)' && env TERM=xterm-256color LANG=C.UTF-8 "
            + "XDG_STATE_HOME='\(stateDirectory)/state' XDG_DATA_HOME='\(stateDirectory)/data' XDG_CACHE_HOME='\(stateDirectory)/cache' "
            + extra + "\(quoted); echo \"brief exited: $?\"; sleep 600"
        try start(command, width: width, height: height)
    }

    /// Runs `brief ARGS` (not in tmux) with this session's state and data folders; its output.
    func runBrief(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try Self.binary())
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: Self.packageDirectory)
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_STATE_HOME"] = stateDirectory + "/state"
        environment["XDG_DATA_HOME"] = stateDirectory + "/data"
        environment["XDG_CACHE_HOME"] = stateDirectory + "/cache"
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Reuses the state folder of an earlier session (to test what is remembered).
    init(_ arguments: [String], sharingStateWith other: TmuxSession, width: Int = 100, height: Int = 30,
         environment: [String: String] = [:]) throws {
        socket = Self.newSocketName()
        stateDirectory = other.stateDirectory
        let binary = try Self.binary()
        let quoted = ([binary] + arguments).map { "'" + $0 + "'" }.joined(separator: " ")
        let extra = environment.sorted { $0.key < $1.key }.map { "\($0.key)='\($0.value)' " }.joined()
        let command = "cd '\(Self.packageDirectory)' && env TERM=xterm-256color LANG=C.UTF-8 "
            + "XDG_STATE_HOME='\(stateDirectory)/state' XDG_DATA_HOME='\(stateDirectory)/data' XDG_CACHE_HOME='\(stateDirectory)/cache' "
            + extra + "\(quoted); echo \"brief exited: $?\"; sleep 600"
        try start(command, width: width, height: height)
    }

    /// Runs the shell command line `command` in the pane (not `brief` itself), in the package
    /// folder, with `TERM`, `LANG`, this session's `XDG_STATE_HOME`/`XDG_DATA_HOME` and
    /// `BRIEF` (the binary) exported. `configuration` lines become the tmux server's
    /// configuration file (read before the pane starts).
    init(shellCommand command: String, width: Int = 100, height: Int = 30, configuration: [String] = []) throws {
        socket = Self.newSocketName()
        stateDirectory = NSTemporaryDirectory() + socket
        try FileManager.default.createDirectory(atPath: stateDirectory + "/state", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: stateDirectory + "/data", withIntermediateDirectories: true)
        let binary = try Self.binary()
        var config = "/dev/null"
        if !configuration.isEmpty {
            config = stateDirectory + "/tmux.conf"
            try (configuration.joined(separator: "\n") + "\n").write(toFile: config, atomically: true, encoding: .utf8)
        }
        let line = "cd '\(Self.packageDirectory)' && export TERM=xterm-256color LANG=C.UTF-8 "
            + "XDG_STATE_HOME='\(stateDirectory)/state' XDG_DATA_HOME='\(stateDirectory)/data' XDG_CACHE_HOME='\(stateDirectory)/cache' "
            + "BRIEF='\(binary)' && \(command)"
        try start(line, width: width, height: height, configuration: config)
    }

    /// The prompt of `interactiveShell` sessions before its number: "brief-test 1$ ".
    static let promptWord = "brief-test"

    /// An interactive bash (no rc files, no history file) in the pane, set up as for
    /// `shellCommand`. Its prompt carries bash's command number (`\#`), "brief-test 1$ ",
    /// "brief-test 2$ ", …, so that a test can wait for the prompt that follows a command
    /// and never mistakes the one before it for it (`waitForPrompt`).
    static func interactiveShell(width: Int = 100, height: Int = 30) throws -> TmuxSession {
        try TmuxSession(shellCommand: "exec env PS1='\(promptWord) \\#$ ' HISTFILE=/dev/null bash --norc --noprofile -i",
                        width: width, height: height)
    }

    /// Waits until the shell shows prompt `number` with the cursor right after it, on the
    /// normal screen. Bash draws its prompt once it has set the terminal up to read the
    /// line, so what is typed from then on reaches bash whole. A prompt already on the screen
    /// is no such sign: after `kill %1` the screen ends with bash's job line and a prompt, as
    /// it does after `fg`; a test that took that one for fg's typed its next line while
    /// brief, back in the foreground, was still reading keys, and brief took the first letter
    /// ("bash: cho: command not found").
    @discardableResult
    func waitForPrompt(_ number: Int, timeout: TimeInterval = 10) -> (ok: Bool, screen: String) {
        let prompt = "\(Self.promptWord) \(number)$"
        // Judged on the screen waitFor returns (captured before the cursor is asked for, so
        // the prompt must already be in it).
        return waitFor(timeout: timeout) { screen in
            guard !self.alternateScreenOn, let (x, y) = self.cursor else { return false }
            let rows = screen.components(separatedBy: "\n")
            return y < rows.count && rows[y] == prompt && x == prompt.count + 1
        }
    }

    /// Waits for prompt `number`, then types `line` and Enter; false when the prompt never came.
    @discardableResult
    func typeCommand(_ line: String, atPrompt number: Int, timeout: TimeInterval = 10) -> Bool {
        guard waitForPrompt(number, timeout: timeout).ok else { return false }
        type(line + "\n")
        return true
    }

    /// The cursor's column and row in the pane.
    var cursor: (x: Int, y: Int)? {
        let parts = tmux(["display-message", "-p", "-t", "0", "#{cursor_x} #{cursor_y}"]).output
            .split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { Int($0) }
        return parts.count == 2 ? (parts[0], parts[1]) : nil
    }

    /// The pane's title (OSC 0/2 set it).
    var paneTitle: String {
        tmux(["display-message", "-p", "-t", "0", "#{pane_title}"]).output
            .trimmingCharacters(in: .newlines)
    }

    /// The names of tmux's paste buffers (OSC 52 creates one when set-clipboard is on).
    var buffers: [String] {
        tmux(["list-buffers", "-F", "#{buffer_name}"]).output.split(separator: "\n").map(String.init)
    }

    /// The pane's size as tmux sees it.
    var paneSize: (width: Int, height: Int) {
        let parts = tmux(["display-message", "-p", "-t", "0", "#{pane_width} #{pane_height}"]).output
            .split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { Int($0) }
        return parts.count == 2 ? (parts[0], parts[1]) : (0, 0)
    }

    private func start(_ command: String, width: Int, height: Int, configuration: String = "/dev/null") throws {
        // Not waited for: the client forks a server that keeps running for the whole test,
        // so nothing here ends; has-session answers once the session is up.
        try Self.spawnWithCleanSignals(["tmux", "-L", socket, "-f", configuration, "new-session", "-d",
                                        "-x", String(width), "-y", String(height), command])
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if tmux(["has-session"]).status == 0 { return }
            usleep(20_000)
        }
        throw TmuxError("tmux session did not start")
    }

    /// Starts a program with no signal blocked and default handlers. Test runner threads
    /// block most signals and children inherit that mask: a tmux server started with it
    /// ignores kill-server's signals and its panes never get SIGHUP, so every brief would outlive its test.
    static func spawnWithCleanSignals(_ arguments: [String]) throws {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGCHLD, SIGPIPE, SIGTSTP, SIGCONT, SIGWINCH, SIGTTIN, SIGTTOU] {
            sigaddset(&defaults, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in [0, 1, 2] {
            posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let status = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, environ)
        guard status == 0 else { throw TmuxError("cannot start \(arguments[0]): \(String(cString: strerror(status)))") }
        // Reap the client (it exits once the server is up) without blocking the test.
        let client = pid
        Thread.detachNewThread { var code: Int32 = 0; waitpid(client, &code, 0) }
    }

    @discardableResult
    func tmux(_ arguments: [String]) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tmux", "-L", socket, "-f", "/dev/null"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return (-1, "") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Keys as tmux names them: "j", "Enter", "Escape", "C-z"; text is sent literally with `literal`.
    func send(_ keys: String...) {
        tmux(["send-keys", "-t", "0"] + keys)
    }

    func type(_ text: String) {
        tmux(["send-keys", "-t", "0", "-l", text])
    }

    func screen() -> String { tmux(["capture-pane", "-p", "-t", "0"]).output }

    func rows() -> [String] {
        var lines = screen().components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Deadlines stretch by `BRIEF_TEST_TIME_SCALE` (scripts/sanitizers.sh sets it: a sanitized
    /// binary is several times slower); the default is 1.
    static let timeScale: Double = Double(ProcessInfo.processInfo.environment["BRIEF_TEST_TIME_SCALE"] ?? "") ?? 1

    /// Polls the screen until `predicate` holds; returns the last screen either way.
    @discardableResult
    func waitFor(timeout: TimeInterval = 10, _ predicate: (String) -> Bool) -> (ok: Bool, screen: String) {
        let deadline = Date().addingTimeInterval(timeout * Self.timeScale)
        var text = screen()
        while !predicate(text) {
            if Date() > deadline { return (false, text) }
            usleep(30_000)
            text = screen()
        }
        return (true, settled(text, predicate))
    }

    /// A capture can land while brief is halfway through drawing a screen (the first rows of
    /// the help are in, the rest not yet): once the predicate holds, capture again until two
    /// captures agree, for at most a second, and return the last one that still matches, so
    /// that what a test checks next is the finished screen.
    private func settled(_ matched: String, _ predicate: (String) -> Bool) -> String {
        let deadline = Date().addingTimeInterval(1 * Self.timeScale)
        var text = matched
        while Date() < deadline {
            usleep(30_000)
            let next = screen()
            if next == text || !predicate(next) { break }
            text = next
        }
        return text
    }

    func waitFor(_ text: String, timeout: TimeInterval = 10) -> (ok: Bool, screen: String) {
        waitFor(timeout: timeout) { $0.contains(text) }
    }

    var alternateScreenOn: Bool {
        tmux(["display-message", "-p", "-t", "0", "#{alternate_on}"]).output.hasPrefix("1")
    }

    func resize(width: Int, height: Int) {
        tmux(["resize-window", "-t", "0", "-x", String(width), "-y", String(height)])
    }

    /// The pid of `brief` (the pane's shell's child).
    func briefPID() -> pid_t? {
        let shell = tmux(["display-message", "-p", "-t", "0", "#{pane_pid}"]).output
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["ps", "-o", "pid=", "--ppid", shell]
        let pipe = Pipe()
        process.standardOutput = pipe
        try? process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n")
            .compactMap { pid_t($0.trimmingCharacters(in: .whitespaces)) }.first
    }

    /// Waits until process `pid` is stopped (state T in /proc): a signal meant for a stopped
    /// process (SIGCONT after Ctrl-Z) must not arrive while it is still on its way there.
    static func waitUntilStopped(_ pid: pid_t, timeout: TimeInterval = 10) -> Bool {
        let deadline = Date().addingTimeInterval(timeout * timeScale)
        while Date() < deadline {
            // "pid (comm) S …": the state follows the last ')'.
            if let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
               let close = stat.lastIndex(of: ")"),
               stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("T") {
                return true
            }
            usleep(20_000)
        }
        return false
    }

    /// How many keys brief has handled and drawn, from its `BRIEF_TIMING` log `file` (one
    /// "key" line per key once its screen is drawn, the key's label last): those labelled
    /// `label`, or without one every key but resizes (labelled "resize"; a pane may get one
    /// that no test asked for).
    static func keysHandled(in file: String, label: String? = nil) -> Int {
        let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.first == "key" else { return false }
            let keyLabel = fields.count > 2 ? String(fields[2]) : ""
            return label.map { keyLabel == $0 } ?? (keyLabel != "resize")
        }.count
    }

    /// Waits until the log `file` holds at least `count` key lines (see `keysHandled`).
    static func waitForKeys(_ count: Int, in file: String, label: String? = nil, timeout: TimeInterval = 10) -> Bool {
        let deadline = Date().addingTimeInterval(timeout * timeScale)
        while keysHandled(in: file, label: label) < count {
            if Date() > deadline { return false }
            usleep(20_000)
        }
        return true
    }

    func stop() {
        tmux(["kill-server"])
    }

    deinit { stop() }
}

struct TmuxError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
