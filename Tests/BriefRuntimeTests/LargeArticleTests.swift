import BriefCore
import BriefStore
import BriefUI
import Testing
@testable import BriefRuntime
#if canImport(Glibc)
import Glibc
#endif

/// An article over the size that is parsed in the background: numbered paragraphs, the
/// last one marked.
func largeArticle() -> String {
    var text = "# A Very Long Record\n\n"
    var n = 0
    while text.utf8.count < LargeArticle.backgroundSize + 200_000 {
        n += 1
        text += "Paragraph \(n) says that the harbour authority must publish its figures every week. "
            + "It adds detail that nobody will remember, in words that fill the line.\n\n"
    }
    return text + "The final paragraph is the closing marker.\n"
}

@Suite("A large article: the preview of its beginning, of its end, and the whole")
struct LargeArticleTests {
    @Test("It opens on its beginning while reading, then the whole parse and the key points arrive")
    func previewThenWhole() {
        let sandbox = Sandbox()
        let path = sandbox.write("long.md", largeArticle())
        let (status, terminal, state) = sandbox.run(path, [
            .waitUntil("the analysis", seconds: 60) { !$0.statusLine.contains("…") },
            .key(.char("q")),
        ])
        #expect(status == 0)
        #expect(terminal.screens[0].statusLine.contains("reading…"))
        #expect(terminal.screens[0].row(0).contains("A Very Long Record"))
        #expect(terminal.screens.contains { $0.statusLine.contains("analysing…") })
        #expect(state.reader?.document.preview == nil)
        #expect(state.busy == nil)
    }

    @Test("G before the whole parse shows the end; the whole parse keeps the same place in view")
    func endBeforeWhole() {
        let sandbox = Sandbox()
        let path = sandbox.write("long.md", largeArticle())
        let (_, terminal, state) = sandbox.run(path, [
            .key(.char("G")),
            .waitFor("closing marker"),
            .waitUntil("the analysis", seconds: 60) { !$0.statusLine.contains("…") },
            .key(.char("q")),
        ])
        let shownEnd = terminal.screens.firstIndex { $0.text.contains("closing marker") }
        #expect(shownEnd != nil)
        #expect(shownEnd.map { terminal.screens[$0].statusLine.contains("reading…") } == true, "shown before the whole parse")
        #expect(terminal.lastScreen.text.contains("closing marker"), "still at the end once the whole is in")
        #expect(state.reader?.document.preview == nil)
        // Left at the end: the place saved is the article's last block, not the tail preview's.
        let blocks = state.reader!.document.article.blocks.count
        #expect(sandbox.reading()?.record(for: path).map { $0.block >= blocks - 30 } == true)
    }

    @Test("A place remembered beyond the preview is shown once the whole parse arrives; q before keeps it")
    func rememberedBeyondPreview() {
        let sandbox = Sandbox()
        let path = sandbox.write("long.md", largeArticle())
        var store = sandbox.reading()!
        store.update(path, ReadingRecord(block: 5000, offset: 0, read: true))
        try! store.save()
        // Left before the whole parse: the remembered place stays.
        _ = sandbox.run(path, [.key(.char("q"))])
        #expect(sandbox.reading()?.record(for: path)?.block == 5000)
        let (_, terminal, _) = sandbox.run(path, [
            .waitUntil("the analysis", seconds: 60) { !$0.statusLine.contains("…") },
            .key(.char("q")),
        ])
        #expect(terminal.lastScreen.text.contains("Paragraph 5001 says"))
        #expect(sandbox.reading()?.record(for: path)?.block == 5000)
    }

    @Test("When the rest cannot be read, the beginning stays and the status says why")
    func restUnreadable() {
        let sandbox = Sandbox()
        let path = sandbox.write("long.md", largeArticle())
        let events = EventQueue()
        guard case .success(let (document, background)) = ArticleLoader(timing: nil).load(path, events: events) else {
            Issue.record("cannot load"); return
        }
        unlink(path)  // gone before the background reads it
        let terminal = FakeTerminal([.waitFor("only the beginning is shown"), .key(.char("q"))])
        let runtime = ReaderRuntime(state: AppState(width: 80, height: 24), terminal: terminal, notes: sandbox.notes,
                                    reading: sandbox.reading(), editor: ExternalEditor(environment: sandbox.environment),
                                    timing: nil, events: events, background: background)
        #expect(runtime.run(first: [.opened(document, remembered: nil)]) == 0)
        #expect(terminal.lastScreen.row(0).contains("A Very Long Record"))
        #expect(runtime.state.busy == nil)
    }
}
