import BriefProcess
import Foundation
import Testing

/// `brief extract`, and URLs wherever an article is read, against pages served by the
/// loopback fault server. Each test has its own cache and data folders.
@Suite("brief extract and URLs on the command line", .serialized)
struct ExtractCommandTests {
    static var ready: Bool { BriefProcess.exists }

    /// Runs brief with a fresh cache and data home (kept across calls within one `Homes`).
    struct Homes {
        let root: URL
        init() throws { root = try BriefProcess.temporaryDirectory("extract") }
        var environment: [String: String] {
            ["XDG_CACHE_HOME": root.path + "/cache", "XDG_DATA_HOME": root.path + "/data",
             "BRIEF_OFFLINE": "0", "BRIEF_REFRESH": "0", "http_proxy": "", "HTTP_PROXY": "", "no_proxy": "127.0.0.1"]
        }
        func run(_ arguments: [String], stdin: String? = nil, _ extra: [String: String] = [:]) throws -> BriefProcess.Result {
            try BriefProcess.run(arguments, stdin: stdin, environment: environment.merging(extra) { $1 })
        }
        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    func hasControls(_ text: String) -> Bool {
        text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value) }
    }

    @Test("text: the title, byline and date line, the paragraphs; no navigation or footer", .enabled(if: ready))
    func text() throws {
        let homes = try Homes()
        defer { homes.remove() }
        try withFaultServer { server in
            let r = try homes.run(["extract", server.url("/article")])
            #expect(r.status == 0, "\(r.err)")
            #expect(r.err.isEmpty)
            let lines = r.out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(lines.first == "Council Approves the New Budget")
            #expect(r.out.contains("Jane Smith"))
            #expect(r.out.contains("2026-03-04"))
            #expect(r.out.contains("\n\nThe city council approved a budget of 4.2 billion dollars on Tuesday"))
            #expect(r.out.contains("Read the full budget for the figures, by department."))
            #expect(!r.out.contains("Home") && !r.out.contains("Copyright") && !r.out.contains("Privacy"))
        }
    }

    @Test("json: one object a line with the documented keys; the source is the URL as given", .enabled(if: ready))
    func json() throws {
        let homes = try Homes()
        defer { homes.remove() }
        try withFaultServer { server in
            let r = try homes.run(["extract", "--format", "json", server.url("/article"), server.url("/redirect-article")])
            #expect(r.status == 0, "\(r.err)")
            let objects = try r.out.split(separator: "\n").map {
                try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
            }
            #expect(objects.count == 2)
            for object in objects {
                #expect(Set(object.keys) == ["source", "url", "title", "byline", "published", "site", "lang", "text", "words"])
                #expect(object["title"] as? String == "Council Approves the New Budget")
                #expect(object["byline"] as? String == "Jane Smith")
                #expect(object["published"] as? String == "2026-03-04T10:00:00Z")
                #expect(object["lang"] as? String == "en")
                #expect((object["text"] as? String)?.components(separatedBy: "\n").count == 5)
                #expect((object["words"] as? Int ?? 0) > 90)
            }
            #expect(objects[0]["source"] as? String == server.url("/article"))
            #expect(objects[1]["source"] as? String == server.url("/redirect-article"))
            #expect(objects[1]["url"] as? String == server.url("/article"))  // where the redirect led
        }
    }

    @Test("markdown: Brief reads it back into the outline of the page", .enabled(if: ready))
    func markdownRoundTrip() throws {
        let homes = try Homes()
        defer { homes.remove() }
        try withFaultServer { server in
            let markdown = try homes.run(["extract", "--format", "markdown", server.url("/article")])
            #expect(markdown.status == 0)
            let file = homes.root.appendingPathComponent("article.md")
            try markdown.out.write(to: file, atomically: true, encoding: .utf8)
            func nodes(_ source: String) throws -> [String] {
                let r = try homes.run(["outline", "--format", "json", source])
                let object = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
                var texts = [object["title"] as? String ?? ""]
                for node in object["outline"] as? [[String: Any]] ?? [] {
                    texts.append("\(node["kind"] ?? "") \(node["text"] ?? "")")
                }
                return texts
            }
            let page = try nodes(server.url("/article"))
            #expect(page.count >= 6)
            #expect(try nodes(file.path) == page)
        }
    }

    @Test("outline, claims and notes take a URL; the note's export names the URL", .enabled(if: ready))
    func everyCommand() throws {
        let homes = try Homes()
        defer { homes.remove() }
        try withFaultServer { server in
            let url = server.url("/article")
            let outline = try homes.run(["outline", url])
            #expect(outline.status == 0)
            #expect(outline.out.contains("Council Approves the New Budget"))
            let claims = try homes.run(["claims", "--format", "json", url])
            #expect(claims.status == 0)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(claims.out.utf8)) as? [String: Any])
            #expect(!((object["claims"] as? [Any]) ?? []).isEmpty)
            let add = try homes.run(["notes", "add", url, "--quote", "raises spending on transit by 12 percent", "--note", "check the 12"])
            #expect(add.status == 0, "\(add.err)")
            let list = try homes.run(["notes", "list", url])
            #expect(list.out.contains("check the 12"))
            let export = try homes.run(["notes", "export", "--format", "json"])
            #expect(export.out.contains(url))
            #expect(export.out.contains("Council Approves the New Budget"))
            // Offline, from the kept copy, the note is still there.
            let offline = try homes.run(["notes", "list", url], ["BRIEF_OFFLINE": "1"])
            #expect(offline.status == 0)
            #expect(offline.out.contains("check the 12"))
        }
    }

    @Test("A page is fetched once and kept: again offline, fetched anew with --refresh", .enabled(if: ready))
    func cache() throws {
        let homes = try Homes()
        defer { homes.remove() }
        try withFaultServer { server in
            let url = server.url("/counted/cache")
            func count() throws -> String {
                try server.get("/count/cache")
            }
            #expect(try homes.run(["extract", url]).status == 0)
            #expect(try homes.run(["extract", url]).status == 0)
            #expect(try count() == "1")
            let offline = try homes.run(["extract", url], ["BRIEF_OFFLINE": "1"])
            #expect(offline.status == 0)
            #expect(offline.out.hasPrefix("Council Approves the New Budget"))
            #expect(try homes.run(["extract", "--refresh", url]).status == 0)
            #expect(try count() == "2")
            #expect(try homes.run(["outline", url], ["BRIEF_REFRESH": "1"]).status == 0)
            #expect(try count() == "3")

            let missing = try homes.run(["extract", server.url("/counted/never")], ["BRIEF_OFFLINE": "1"])
            #expect(missing.status == 1)
            #expect(missing.err.contains("not in the page cache"))
        }
    }

    @Test("Failures are one line each, the other inputs still extracted, exit status 1", .enabled(if: ready))
    func failures() throws {
        let homes = try Homes()
        defer { homes.remove() }
        try withFaultServer { server in
            let r = try homes.run(["extract", "--format", "json", server.url("/404"), server.url("/article"),
                                   server.url("/500"), server.url("/loop"), "/no/such/file.html"],
                                  ["BRIEF_TIMEOUT": "5"])
            #expect(r.status == 1)
            #expect(r.out.split(separator: "\n").count == 1)
            let errors = r.err.split(separator: "\n").map(String.init)
            #expect(errors.count == 4, "\(errors)")
            #expect(errors.allSatisfy { $0.hasPrefix("brief: ") })
            #expect(errors.contains { $0.contains("/404") && $0.contains("404") })
            #expect(errors.contains { $0.contains("/500") && $0.contains("500") })
            #expect(errors.contains { $0.contains("/loop") && $0.lowercased().contains("redirect") })
            #expect(errors.contains { $0.contains("/no/such/file.html") })
        }
    }

    @Test("A slow server meets BRIEF_TIMEOUT; a page over BRIEF_MAX_PAGE is refused", .enabled(if: ready))
    func limits() throws {
        let homes = try Homes()
        defer { homes.remove() }
        try withFaultServer { server in
            let (slow, seconds) = try timed { try homes.run(["extract", server.url("/slow")], ["BRIEF_TIMEOUT": "1"]) }
            #expect(slow.status == 1)
            #expect(seconds < 8, "the 10 s page was waited for: \(seconds) s")
            #expect(slow.err.hasPrefix("brief: ") && slow.err.split(separator: "\n").count == 1)

            let big = try homes.run(["extract", server.url("/article")], ["BRIEF_MAX_PAGE": "500"])
            #expect(big.status == 1)
            #expect(big.err.contains("/article"))
        }
    }

    @Test("The charset from the HTTP header alone is honoured", .enabled(if: ready))
    func headerCharset() throws {
        let homes = try Homes()
        defer { homes.remove() }
        try withFaultServer { server in
            let r = try homes.run(["extract", server.url("/article-latin1")])
            #expect(r.status == 0)
            #expect(r.out.hasPrefix("Café Owners Welcome the Budget"))
            #expect(r.out.contains("The cafés of the city council"))
            // And again from the cache, which keeps the header's charset.
            let offline = try homes.run(["extract", server.url("/article-latin1")], ["BRIEF_OFFLINE": "1"])
            #expect(offline.out == r.out)
        }
    }

    @Test("Control sequences in a page reach no output, in any format", .enabled(if: ready))
    func controls() throws {
        let homes = try Homes()
        defer { homes.remove() }
        try withFaultServer { server in
            for format in ["text", "markdown", "json"] {
                let r = try homes.run(["extract", "--format", format, server.url("/evil")])
                #expect(r.status == 0)
                #expect(r.out.contains("Evil"))
                #expect(!hasControls(r.out), "\(format)")
            }
            for command in [["outline"], ["claims"]] {
                let r = try homes.run(command + [server.url("/evil")])
                #expect(!hasControls(r.out), "\(command)")
            }
        }
    }

    @Test("HTML files and standard input are read as pages too; plain text served over HTTP stays plain", .enabled(if: ready))
    func filesAndStdin() throws {
        let homes = try Homes()
        defer { homes.remove() }
        let page = "<!DOCTYPE html><html><head><title>Saved Page</title></head><body><article><p>The council met on Tuesday, as it does, and approved the budget, which raises spending.</p></article></body></html>"
        let file = homes.root.appendingPathComponent("saved.html")
        try page.write(to: file, atomically: true, encoding: .utf8)
        let fromFile = try homes.run(["extract", file.path])
        #expect(fromFile.out.hasPrefix("Saved Page\n"))
        let fromStdin = try homes.run(["extract", "-"], stdin: page)
        #expect(fromStdin.out == fromFile.out)
        let library = try homes.run(["outline", homes.root.path])
        #expect(library.out.contains("Saved Page"))
        try withFaultServer { server in
            let plain = try homes.run(["outline", "--format", "json", server.url("/plain")])
            #expect(plain.status == 0)
            #expect(plain.out.contains("\"title\":\"Plain Text News\""))
        }
    }

    @Test("extract with nothing to read says so", .enabled(if: ready))
    func usage() throws {
        let homes = try Homes()
        defer { homes.remove() }
        let r = try homes.run(["extract"])
        #expect(r.status == 64)
        #expect(r.err.contains("Missing expected argument '<source> ...'"))
        #expect(r.err.contains("Usage: brief extract <source> ..."))
    }
}
