import BriefCore  // DisplayWidth: text output must fit the width by brief's own measure
import BriefProcess
import Foundation
import Testing

/// The `brief` executable as scripts use it. `swift test` builds it next to the tests.
@Suite("brief outline on the command line", .serialized)
struct CommandLineTests {
    static var binaryExists: Bool { BriefProcess.exists }

    func run(_ arguments: [String], stdin: String? = nil) throws -> BriefProcess.Result {
        try BriefProcess.run(arguments, stdin: stdin)
    }

    @Test("JSON is the stable outline format (README), one object per line", .enabled(if: binaryExists, "brief not built"))
    func json() throws {
        let r = try run(["outline", "--format", "json", "-"], stdin: "Title Line\n- •A bullet.\nA paragraph here. Second sentence.\nAnother one.\n")
        #expect(r.status == 0)
        #expect(r.out == #"{"source":"-","title":"Title Line","reading":"one-paragraph-per-line","kind":"news","outline":["#
            + #"{"kind":"bullet","text":"A bullet.","line":2,"level":1,"children":[]},"#
            + #"{"kind":"paragraph","text":"A paragraph here. Second sentence.","line":3,"level":0,"children":[]},"#
            + #"{"kind":"paragraph","text":"Another one.","line":4,"level":0,"children":[]}]}"# + "\n")
    }

    @Test("Key points in JSON: the kind, each key point's role, reasons in words and the signals",
          .enabled(if: binaryExists, "brief not built"))
    func keyPointsJSON() throws {
        let example = "Articles/microsoft-openai-non-exclusive.txt"
        let claims = try run(["claims", "--format", "json", "--limit", "5", example])
        #expect(claims.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(claims.out.utf8)) as? [String: Any])
        #expect(object["kind"] as? String == "analysis")
        let points = try #require(object["claims"] as? [[String: Any]])
        #expect(points.count == 5)
        #expect(points.first?["role"] as? String == "thesis")
        #expect(points.allSatisfy { ["thesis", "claim", "conclusion"].contains($0["role"] as? String ?? "") })
        #expect(points.allSatisfy { !(($0["reasons"] as? [String]) ?? []).isEmpty && $0["why"] is [String] })
        #expect((points.first?["reasons"] as? [String])?.first == "states the article's position")

        let outline = try run(["outline", "--format", "json", "Articles/rate-decision-wire.txt"])
        let tree = try #require(try JSONSerialization.jsonObject(with: Data(outline.out.utf8)) as? [String: Any])
        #expect(tree["kind"] as? String == "news")
        var roles: [String] = []
        func walk(_ nodes: [[String: Any]]) {
            for node in nodes {
                if node["kind"] as? String == "claim" { roles.append(node["role"] as? String ?? "none") }
                walk(node["children"] as? [[String: Any]] ?? [])
            }
        }
        walk(tree["outline"] as? [[String: Any]] ?? [])
        #expect(!roles.isEmpty && roles.allSatisfy { $0 == "fact" }, "\(roles)")

        let text = try run(["claims", "--limit", "1", "Articles/rate-decision-wire.txt"])
        #expect(text.out.contains("· news report · 1 key point"))
        #expect(text.out.contains("fact · line 3 · score "))
        #expect(text.out.contains("the lede: the report's opening sentence"))
    }

    @Test("A directory means its articles sorted by name", .enabled(if: binaryExists, "brief not built"))
    func directory() throws {
        let r = try run(["outline", "--format", "json", "Articles"])
        #expect(r.status == 0)
        let sources = r.out.split(separator: "\n").map { line -> String in
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return object?["source"] as? String ?? "?"
        }
        #expect(sources == sources.sorted())
        #expect(sources.count == 8)
        #expect(sources.contains("Articles/microsoft-openai-non-exclusive.txt"))
    }

