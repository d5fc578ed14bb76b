import Testing
@testable import BriefCore

@Suite("Outline: a paragraph's entry is a meaningful first sentence")
struct OutlineEntryTests {
    let renderer = OutlineTextRenderer(width: 1000)

    /// The outline text of a bundled article, as `brief outline` prints it.
    func outline(_ name: String) throws -> [String] {
        let article = try bundledArticle(name)
        var outline = Outline(article: article)
        outline.attach(ClaimAnalyzer(explains: false).analyze(article))
        return renderer.render(outline, article: article, source: name).split(separator: "\n").map(String.init)
    }

    @Test("The wire story's first entry goes past “the U.S.” (issue 16: “¶ … convinced that the U.S.”)")
    func initialism() throws {
        let lines = try outline("rate-decision-wire.txt")
        let entry = try #require(lines.first { $0.hasPrefix(" 3  ¶ ") })
        #expect(entry == " 3  ¶ WASHINGTON, March 4 (Brief Wire) — Investors are increasingly convinced that the U.S. Federal "
                + "Reserve will leave interest rates unchanged at its policy meeting later this month, after a run of data "
                + "showed inflation easing in goods prices but proving stubborn in services.")
    }

    @Test("A numbered paragraph's entry is not its number alone (issue 16: “¶ 1.”)")
    func listNumbers() throws {
        let lines = try outline("long-read-semiconductors.md")
        let entries = lines.filter { $0.contains("¶ ") && ["178", "180", "182", "184"].contains($0.split(separator: " ").first ?? "") }
        #expect(entries.map { $0.split(separator: "¶ ", maxSplits: 1).last.map(String.init) ?? "" }
                == ["1. Stranded fabs.", "2. A subsidy spiral.", "3. Ecosystem gaps.", "4. Neglect of the mature base."])
    }

    @Test("Short first sentences are joined with the next; ordinary ones are kept as they are")
    func entries() {
        #expect(renderer.entryText("1. Stranded fabs. The most obvious failure is a plant.") == "1. Stranded fabs.")
        #expect(renderer.entryText("Yes. But the plan failed badly. Then more.") == "Yes. But the plan failed badly.")
        #expect(renderer.entryText("No. 10 Downing Street said so. More.") == "No. 10 Downing Street said so.")
        #expect(renderer.entryText("Mr. Smith and Dr. Jones met. Then they left.") == "Mr. Smith and Dr. Jones met.")
        #expect(renderer.entryText("Some sectors, e.g. Energy and Mining, grew. Others fell.")
                == "Some sectors, e.g. Energy and Mining, grew.")
        #expect(renderer.entryText("The U.S. Senate voted. The House did not.") == "The U.S. Senate voted.")
        #expect(renderer.entryText("Chipmaking is thirsty. It needs water.") == "Chipmaking is thirsty.")
        #expect(renderer.entryText("Why? Nobody knows.") == "Why? Nobody knows.")
        #expect(renderer.entryText("Short.") == "Short.")
        #expect(renderer.entryText("  ") == "  ")
        // Words are counted as ICU counts them, so text without spaces is not one word.
        #expect(renderer.entryText("東京の株式市場は上昇した。円は下落した。") == "東京の株式市場は上昇した。")
    }

    @Test("“e.g.” and “i.e.” before a capital do not end a sentence, for the analysis too")
    func introducers() {
        let segmenter = SentenceSegmenter()
        #expect(segmenter.sentences(in: "Some sectors, e.g. Energy, grew. Others, i.e. Retail, fell. See cf. Smith.")
                == ["Some sectors, e.g. Energy, grew.", "Others, i.e. Retail, fell.", "See cf. Smith."])
        let text = "Prices rose, e.g. Food did. Next."
        let bytes = Array(text.utf8)
        #expect(ClaimAnalyzer().sentenceOffsets(in: text).map { String(decoding: bytes[$0], as: UTF8.self) }
                == ["Prices rose, e.g. Food did.", "Next."])
    }
}
