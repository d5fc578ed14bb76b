import Testing
import BriefCore
@testable import BriefUI

// The reader shows each key point's role and, on `w`, why it was chosen. The article is an
// op-ed written for the test: an anecdote, the position, an argument, a conclusion.

@Suite("Key points in the reader")
struct KeyPointsUITests {
    static let opinionText = """
        # The City Should Stop Giving Parking Away

        Last spring my neighbour spent forty minutes circling the blocks around the new library before she found a space. She was not alone: on a Saturday morning the garage on Elm Street was full by nine.

        Free parking is not free, and the city should stop giving it away. Every space the city provides costs taxpayers money, and drivers who park for nothing are subsidised by the residents who walk, cycle or take the bus.

        Supporters of free parking argue that shops depend on it. The evidence suggests otherwise: merchants routinely overestimate how many of their customers arrive by car.

        Charging a modest price would also make spaces easier to find. When parking is priced sensibly, a few spaces on every block stay open, and the circling that wastes time and fuel disappears.

        In the end, the real question is not whether drivers should pay, but whether everyone else should keep paying for them. The council should price its parking fairly and spend the money on the streets that need it.

        """

    static func opinion() -> ReaderDocument {
        ReaderDocument(path: "/articles/parking.md", article: ArticleParser.parse(opinionText, fileName: "parking.md"))
    }

    @Test("The document knows the kind; each key point carries its role and reasons in words")
    func documentRoles() {
        let document = Self.opinion()
        #expect(document.kind == .analysis)
        #expect(document.keyPoints.contains { $0.role == .thesis })
        #expect(document.keyPoints.allSatisfy { !$0.reasons.isEmpty })
        let thesis = document.keyPoints.first { $0.role == .thesis }
        #expect(thesis?.reasons.first == "states the article's position")
    }

    @Test("] names the key point's role in the status line; the outline pane names the thesis")
    func statusAndOutline() throws {
        let document = Self.opinion()
        var s = AppState(document: document, width: 100, height: 24)
        let k = try #require(document.keyPoints.firstIndex { $0.role == .thesis })
        Fixtures.press(Array(repeating: Key.char("]"), count: k + 1), on: &s)
        let rows = AppView.render(s).rows()
        #expect(rows[23].contains("key point \(k + 1)/\(document.keyPoints.count) thesis"), "\(rows[23])")
        #expect(rows.contains { $0.hasPrefix("  ★ thesis · ") }, "\(rows)")
    }

    @Test("w shows why the current key point was chosen, in a box any key closes")
    func whyOverlay() throws {
        let document = Self.opinion()
        var s = AppState(document: document, width: 80, height: 24)
        Fixtures.press([.char("]"), .char("w")], on: &s)
        let point = document.keyPoints[0]
        let screen = AppView.render(s)
        let rows = screen.rows()
        let titleRow = try #require(rows.firstIndex { $0.contains(" Why this key point ") })
        #expect(rows[titleRow + 1].contains("Key point 1/\(document.keyPoints.count) · \(point.role.rawValue)"))
        #expect(rows[titleRow + 1].contains("% likely a key point"))
        for reason in point.reasons {
            #expect(rows.contains { $0.contains("• " + reason.prefix(30)) }, "\(reason)")
        }
        // The box title is drawn as a heading.
        let column = try #require(rows[titleRow].firstRange(of: "Why")).lowerBound.utf16Offset(in: rows[titleRow])
        #expect(screen[titleRow, column].style.role == .heading)
        Fixtures.press([.char("j")], on: &s)
        #expect(!AppView.render(s).rows().contains { $0.contains("Why this key point") })
        #expect(s.whyShown == nil)
    }

    @Test("w without a key point below the view says so; w on an unanalysed article too")
    func whyWithoutKeyPoint() {
        let article = ArticleParser.parse(Self.opinionText, fileName: "parking.md")
        var s = AppState(document: ReaderDocument(path: "/p.md", article: article,
                                                   analysis: ArticleAnalysis(claims: [], evidence: [:])),
                         width: 80, height: 24)
        Fixtures.press([.char("w")], on: &s)
        #expect(s.whyShown == nil)
        #expect(s.message == "no key points in this article")
    }

    @Test("The library shows each article's kind and key points")
    func libraryKind() {
        let entries = [
            LibraryEntry(path: "/a/port.md", title: "Port of Halden Reopens", words: 420, keyPoints: 3, kind: .news,
                         modified: 2, read: false, text: ""),
            LibraryEntry(path: "/a/parking.md", title: "Stop Giving Parking Away", words: 380, keyPoints: 3,
                         kind: .analysis, modified: 1, read: true, text: ""),
        ]
        let s = AppState(library: LibraryState(entries: entries), width: 80, height: 10)
        let rows = AppView.render(s).rows()
        #expect(rows.contains { $0.contains("2 min · news report · 3 key points") }, "\(rows)")
        #expect(rows.contains { $0.contains("2 min · analysis · 3 key points") }, "\(rows)")
    }
}
