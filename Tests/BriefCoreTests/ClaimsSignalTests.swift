import Testing
@testable import BriefCore

// One test per signal of the key-claim scorer: each sentence is written so that the
// signal fires (or does not) for a reason stated next to it.

@Suite("Key claims: stemming and tokens")
struct ClaimsStemmerTests {
    @Test("Related forms share a stem")
    func related() {
        // The pairs the issue names, and other derivations the evidence links rely on.
        #expect(Stemmer.stem("maturation") == Stemmer.stem("maturing"))
        #expect(Stemmer.stem("regulatory") == Stemmer.stem("regulators"))
        #expect(Stemmer.stem("regulation") == Stemmer.stem("regulators"))
        #expect(Stemmer.stem("exclusive") == Stemmer.stem("exclusivity"))
        #expect(Stemmer.stem("revision") == Stemmer.stem("revising"))
        #expect(Stemmer.stem("independence") == Stemmer.stem("independent"))
        #expect(Stemmer.stem("policies") == Stemmer.stem("policy"))
        #expect(Stemmer.stem("planned") == Stemmer.stem("plan"))
        #expect(Stemmer.stem("subsidizing") == Stemmer.stem("subsidies"))
        #expect(Stemmer.stem("realization") == Stemmer.stem("realize"))
        // Possessives go first, with either apostrophe.
        #expect(Stemmer.stem("OpenAI’s") == "openai")
        #expect(Stemmer.stem("students'") == Stemmer.stem("students"))
    }

    @Test("Short words, numbers and contractions stay whole")
    func whole() {
        #expect(Stemmer.stem("news") == "news")  // four letters: too short to strip
        #expect(Stemmer.stem("2014s") == "2014s")
        #expect(Stemmer.stem("don't") == "don't")
        #expect(Stemmer.stem("unrelated") != Stemmer.stem("related"))
    }

    @Test("Words, apostrophes and quotation marks")
    func tokens() {
        let tokenizer = Tokenizer()
        let text = "Microsoft’s partners don't say “we won” — ‘maybe’."
        let tokens = tokenizer.tokens(of: text)
        let utf8 = Array(text.utf8)
        let words = tokens.map { String(decoding: utf8[Int($0.start)..<Int($0.end)], as: UTF8.self) }
        #expect(words == ["Microsoft’s", "partners", "don't", "say", "we", "won", "maybe"])
        // The curly apostrophe reads as a straight one.
        #expect(tokens[0].hash == WordHash.of("microsoft's"))
        #expect(tokens[2].hash == WordHash.of("don't"))
        // Only the words between quotation marks are quoted.
        #expect(tokens.map(\.quoted) == [false, false, false, false, true, true, true])
        #expect(tokens[0].capitalized && !tokens[1].capitalized)
        #expect(tokenizer.tokens(of: "The IP deal").map(\.allCaps) == [false, true, false])
    }
}

@Suite("Key claims: signals")
struct ClaimsSignalTests {
    func value(_ sentence: String, _ feature: Feature, title: String = "Notes") -> Double {
        ClaimsFixture.measure(sentence, title: title)[feature] ?? .nan
    }

    @Test("Deontic modals: the author says what ought to happen")
    func deontic() {
        #expect(value("Congress should repeal the law before the summer.", .deontic) == 1)
        #expect(value("Regulators need to act before the next crisis.", .deontic) == 1)
        // The same content as a report of what happened has no modal.
        #expect(value("Congress repealed the law before the summer.", .deontic) == 0)
    }

    @Test("Hedges and boosters")
    func hedgesAndBoosters() {
        #expect(value("The merger will likely fail within a year.", .hedge) == 1)
        #expect(value("The merger will likely fail within a year.", .future) == 1)
        #expect(value("This is clearly the wrong answer for voters.", .booster) == 1)
        #expect(value("The merger failed within a year.", .hedge) == 0)
    }

    @Test("Stance patterns")
    func stance() {
        #expect(value("At heart, the pivot reflects a maturing market.", .stance) == 2)  // "at heart", "reflects"
        #expect(value("The real question is who pays for the bridge.", .stance) >= 1)
        #expect(value("The bridge opened to traffic on a cold morning.", .stance) == 0)
    }

    @Test("Evaluative words")
    func evaluative() {
        #expect(value("It is a dangerous and reckless idea for the region.", .evaluative) == 2)
        #expect(value("It is a bridge across the river to the region.", .evaluative) == 0)
    }

    @Test("The author's voice: we, our, I believe")
    func voice() {
        // "we" and "our" both count; the count is capped at two.
        #expect(value("We must protect our schools from these cuts.", .firstPersonPlural) == 2)
        #expect(value("I believe the settlement is fair to both sides.", .firstPersonOpinion) == 1)
        // "I" alone is memoir more often than argument, a separate signal.
        #expect(value("I walked to the station in the rain that night.", .firstPersonSingular) == 1)
        #expect(value("I walked to the station in the rain that night.", .firstPersonOpinion) == 0)
    }

    @Test("Attribution to others counts against a claim")
    func attribution() {
        #expect(value("The minister said the talks had collapsed overnight.", .attribution) == 1)
        #expect(value("According to the ministry, the talks collapsed overnight.", .attribution) == 1)
        #expect(value("The talks collapsed because neither side would move.", .attribution) == 0)
        let scored = ClaimsFixture.scored("The minister said the talks had collapsed overnight.")
        #expect(scored.why.contains("attribution: \"said\" (−)"))
    }

