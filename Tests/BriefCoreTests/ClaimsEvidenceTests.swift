import Testing
@testable import BriefCore
@testable import BriefStore

@Suite("Key claims: evidence for summary bullets")
struct ClaimsEvidenceTests {
    static let example = ClaimsFixture.article("microsoft-openai-non-exclusive.txt")

    @Test("The user's example: bullets 1, 2, 3 are best supported by lines 5, 6, 7")
    func example() {
        let article = Self.example
        let bullets = article.blocks.indices.filter { article.blocks[$0].kind == .bullet }
        #expect(bullets.count == 3)
        let analysis = ClaimAnalyzer().analyze(article)
        let best = bullets.map { analysis.evidence[$0]?.first?.line }
        #expect(best == [5, 6, 7])
        // Every piece of evidence is a body sentence, verbatim, best first, at most three.
        for b in bullets {
            let evidence = analysis.evidence[b] ?? []
            #expect(!evidence.isEmpty && evidence.count <= EvidenceLinker.maximumEvidence)
            for e in evidence {
                let block = article.blocks.first { $0.line == e.line && $0.kind == .paragraph }
                #expect(block?.text.contains(e.text) == true)
            }
        }
        // The second bullet's "maturation" meets line 6's "maturing" (by stem), and its
        // "shift" the "pivot" of the same sentence (by synonym).
        #expect(analysis.evidence[bullets[1]]?.first?.text
            == "At its core, this pivot reflects the maturing reality of the artificial intelligence sector.")
    }

    @Test("Bullets are summaries, not claim candidates; the body's claims are")
    func bulletsAreNotClaims() {
        let analysis = ClaimAnalyzer().analyze(Self.example)
        #expect(analysis.claims.allSatisfy { Self.example.blocks[$0.blockIndex].kind == .paragraph })
    }

    @Test("Links follow content, not position")
    func content() {
        // The bullets are in the reverse order of the paragraphs they summarize.
        let article = Article(title: "Harbour plan", titleLine: 1, reading: .onePerLine, blocks: [
            Block(kind: .bullet, text: "Dredging costs rise sharply.", line: 2, level: 1),
            Block(kind: .bullet, text: "Ferry timetables change in spring.", line: 3, level: 1),
            Block(kind: .paragraph, text: "The ferry timetable will change in the spring, with fewer early crossings.", line: 4),
            Block(kind: .paragraph, text: "Dredging the channel now costs far more than planned, as the rising silt shows.", line: 5),
        ])
        let analysis = ClaimAnalyzer().analyze(article)
        #expect(analysis.evidence[0]?.first?.line == 5)
        #expect(analysis.evidence[1]?.first?.line == 4)
    }

    @Test("Acronyms meet their words: IP ~ intellectual property")
    func acronyms() {
        let article = Article(title: "Licensing", titleLine: 1, reading: .onePerLine, blocks: [
            Block(kind: .bullet, text: "IP terms loosen.", line: 2, level: 1),
            Block(kind: .paragraph, text: "Cloud hosting stays as it was.", line: 3),
            Block(kind: .paragraph, text: "The intellectual property terms are looser now.", line: 4),
        ])
        let analysis = ClaimAnalyzer().analyze(article)
        #expect(analysis.evidence[0]?.first?.line == 4)
        let analyzer = ClaimAnalyzer()
        let tokens = Tokenizer().tokens(of: "the intellectual property terms")
        #expect(analyzer.spellsOut(Array("ip".utf8), in: tokens[...]))
        #expect(!analyzer.spellsOut(Array("ai".utf8), in: tokens[...]))
    }

    @Test("No summary bullets, no evidence")
    func none() {
        let article = ClaimsFixture.article(title: "Plain", paragraphs: ["One paragraph here.", "Another one there."])
        #expect(ClaimAnalyzer().analyze(article).evidence.isEmpty)
    }
}

