import BriefProcess
import Foundation
import Testing

/// A web page read in the reader, as a person would: `brief URL`, a note on a key point,
/// the export naming the page's URL, and the page opened again with the server gone.
@Suite("Web pages in tmux", .serialized, .enabled(if: TmuxSession.isInstalled, "tmux not installed"))
struct WebEndToEndTests {
    func statusLine(_ session: TmuxSession) -> String { session.rows().last ?? "" }

    @Test("brief URL: the article without the page's navigation; a note; the export names the URL; offline again")
    func readNoteExportOffline() throws {
        let server = try FaultServer()
        var serverStopped = false
        defer { if !serverStopped { server.stop() } }
        let url = server.url("/article")
        let session = try TmuxSession([url], environment: ["no_proxy": "127.0.0.1", "http_proxy": ""])
        defer { session.stop() }
        let opened = session.waitFor { $0.contains("Council Approves the New Budget") && $0.contains("key point") }
        #expect(opened.ok, "\(opened.screen)")
        #expect(opened.screen.contains("The city council approved a budget"))
        #expect(!opened.screen.contains("Copyright The Loopback Times"))
        #expect(!opened.screen.contains("Sport"))

        session.send("]")
        #expect(session.waitFor { _ in self.statusLine(session).contains("key point 1/") }.ok)
        session.send("a")
        #expect(session.waitFor { _ in self.statusLine(session).hasPrefix(" Note:") }.ok)
        session.type("check against the city's figures")
        #expect(session.waitFor { _ in self.statusLine(session).contains("city's figures") }.ok)
        session.send("Enter")
        let saved = session.waitFor { _ in self.statusLine(session).contains("note saved") }
        #expect(saved.ok, "\(saved.screen)")
        session.send("q")
        #expect(session.waitFor("brief exited: 0").ok)

        let export = try session.runBrief(["notes", "export", "--format", "markdown"])
        #expect(export.status == 0)
        #expect(export.output.contains("check against the city's figures"), "\(export.output)")
        #expect(export.output.contains(url), "\(export.output)")
        #expect(export.output.contains("Council Approves the New Budget"))

        // The server is gone: the page opens from the page cache, with its note.
        server.stop()
        serverStopped = true
        let again = try TmuxSession([url], sharingStateWith: session, environment: ["BRIEF_OFFLINE": "1"])
        defer { again.stop() }
        let reopened = again.waitFor { $0.contains("Council Approves the New Budget") && $0.contains("1 note") }
        #expect(reopened.ok, "\(reopened.screen)")
    }

    @Test("A URL that fails is one clear line and exit status 1, the terminal left as it was")
    func failingURL() throws {
        try withFaultServer { server in
            let session = try TmuxSession([server.url("/404")], environment: ["no_proxy": "127.0.0.1", "http_proxy": ""])
            defer { session.stop() }
            let exited = session.waitFor("brief exited:")
            #expect(exited.screen.contains("brief exited: 1"), "\(exited.screen)")
            #expect(exited.screen.contains("brief: \(server.url("/404"))"), "\(exited.screen)")
            #expect(exited.screen.contains("404"))
            #expect(!session.alternateScreenOn)
        }
    }
}