    @Test("Quoted words count against a claim; a block quote is all quoted")
    func quoted() {
        // Three of the five words ("We will win", "he", "said") are inside the quotation marks.
        #expect(value("“We will win,” he said.", .quoted) == 0.6)
        #expect(value("We will win, and he knows it.", .quoted) == 0)
        // Cues inside a quotation are someone else's: "should" is not the author's.
        #expect(value("“You should resign,” the protesters chanted outside.", .deontic) == 0)
        let markdown = ArticleParser.parse("# Notes\n\nIntro text here.\n\n> We should all resign today.\n", fileName: "q.md")
        let quote = ClaimsFixture.measurements(markdown).first { $0.text == "We should all resign today." }
        #expect(quote?.values[.quoted] == 1)
    }

    @Test("Numbers and quantities")
    func numbers() {
        // "12", "3.5" and "2014" have digits (capped at three); "percent" and "billion" are quantities.
        #expect(value("Sales rose 12 percent to 3.5 billion dollars in 2014.", .numbers) == 3)
        #expect(value("Sales rose 12 percent to 3.5 billion dollars in 2014.", .quantity) == 2)
    }

    @Test("Past-tense narrative")
    func pastTense() {
        // Two regular past forms; "has failed" is a present perfect, not narrative.
        #expect(value("The senator walked out and slammed the door behind him.", .pastTense) == 2)
        #expect(value("The policy has failed the people it was meant to help.", .pastTense) == 0)
        #expect(value("The policy has failed the people it was meant to help.", .pastIrregular) == 1)  // "was"
    }

    @Test("Names: capitalized words after the first")
    func properNouns() {
        // Obama, Angela, Merkel, Berlin: four of the six words after the first.
        #expect(value("Barack Obama met Angela Merkel in Berlin.", .properNouns) == 4.0 / 6.0)
        // "I" is not a name.
        #expect(value("Today I think taxes are too high.", .properNouns) == 0)
    }

    @Test("Form: questions, short sentences, argumentative openers")
    func form() {
        #expect(value("Who will pay for the new bridge?", .question) == 1)
        #expect(value("“Who will pay for the new bridge?”", .question) == 1)
        #expect(value("The city will pay for the new bridge.", .question) == 0)
        #expect(value("It failed badly.", .short) == 1)
        #expect(value("But that misses the point of the whole exercise.", .opensWithConnective) == 1)
        #expect(value("That misses the point of the whole exercise.", .opensWithConnective) == 0)
    }

    @Test("Overlap with the title, by stem")
    func titleOverlap() {
        // Title content stems: regul(ators), rein, crypto, lend(ers) ("must", "in" are stopwords);
        // the sentence has three of the four.
        let title = "Regulators Must Rein In Crypto Lenders"
        #expect(value("Crypto lending needs regulation now.", .titleOverlap, title: title) == 0.75)
        #expect(value("The weather was fine all week.", .titleOverlap, title: title) == 0)
        let scored = ClaimsFixture.scored("Crypto lending needs regulation now.", title: title)
        #expect(scored.why.contains("title overlap 0.75"))
    }

    @Test("Position: lead, first paragraph, conclusion")
    func position() {
        let article = ClaimsFixture.article(title: "Notes", paragraphs: [
            "The first sentence opens the piece. The second one follows it.",
            "A middle paragraph sits here. It has two sentences.",
            "The last paragraph closes the argument.",
        ])
        let m = ClaimsFixture.measurements(article)
        #expect(m.count == 5)
        #expect(m.map { $0.values[.firstSentence]! } == [1, 0, 0, 0, 0])
        #expect(m.map { $0.values[.lead]! } == [1, 1, 1, 0, 0])
        #expect(m.map { $0.values[.firstParagraph]! } == [1, 1, 0, 0, 0])
        #expect(m.map { $0.values[.paragraphStart]! } == [1, 0, 1, 0, 1])
        #expect(m.map { $0.values[.lastParagraph]! } == [0, 0, 0, 0, 1])
        #expect(m.map { $0.values[.position]! } == [0, 0.25, 0.5, 0.75, 1])
        #expect(m.map { $0.values[.early]! } == [1, 1, 0, 0, 0])  // the first quarter of five sentences
    }

    @Test("Centrality: sentences sharing the article's vocabulary rank higher")
    func centrality() {
        let article = ClaimsFixture.article(title: "Notes", paragraphs: [
            "Tariffs raise prices for households and firms.",
            "Tariffs on steel raise prices for carmakers.",
            "Households pay the tariffs through higher prices.",
            "The weather in April was unusually mild.",
        ])
        let m = ClaimsFixture.measurements(article)
        // The sentence about the weather shares no word with the others: least central.
        #expect(m[3].values[.centrality] == 0)
        #expect(m[0].values[.centrality]! > m[3].values[.centrality]!)
    }

    @Test("Reasons name the words that fired, strongest first")
    func reasons() {
        let scored = ClaimsFixture.scored("At heart, this pivot reflects a maturing market, and regulators will likely follow.")
        #expect(scored.why.contains("stance: \"reflects\""))
        #expect(scored.why.contains("stance: \"at heart\""))
        #expect(scored.why.contains("hedge: \"likely\""))
        #expect(scored.score > 0 && scored.score < 1)
    }
}