    @Test("Text output: indented tree with glyphs and the reading, 80 columns in a pipe",
          .enabled(if: binaryExists, "brief not built"))
    func text() throws {
        let r = try run(["outline", "Articles/microsoft-openai-non-exclusive.txt"])
        #expect(r.status == 0)
        let lines = r.out.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "Microsoft and OpenAI Pivot to Non-Exclusive Partnership Terms")
        #expect(lines[1].hasPrefix("Articles/microsoft-openai-non-exclusive.txt · one paragraph per line · "))
        #expect(lines.contains("2  • Microsoft and OpenAI transition from exclusive cloud and IP agreements to"))
        #expect(lines.contains("5  ¶ For the past few years, the partnership between Microsoft and OpenAI has"))
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 80 })
    }

    @Test("Bad paths: one line each on stderr, the rest still processed, exit 1",
          .enabled(if: binaryExists, "brief not built"))
    func errors() throws {
        let dir = try BriefProcess.temporaryDirectory("cli")
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("pipe.txt").path
        mkfifo(fifo, 0o600)
        let empty = dir.appendingPathComponent("empty-dir").path
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let r = try run(["outline", "--format", "json", "/nonexistent/x.md", fifo, empty,
                         "Articles/microsoft-openai-non-exclusive.txt"])
        #expect(r.status == 1)
        #expect(r.err.split(separator: "\n") == [
            "brief: /nonexistent/x.md: No such file or directory",
            "brief: \(fifo): not a regular file",
            "brief: \(empty): no articles here (*.md, *.markdown, *.txt, *.html)",
        ])
        #expect(r.out.split(separator: "\n").count == 1)
    }

    @Test("Usage errors, --help and --version", .enabled(if: binaryExists, "brief not built"))
    func usage() throws {
        let bad = try run(["outline", "--format", "yaml", "x"])
        #expect(bad.status == 64)
        #expect(bad.err.contains("yaml"))
        let help = try run(["--help"])
        #expect(help.status == 0)
        #expect(help.out.contains("outline"))
        let version = try run(["--version"])
        #expect(version.status == 0)
        #expect(version.out.trimmingCharacters(in: .whitespacesAndNewlines).first?.isNumber == true)
    }

    @Test("Many files on several threads print exactly what one thread prints, errors in place",
          .enabled(if: binaryExists, "brief not built"))
    func parallelOutputIsSequentialOutput() throws {
        let arguments = ["Articles", "/nonexistent/a.md", "Articles/shipping-lanes.md", "Articles"]
        for format in ["json", "text"] {
            let one = try BriefProcess.run(["outline", "--format", format] + arguments, environment: ["BRIEF_JOBS": "1"])
            let four = try BriefProcess.run(["outline", "--format", format] + arguments, environment: ["BRIEF_JOBS": "4"])
            #expect(one.status == 1 && four.status == 1)
            #expect(four.out == one.out)
            #expect(four.err == one.err)
            #expect(one.out.contains("Microsoft and OpenAI Pivot"))
        }
        let claimsOne = try BriefProcess.run(["claims", "--format", "json", "Articles"], environment: ["BRIEF_JOBS": "1"])
        let claimsTwo = try BriefProcess.run(["claims", "--format", "json", "Articles"], environment: ["BRIEF_JOBS": "2"])
        #expect(claimsTwo.out == claimsOne.out)
        #expect(claimsOne.out.split(separator: "\n").count == 8)
    }

    @Test("The quick start (brief outline without the argument parser) still honours --format and errors",
          .enabled(if: binaryExists, "brief not built"))
    func quickStartOutline() throws {
        let json = try run(["outline", "--format", "json", "Articles/shipping-lanes.md"])
        #expect(json.status == 0)
        #expect(json.out.hasPrefix("{\"source\":\"Articles/shipping-lanes.md\""))
        let text = try run(["outline", "Articles/shipping-lanes.md"])
        #expect(text.status == 0 && !text.out.hasPrefix("{"))
        let unknown = try run(["outline", "--bogus", "Articles"])
        #expect(unknown.status == 64)
        let none = try run(["outline"])
        #expect(none.status == 64)
    }
}
