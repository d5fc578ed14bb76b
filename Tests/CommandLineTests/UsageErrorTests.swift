import BriefProcess
import Foundation
import Testing

/// Usage errors as a person at a shell meets them: each names the subcommand that was typed,
/// says what was wrong in words, and never writes a control character it was given.
@Suite("Usage errors: missing paths, bad numbers, mistyped subcommands", .serialized)
struct UsageErrorTests {
    static var binaryExists: Bool { BriefProcess.exists }

    /// Runs `brief` in `directory` (the package folder by default), standard input empty.
    struct Result { var status: Int32; var out: String; var err: String }

    func run(_ arguments: [String], in directory: String = BriefProcess.packageRoot) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BriefProcess.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
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

    @Test("A subcommand without its paths shows that subcommand's usage, status 64",
          .enabled(if: binaryExists, "brief not built"),
          arguments: [("outline", "<path>"), ("claims", "<path>"), ("extract", "<source>")])
    func missingPath(subcommand: String, value: String) throws {
        let r = try run([subcommand])
        #expect(r.status == 64)
        #expect(r.err.hasPrefix("Error: Missing expected argument '\(value) ...'"), "\(r.err)")
        #expect(r.err.contains("Usage: brief \(subcommand) \(value) ..."), "\(r.err)")
        #expect(!r.err.contains("brief <subcommand>"), "\(r.err)")
        #expect(r.out.isEmpty)
    }

    @Test("--limit with a negative or zero number says so, whichever way it is written",
          .enabled(if: binaryExists, "brief not built"),
          arguments: [(["--limit", "-1"], "-1"), (["--limit=-3"], "-3"), (["--limit", "0"], "0")])
    func limitNotPositive(option: [String], shown: String) throws {
        let r = try run(["claims"] + option + ["Articles/shipping-lanes.md"])
        #expect(r.status == 64)
        #expect(r.err.split(separator: "\n").first == "Error: --limit must be a positive number (got \(shown))", "\(r.err)")
        #expect(r.err.contains("Usage: brief claims"))
        #expect(r.out.isEmpty)
        // A good limit still works after the change of parsing.
        let good = try run(["claims", "--limit", "2", "Articles/shipping-lanes.md"])
        #expect(good.status == 0 && good.out.contains("2 key points"), "\(good.err)")
    }

    @Test("A mistyped subcommand that names no file is called one, with the likely subcommand",
          .enabled(if: binaryExists, "brief not built"),
          arguments: [("outlien", "outline"), ("claism", "claims"), ("extarct", "extract"), ("note", "notes")])
    func mistypedSubcommand(typed: String, meant: String) throws {
        let r = try run([typed])
        #expect(r.status == 64)
        #expect(r.err == "brief: no such file or subcommand '\(typed)' (did you mean '\(meant)'?)\n")
        let withPath = try run([typed, "Articles/shipping-lanes.md"])
        #expect(withPath.status == 64 && withPath.err.contains("did you mean '\(meant)'?"))
        #expect(withPath.out.isEmpty)
    }

    @Test("A file named like a mistyped subcommand still opens; a name far from every subcommand is a missing file",
          .enabled(if: binaryExists, "brief not built"))
    func realFileNamedLikeSubcommand() throws {
        let dir = try BriefProcess.temporaryDirectory("outlien")
        defer { try? FileManager.default.removeItem(at: dir) }
        try "# Outlien Notes\n\nA first sentence here. A second one.\n".write(
            to: dir.appendingPathComponent("outlien"), atomically: true, encoding: .utf8)
        let r = try run(["outlien"], in: dir.path)
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.hasPrefix("Outlien Notes\n"))
        let missing = try run(["zebra-article.md"], in: dir.path)
        #expect(missing.status == 1)
        #expect(missing.err == "brief: zebra-article.md: No such file or directory\n")
    }

    @Test("Error lines never carry the control characters they were given",
          .enabled(if: binaryExists, "brief not built"))
    func noControlsInErrors() throws {
        let hostile = "\u{1B}]0;owned\u{07}\u{1B}[2J"
        for arguments in [["notes", "export", "--format", hostile], ["claims", "--limit", hostile, "x"],
                          ["outline", "--" + hostile], ["outlie\u{1B}"], ["outline", "--format", "json", hostile]] {
            let r = try run(arguments)
            #expect(r.status != 0)
            #expect(!r.err.isEmpty)
            #expect(!r.err.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || $0.value == 0x7F }, "\(arguments): \(r.err.debugDescription)")
        }
    }
}
