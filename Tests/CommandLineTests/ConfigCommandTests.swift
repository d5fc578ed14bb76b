import BriefProcess
import Foundation
import Testing

@Suite("brief config check")
struct ConfigCommandTests {
    @Test("Problems go to standard error with their line, exit 1; a clean file says ok; none is fine",
          .enabled(if: BriefProcess.exists, "brief not built"))
    func check() throws {
        let home = try BriefProcess.temporaryDirectory("config-check")
        defer { try? FileManager.default.removeItem(at: home) }
        let folder = home.appendingPathComponent("brief")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("config.toml")
        let environment = ["XDG_CONFIG_HOME": home.path]

        let none = try BriefProcess.run(["config", "check"], environment: environment)
        #expect(none.status == 0)
        #expect(none.out.contains("none (the defaults are used)"))

        try "[keys]\n\"J\" = \"next-key-point\"\n[colors]\nclaim = \"bold yellow\"\n".write(to: file, atomically: true, encoding: .utf8)
        let ok = try BriefProcess.run(["config", "check"], environment: environment)
        #expect(ok.status == 0)
        #expect(ok.out == file.path + ": ok\n")

        try "[keys]\n\"J\" = \"nxt\"\n[colors]\nclaim = \"\\u001B]0;x\\u0007\"\n".write(to: file, atomically: true, encoding: .utf8)
        let bad = try BriefProcess.run(["config", "check"], environment: environment)
        #expect(bad.status == 1)
        #expect(bad.err.contains("config.toml:2: unknown command \"nxt\""), "\(bad.err)")
        #expect(bad.err.contains("config.toml:4: unknown colour"), "\(bad.err)")
        #expect(!bad.err.contains("\u{1B}"), "no control characters echoed")
    }
}