@Suite("Key claims: verbatim sentences and the outline")
struct ClaimsOutlineTests {
    @Test("Every claim is a whole sentence of its block, exactly as it stands", arguments: ClaimsFixture.sampleArticleNames())
    func verbatim(name: String) {
        let article = ClaimsFixture.article(name)
        let analyzer = ClaimAnalyzer()
        let segmenter = SentenceSegmenter(rules: .reading)
        for claim in analyzer.analyze(article, claimCount: 1000).claims {
            let text = article.blocks[claim.blockIndex].text
            let bytes = Array(text.utf8)
            #expect(claim.range.lowerBound >= 0 && claim.range.upperBound <= bytes.count)
            // The range holds the text, byte for byte.
            #expect(String(decoding: bytes[claim.range], as: UTF8.self) == claim.text)
            #expect(claim.line == article.blocks[claim.blockIndex].line)
            // It is one of the segmenter's sentences of the block, trimmed (or, after an
            // initialism such as "U.S.", two of them: see `initialisms` below).
            let sentences = segmenter.sentences(in: text)
            let runs = sentences.indices.flatMap { i in
                (i..<min(i + 2, sentences.count)).map { sentences[i...$0].joined(separator: " ") }
            }
            #expect(runs.contains(claim.text))
            #expect(claim.score >= 0 && claim.score <= 1)
            #expect(!claim.why.isEmpty)
        }
    }

    @Test("Sentences after an initialism: \"the U.S. Federal Reserve\" is not split (segmenter workaround)")
    func initialisms() {
        let analyzer = ClaimAnalyzer()
        func sentences(_ text: String) -> [String] {
            let bytes = Array(text.utf8)
            return analyzer.sentenceOffsets(in: text).map { String(decoding: bytes[$0], as: UTF8.self) }
        }
        // ICU 72 breaks after "U.S." before any capital; a name goes on with the sentence.
        #expect(sentences("Investors think the U.S. Federal Reserve will wait. Others disagree.")
            == ["Investors think the U.S. Federal Reserve will wait.", "Others disagree."])
        // A function word after it does start a sentence.
        #expect(sentences("Growth slowed in the U.S. The euro area did better.")
            == ["Growth slowed in the U.S.", "The euro area did better."])
        // "Inc." is a word and "a.m." lowercase: left to the segmenter.
        #expect(sentences("Shares of Apple Inc. fell. Bonds rose.") == ["Shares of Apple Inc. fell.", "Bonds rose."])
        #expect(sentences("It closed at 9 a.m. Traders left.") == ["It closed at 9 a.m.", "Traders left."])
    }

    @Test("In a one-paragraph-per-line file, claims are found in the source, whitespace aside")
    func inSource() {
        let path = ClaimsFixture.packageRoot() + "/Articles/microsoft-openai-non-exclusive.txt"
        guard case .success(let bytes) = ArticleFiles.read(path) else { Issue.record("cannot read"); return }
        let source = String(decoding: bytes, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" })
            .joined(separator: " ")
        let article = ClaimsFixture.article("microsoft-openai-non-exclusive.txt")
        for claim in ClaimAnalyzer().scoreAll(article) {
            #expect(source.contains(claim.text))
        }
    }

    @Test("Claims become claim children of their paragraph, in reading order; evidence goes on bullets")
    func attach() {
        let article = ClaimsFixture.article("microsoft-openai-non-exclusive.txt")
        let analysis = ClaimAnalyzer().analyze(article, claimCount: 5)
        var outline = Outline(article: article)
        outline.attach(analysis)
        var claims: [OutlineNode] = []
        var bulletEvidence: [Int] = []
        outline.forEachDepthFirst { node, _ in
            if node.kind == .bullet { bulletEvidence.append(node.evidence.first?.line ?? 0) }
            let children = node.children.filter { $0.kind == .claim }
            guard !children.isEmpty else { return }
            #expect(node.kind == .paragraph)
            #expect(children.allSatisfy { $0.blockIndex == node.blockIndex && $0.line == node.line })
            #expect(children.allSatisfy { $0.level == 0 && $0.score != nil && $0.children.isEmpty })
            // Claim children come first, in the order of the text.
            let offsets = children.map { child in analysis.claims.first { $0.text == child.text }!.range.lowerBound }
            #expect(offsets == offsets.sorted())
            #expect(node.children.prefix(children.count).allSatisfy { $0.kind == .claim })
            claims += children
        }
        #expect(claims.count == 5)
        #expect(Set(claims.map(\.text)) == Set(analysis.claims.map(\.text)))
        #expect(bulletEvidence == [5, 6, 7])
        // Attaching again replaces, never duplicates.
        var again = outline
        again.attach(analysis)
        #expect(again == outline)
        // The JSON contract: claims with a score, bullets with evidence.
        let json = outline.json(source: "x.txt", reading: article.reading)
        #expect(json.contains("\"kind\":\"claim\""))
        #expect(json.contains("\"score\":"))
        #expect(json.contains("\"evidence\":[{\"line\":5,"))
    }
}
