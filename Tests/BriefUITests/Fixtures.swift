import Testing
import BriefCore
@testable import BriefUI

/// Articles with fixed analyses, so screen tests do not move when the claim scorer is retuned.
enum Fixtures {
    static let portsText = """
        # Ports Reopen as the Strait Calms

        - Shipping through the strait resumed on Monday.
        - Insurers are still charging war-risk premiums.

        Traffic through the strait returned to normal levels on Monday after a week of closures. The reopening should lower freight rates within a month. Analysts said the backlog would take weeks to clear.

        ## What comes next

        Insurers remain cautious, and premiums reflect a risk that has not gone away. The real question is whether the calm will last through the winter.

        > "We are watching closely," one broker said.

        Shipping lines expect volumes to recover by December, and the fleets that diverted around the cape will return first.

        ## The longer view

        Ports that invested in deeper berths during the closure now hold an advantage over their rivals.
        """

    static let cjkText = """
        # 東京市場の週間動向

        今週の東京市場では、輸出関連株が買われ、日経平均株価は五日続伸した。円安が追い風となり、自動車や電機の銘柄が上昇した。

        ## 上海

        上海市場は方向感に乏しい展開が続いた。投資家は政府の追加策を待っている。
        """

    /// A claim given by its sentence text, found in the article's blocks.
    static func claim(_ sentence: String, in article: Article, score: Double = 0.9) -> ScoredSentence {
        for (index, block) in article.blocks.enumerated() {
            let matches = TextSearch.matches(of: TextSearch.folded(sentence), in: block.text, limit: 1)
            if let range = matches.first {
                return ScoredSentence(text: sentence, score: score, line: block.line, section: nil, why: [],
                                      blockIndex: index, range: range, index: 0)
            }
        }
        fatalError("fixture sentence not found: \(sentence)")
    }

    static func ports(path: String = "/articles/ports.md") -> ReaderDocument {
        let article = ArticleParser.parse(portsText, fileName: "ports.md")
        let claims = [
            claim("The reopening should lower freight rates within a month.", in: article),
            claim("The real question is whether the calm will last through the winter.", in: article),
        ]
        let evidenceBlock = article.blocks.firstIndex { $0.text.hasPrefix("Traffic") }!
        let evidence = [0: [OutlineNode.Evidence(line: article.blocks[evidenceBlock].line,
                                                 text: "Traffic through the strait returned to normal levels on Monday after a week of closures.")]]
        return ReaderDocument(path: path, article: article,
                              analysis: ArticleAnalysis(claims: claims, evidence: evidence))
    }

    static func cjk() -> ReaderDocument {
        let article = ArticleParser.parse(cjkText, fileName: "tokyo.md")
        let claims = [claim("円安が追い風となり、自動車や電機の銘柄が上昇した。", in: article)]
        return ReaderDocument(path: "/articles/tokyo.md", article: article,
                              analysis: ArticleAnalysis(claims: claims, evidence: [:]))
    }

    static func library() -> LibraryState {
        LibraryState(entries: [
            LibraryEntry(path: "/a/ports.md", title: "Ports Reopen as the Strait Calms", words: 152, keyPoints: 2,
                         modified: 300, read: false, text: "shipping insurers strait"),
            LibraryEntry(path: "/a/budget.txt", title: "Harwick’s Budget Balances on Paper", words: 846, keyPoints: 4, notes: 2,
                         modified: 100, read: true, text: "council budget deficit"),
            LibraryEntry(path: "/a/tokyo.md", title: "東京市場の週間動向", words: 40, keyPoints: 1,
                         modified: 200, read: false, text: "円安 輸出"),
            LibraryEntry(path: "/a/chips.md", title: "The Fab and the State: What the Chip Subsidy Race Gets Wrong",
                         words: 5423, keyPoints: 27, modified: 400, read: false, text: "fabs subsidies"),
        ])
    }

    /// Applies keys in order and returns the effects of the last one.
    @discardableResult
    static func press(_ keys: [Key], on state: inout AppState) -> [Effect] {
        var effects: [Effect] = []
        for key in keys { effects = state.apply(key) }
        return effects
    }

    static func keys(_ text: String) -> [Key] { text.map { Key.char($0) } }
}

/// Asserts every row of the screen drawn for `state` (trailing spaces dropped).
func expectRows(_ state: AppState, _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    let rows = AppView.render(state).rows()
    #expect(rows.count == expected.count, "row count", sourceLocation: sourceLocation)
    for (index, (actual, wanted)) in zip(rows, expected).enumerated() {
        #expect(actual == wanted, "row \(index)", sourceLocation: sourceLocation)
    }
    if rows != expected {
        // The whole screen, ready to paste once checked by eye.
        print(rows.map { "            \"" + $0.replacing("\"", with: "\\\"") + "\"," }.joined(separator: "\n"))
    }
}
