import BriefProcess
import Foundation
import Testing

/// scripts/install.sh into a temporary PREFIX. It installs the binary the tests already built
/// (BRIEF_INSTALL_BINARY), so that no test waits for a second, release, build.
@Suite("scripts/install.sh", .serialized)
struct InstallScriptTests {
    static var binaryExists: Bool { BriefProcess.exists }
    static func shell(_ name: String) -> String? {
        ["/usr/bin/" + name, "/bin/" + name, "/usr/local/bin/" + name].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    struct Result { var status: Int32; var out: String; var err: String }

    /// Runs `program ARGS` in the package folder with `environment` added; waits for it.
    static func run(_ program: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: BriefProcess.packageRoot)
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, out: String(decoding: o, as: UTF8.self),
                      err: String(decoding: e, as: UTF8.self))
    }

    /// A fresh PREFIX (removed by the caller) and the script run into it.
    func install(_ arguments: [String] = [], prefix: String) throws -> Result {
        try Self.run("/bin/bash", ["scripts/install.sh"] + arguments,
                     environment: ["PREFIX": prefix, "BRIEF_INSTALL_BINARY": BriefProcess.binary])
    }

    static let files = ["bin/brief", "share/bash-completion/completions/brief", "share/zsh/site-functions/_brief",
                        "share/fish/vendor_completions.d/brief.fish"]

    @Test("Installs the binary and the three completion scripts under PREFIX, says so, and hints at PATH",
          .enabled(if: binaryExists, "brief not built"))
    func installs() throws {
        let prefix = try BriefProcess.temporaryDirectory("install").path + "/prefix"
        defer { try? FileManager.default.removeItem(atPath: (prefix as NSString).deletingLastPathComponent) }
        let r = try install(prefix: prefix)
        #expect(r.status == 0, "\(r.err)")
        for file in Self.files {
            #expect(r.out.contains("installed \(prefix)/\(file)\n"), "\(r.out)")
            let size = (try? FileManager.default.attributesOfItem(atPath: prefix + "/" + file)[.size] as? Int) ?? 0
            #expect(size > 0, "\(file) missing or empty")
        }
        #expect(FileManager.default.isExecutableFile(atPath: prefix + "/bin/brief"))
        #expect(r.out.contains("\(prefix)/bin is not on your PATH"))
        let version = try Self.run(prefix + "/bin/brief", ["--version"])
        #expect(version.status == 0 && version.out.first?.isNumber == true)
        // The completions are what the installed brief generates.
        let zsh = try Self.run(prefix + "/bin/brief", ["--generate-completion-script", "zsh"])
        #expect(try String(contentsOfFile: prefix + "/share/zsh/site-functions/_brief", encoding: .utf8) == zsh.out)

        // On PATH: no hint.
        let again = try Self.run("/bin/bash", ["scripts/install.sh"], environment: [
            "PREFIX": prefix, "BRIEF_INSTALL_BINARY": BriefProcess.binary,
            "PATH": prefix + "/bin:" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")])
        #expect(again.status == 0 && !again.out.contains("not on your PATH"), "\(again.out)")
    }

    @Test("Installing again replaces the binary by a rename (a new file, never rewritten in place) and leaves no temporary files",
          .enabled(if: binaryExists, "brief not built"))
    func replacesAtomically() throws {
        let root = try BriefProcess.temporaryDirectory("reinstall").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let prefix = root + "/prefix"
        #expect(try install(prefix: prefix).status == 0)
        let first = try FileManager.default.attributesOfItem(atPath: prefix + "/bin/brief")[.systemFileNumber] as? Int
        // A program holding the old binary open (as a running brief does) keeps reading the old file.
        let held = try #require(FileHandle(forReadingAtPath: prefix + "/bin/brief"))
        defer { try? held.close() }
        #expect(try install(prefix: prefix).status == 0)
        let second = try FileManager.default.attributesOfItem(atPath: prefix + "/bin/brief")[.systemFileNumber] as? Int
        #expect(first != nil && first != second)
        for folder in ["bin", "share/bash-completion/completions", "share/zsh/site-functions", "share/fish/vendor_completions.d"] {
            let names = try FileManager.default.contentsOfDirectory(atPath: prefix + "/" + folder)
            #expect(!names.contains { $0.contains(".tmp-") }, "\(folder): \(names)")
        }
    }

    @Test("--uninstall removes what was installed, and says there is nothing left the second time",
          .enabled(if: binaryExists, "brief not built"))
    func uninstalls() throws {
        let root = try BriefProcess.temporaryDirectory("uninstall").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let prefix = root + "/prefix"
        #expect(try install(prefix: prefix).status == 0)
        let removed = try install(["--uninstall"], prefix: prefix)
        #expect(removed.status == 0)
        for file in Self.files {
            #expect(!FileManager.default.fileExists(atPath: prefix + "/" + file))
            #expect(removed.out.contains("removed \(prefix)/\(file)\n"))
        }
        let none = try install(["--uninstall"], prefix: prefix)
        #expect(none.status == 0 && none.out == "brief install: nothing to remove under \(prefix)\n")
        let bad = try install(["--frobnicate"], prefix: prefix)
        #expect(bad.status == 64 && bad.err.hasPrefix("usage: scripts/install.sh"))
        let missing = try Self.run("/bin/bash", ["scripts/install.sh"],
                                   environment: ["PREFIX": prefix, "BRIEF_INSTALL_BINARY": root + "/no-such-brief"])
        #expect(missing.status == 1 && missing.err.contains("not an executable file"))
        #expect(!FileManager.default.fileExists(atPath: prefix + "/bin/brief"))
    }

    @Test("The bash completion loads: complete -p names it, and it completes a subcommand",
          .enabled(if: binaryExists, "brief not built"))
    func bashCompletionLoads() throws {
        let root = try BriefProcess.temporaryDirectory("bash-completion").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let prefix = root + "/prefix"
        #expect(try install(prefix: prefix).status == 0)
        let script = prefix + "/share/bash-completion/completions/brief"
        let loaded = try Self.run("/bin/bash", ["-c", "source \"$1\" && complete -p brief", "bash", script])
        #expect(loaded.status == 0 && loaded.out.contains("-F _brief brief"), "\(loaded.out)\(loaded.err)")
        let completed = try Self.run("/bin/bash", ["-c", """
            source "$1"; COMP_WORDS=(brief outl); COMP_CWORD=1; COMP_LINE="brief outl"; COMP_POINT=10
            _brief brief outl brief; printf '%s\\n' "${COMPREPLY[@]}"
            """, "bash", script])
        #expect(completed.out.split(separator: "\n").contains("outline"), "\(completed.out)\(completed.err)")
    }

    @Test("The zsh completion parses (zsh -n)", .enabled(if: binaryExists, "brief not built"),
          .enabled(if: shell("zsh") != nil, "zsh not installed: its completion script is not checked"))
    func zshCompletionParses() throws {
        let root = try BriefProcess.temporaryDirectory("zsh-completion").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(try install(prefix: root + "/prefix").status == 0)
        let r = try Self.run(try #require(Self.shell("zsh")), ["-n", root + "/prefix/share/zsh/site-functions/_brief"])
        #expect(r.status == 0, "\(r.err)")
    }

    @Test("The fish completion parses (fish -n)", .enabled(if: binaryExists, "brief not built"),
          .enabled(if: shell("fish") != nil, "fish not installed: its completion script is not checked"))
    func fishCompletionParses() throws {
        let root = try BriefProcess.temporaryDirectory("fish-completion").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(try install(prefix: root + "/prefix").status == 0)
        let r = try Self.run(try #require(Self.shell("fish")), ["-n", root + "/prefix/share/fish/vendor_completions.d/brief.fish"])
        #expect(r.status == 0, "\(r.err)")
    }
}
