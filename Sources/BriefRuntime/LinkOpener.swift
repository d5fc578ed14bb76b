import BriefStore
#if canImport(Glibc)
import Glibc
#endif

/// Opens a link as the user's system would: each command of $BROWSER in turn (a list
/// separated by ":", "%s" standing for the address, else the address added last), else
/// xdg-open. The address is one argument of its own: no shell ever reads it.
///
/// With a graphical session (DISPLAY or WAYLAND_DISPLAY) the browser is started on its own,
/// its output away from the reader's screen; without one it is a terminal browser, so it is
/// given the terminal until it exits, as the editor is.
struct LinkOpener {
    let environment: Environment

    /// The commands to try, in order.
    func commands(for url: String) -> [[String]] {
        var commands: [[String]] = []
        for entry in (environment["BROWSER"] ?? "").split(separator: ":") {
            let words = entry.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard !words.isEmpty else { continue }
            let replaced = words.map { $0.replacing("%s", with: url) }
            commands.append(replaced == words ? words + [url] : replaced)
        }
        commands.append(["xdg-open", url])
        return commands
    }

    /// glibc's POSIX_SPAWN_SETSID (2.26 on), which Swift does not import (it is behind _GNU_SOURCE).
    static let spawnSetsid: Int16 = 0x80

    var isGraphical: Bool { environment["DISPLAY"] != nil || environment["WAYLAND_DISPLAY"] != nil }

    /// Starts the first command that can be started. Graphical: returns at once with the
    /// child's pid (to be reaped later). Otherwise waits for it and reports its status.
    func open(_ url: String, inTerminal run: (() -> Result<Int32, RuntimeFailure>) -> Result<Int32, RuntimeFailure>)
        -> (message: String, child: pid_t?) {
        let commands = commands(for: url)
        let graphical = isGraphical
        for command in commands {
            if graphical {
                switch spawn(command, detached: true) {
                case .success(let pid): return ("opened with \(command[0].withoutControls)", pid)
                case .failure(let failure) where failure.description == "not found": continue
                case .failure(let failure): return ("cannot open the link: \(failure)", nil)
                }
            }
            var notFound = false
            let result = run {
                switch spawn(command, detached: false) {
                case .failure(let failure):
                    notFound = failure.description == "not found"
                    return .failure(failure)
                case .success(let pid): return .success(ChildProcess.wait(pid))
                }
            }
            switch result {
            case .failure where notFound: continue
            case .failure(let failure): return ("cannot open the link: \(failure)", nil)
            case .success(0): return ("opened with \(command[0].withoutControls)", nil)
            case .success(let status): return ("\(command[0].withoutControls) failed with status \(status)", nil)
            }
        }
        return ("cannot open the link: set $BROWSER or install xdg-utils", nil)
    }

    private func spawn(_ command: [String], detached: Bool) -> Result<pid_t, RuntimeFailure> {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        if detached {
            // Away from the reader's screen and out of its session (no SIGHUP with it).
            for fd: Int32 in 0...2 {
                posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
            }
            posix_spawnattr_setflags(&attributes, Self.spawnSetsid)
        }
        let argv = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let error = posix_spawnp(&pid, command[0], &actions, &attributes, argv, environ)
        if error == ENOENT { return .failure(RuntimeFailure("not found")) }
        guard error == 0 else { return .failure(RuntimeFailure("\(command[0]): \(String(cString: strerror(error)))")) }
        return .success(pid)
    }
}
