import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A large folder in tmux: the library's rows show before its articles are analysed, and
/// fill in from the background.
@Suite("Library in tmux", .serialized, .enabled(if: TmuxSession.isInstalled, "tmux not installed"))
struct LibraryEndToEndTests {
    /// A folder of `count` small articles, each with its own heading and a few paragraphs.
    static func folder(_ count: Int) throws -> String {
        let folder = NSTemporaryDirectory() + "brief-library-\(getpid())-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for n in 0..<count {
            let name = String(format: "%03d-article.md", n)
            let paragraphs = (0..<6).map { p in
                "Paragraph \(p) of article \(n) says the council argued over the budget again, and the mayor "
                    + "warned that the deficit would grow unless rates rose. Critics said the plan was a gamble."
            }
            let text = "# Council Report Number \(n)\n\n" + paragraphs.joined(separator: "\n\n")
                + "\n\nFiled under docket D\(n)X.\n"
            try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test("brief DIR of 300 files shows its first rows before they are analysed, then fills them in")
    func firstRowsThenFill() throws {
        let folder = try Self.folder(300)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let timing = folder + "/timing.log"
        let session = try TmuxSession([folder], width: 100, height: 20, environment: ["BRIEF_TIMING": timing])
        defer { session.stop() }
        // Titles come from the files' first lines before any article is parsed.
        let first = session.waitFor("Council Report Number 0 ")
        #expect(first.ok, "\(first.screen)")
        #expect(first.screen.contains("Brief · 300 articles"))
        let filled = session.waitFor(timeout: 120) { screen in
            !screen.contains("analysing") && screen.contains("key point") && screen.contains("? help")
        }
        #expect(filled.ok, "\(filled.screen)")
        #expect(filled.screen.contains("Council Report Number 0 "))
        // The first screen was drawn before the last row was filled.
        let log = (try? String(contentsOfFile: timing, encoding: .utf8)) ?? ""
        func time(_ label: String) -> Int? {
            log.split(separator: "\n").first { $0.hasPrefix(label + "\t") }.flatMap { Int($0.split(separator: "\t")[1]) }
        }
        let (shown, done) = (time("first-screen"), time("library-filled"))
        #expect(shown != nil && done != nil, "\(log)")
        if let shown, let done { #expect(shown < done, "first screen at \(shown) µs, filled at \(done) µs") }
        // The filter works on the filled text: one article's docket number.
        session.send("/")
        session.type("docket d42x")
        let filtered = session.waitFor("1 match")
        #expect(filtered.ok, "\(filtered.screen)")
        #expect(filtered.screen.contains("Council Report Number 42"))
    }
}
