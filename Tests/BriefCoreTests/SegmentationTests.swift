import Testing
@testable import BriefCore

// Expected lists were reasoned out sentence by sentence and then checked
// against ICU 72; comments say why each split (or non-split) is right.

@Suite("Sentence segmentation, reading rules")
struct SentenceReadingTests {
    let segmenter = SentenceSegmenter()

    @Test("Titles before names do not end a sentence")
    func titles() {
        // ICU's own suppression list covers "Mr."; plain UAX #29 splits after it.
        #expect(segmenter.sentences(in: "Microsoft's Mr. Nadella said the deal was done. Investors cheered.")
            == ["Microsoft's Mr. Nadella said the deal was done.", "Investors cheered."])
        #expect(SentenceSegmenter(rules: .standard).sentences(in: "Mr. Nadella spoke.")
            == ["Mr.", "Nadella spoke."])
        // "Dr.", "St.", "Gen.", "Sen.", "Gov." are not in ICU 72's list: ReadingRefinements joins them.
        #expect(segmenter.sentences(in: "Dr. Smith and Dr. Jones met at St. Mary's. They talked.")
            == ["Dr. Smith and Dr. Jones met at St. Mary's.", "They talked."])
        #expect(segmenter.sentences(in: "Gen. Milley and Sen. Warren spoke. It was brief.")
            == ["Gen. Milley and Sen. Warren spoke.", "It was brief."])
        #expect(segmenter.sentences(in: "It cost $3.50 in St. Louis. OK.")
            == ["It cost $3.50 in St. Louis.", "OK."])
        #expect(segmenter.sentences(in: "(Dr. Smith) arrived. Next.") == ["(Dr. Smith) arrived.", "Next."])
    }

    @Test("Abbreviations followed by lowercase, numbers and decimals")
    func abbreviationsAndNumbers() {
        // A lowercase word after the period means the sentence goes on (UAX #29 SB8).
        #expect(segmenter.sentences(in: "Officials in the U.S. on Tuesday said talks would resume.")
            == ["Officials in the U.S. on Tuesday said talks would resume."])
        #expect(segmenter.sentences(in: "Apple Inc. reported record sales on Tuesday.")
            == ["Apple Inc. reported record sales on Tuesday."])
        // "4 p.m." and "Inc." before a capital really do end these sentences:
        // nothing in the text can tell them from a title, so the break stays.
        #expect(segmenter.sentences(in: "The market opens at 9 a.m. on weekdays. It closes at 4 p.m. Traders go home.")
            == ["The market opens at 9 a.m. on weekdays.", "It closes at 4 p.m.", "Traders go home."])
        #expect(segmenter.sentences(in: "Shares of Apple Inc. fell. The index rose.")
            == ["Shares of Apple Inc. fell.", "The index rose."])
        // "Jan." is in ICU's list, so even a capital after the date does not split.
        #expect(segmenter.sentences(in: "On Jan. 5 the law took effect. Inflation was 3.5% in December.")
            == ["On Jan. 5 the law took effect.", "Inflation was 3.5% in December."])
        #expect(segmenter.sentences(in: "On Jan. 5 Congress voted.") == ["On Jan. 5 Congress voted."])
        // "U.S." before a capital is left to ICU, which splits: right here, wrong
        // for "the U.S. Army said"; both are common in news, and ICU 72 does not
        // suppress multi-period abbreviations before a capital at all.
        #expect(segmenter.sentences(in: "Prices rose 3% in the U.S. The Fed acted.")
            == ["Prices rose 3% in the U.S.", "The Fed acted."])
        // "No." joins only before a digit: "Say No." before a capital is a sentence.
        #expect(segmenter.sentences(in: "He lives at No. 3 Downing St. in London. Say No. Then go.")
            == ["He lives at No. 3 Downing St. in London.", "Say No.", "Then go."])
    }

    @Test("Quotes, question and exclamation marks, ellipses")
    func punctuation() {
        #expect(segmenter.sentences(in: "He said, “It is over.” Then he left.")
            == ["He said, “It is over.”", "Then he left."])
        // UAX #29 breaks after "?”" even before "he asked"; reading rules join a
        // quoted question or exclamation with the lowercase attribution after it.
        #expect(segmenter.sentences(in: "“Is it over?” he asked. “Yes!” she said.")
            == ["“Is it over?” he asked.", "“Yes!” she said."])
        #expect(segmenter.sentences(in: "“Why?” said Gov. Newsom.") == ["“Why?” said Gov. Newsom."])
        #expect(SentenceSegmenter(rules: .standard).sentences(in: "“Is it over?” he asked.")
            == ["“Is it over?”", "he asked."])
        #expect(segmenter.sentences(in: "Is it over? Yes! It is.") == ["Is it over?", "Yes!", "It is."])
        #expect(segmenter.sentences(in: "Really?! No way!!! Fine.") == ["Really?!", "No way!!!", "Fine."])
        // Three full stops before a capital end a sentence; U+2026 "…" is not
        // a sentence terminator in UAX #29, so ICU never splits after it (in
        // news it mostly marks an omission inside a quote, so this is acceptable).
        #expect(segmenter.sentences(in: "Wait... What happened? He paused… then spoke.")
            == ["Wait...", "What happened?", "He paused… then spoke."])
        #expect(segmenter.sentences(in: "He paused… Then he spoke.") == ["He paused… Then he spoke."])
    }

    @Test("Emoji, CJK, line breaks")
    func scripts() {
        #expect(segmenter.sentences(in: "I love it 😀. You too 👨‍👩‍👧! Great.")
            == ["I love it 😀.", "You too 👨‍👩‍👧!", "Great."])
        // "。", "？" and "！" are terminators that need no following space.
        #expect(segmenter.sentences(in: "我爱你。你好吗？很好！") == ["我爱你。", "你好吗？", "很好！"])
        // A paragraph separator ends a sentence even without punctuation.
        #expect(segmenter.sentences(in: "Para one\n\nPara two") == ["Para one", "Para two"])
        #expect(segmenter.sentences(in: "Line one.\r\nLine two.") == ["Line one.", "Line two."])
        // A line break after an abbreviation is still a break.
        #expect(segmenter.sentences(in: "See Dr.\nThe end.") == ["See Dr.", "The end."])
    }

    @Test("Whitespace and empty input")
    func whitespace() {
        #expect(segmenter.sentences(in: "") == [])
        #expect(segmenter.sentenceRanges(in: "") == [])
        #expect(segmenter.sentences(in: "   \n ") == [])
        #expect(segmenter.sentences(in: "  Leading space. Trailing space.  ")
            == ["Leading space.", "Trailing space."])
        #expect(segmenter.sentences(in: "No terminator") == ["No terminator"])
    }
}

@Suite("Sentence ranges")
struct SentenceRangeTests {
    /// The pieces of `text` cut at `ranges`, after checking they tile it.
    func pieces(_ text: String, _ ranges: [Range<String.Index>]) -> [String] {
        var position = text.startIndex
        for range in ranges {
            #expect(range.lowerBound == position, "ranges must be contiguous")
            #expect(!range.isEmpty)
            position = range.upperBound
        }
        #expect(position == text.endIndex, "ranges must cover the text")
        return ranges.map { String(text[$0]) }
    }

    @Test("Ranges cover the text; trailing spaces belong to the sentence")
    func coverage() {
        let segmenter = SentenceSegmenter()
        let text = "One. Two.  "
        #expect(pieces(text, segmenter.sentenceRanges(in: text)) == ["One. ", "Two.  "])
        let leading = "  Start. End"
        #expect(pieces(leading, segmenter.sentenceRanges(in: leading)) == ["  Start. ", "End"])
    }

    @Test("UTF-16 offsets map to exact indices", arguments: [SentenceRules.reading, .standard])
    func indexMapping(rules: SentenceRules) {
        let segmenter = SentenceSegmenter(rules: rules)
        // Surrogate pairs, a ZWJ family, a decomposed é, CJK, CRLF, a flag.
        let text = "Café 👨‍👩‍👧‍👦 is e\u{301}tonnant. 東京は晴れ。\r\nNext 🇺🇸 line."
        let result = pieces(text, segmenter.sentenceRanges(in: text))
        #expect(result == ["Café 👨‍👩‍👧‍👦 is e\u{301}tonnant. ", "東京は晴れ。\r\n", "Next 🇺🇸 line."])
        // String == compares canonically; the scalars prove the cut is exact.
        #expect(result.map { $0.unicodeScalars.count } == [27, 8, 13])
    }

    @Test("One segmenter is reused across calls and texts")
    func reuse() {
        let segmenter = SentenceSegmenter()
        for _ in 0..<3 {
            #expect(segmenter.sentences(in: "A b. C d.") == ["A b.", "C d."])
            #expect(segmenter.sentences(in: "我爱你。你好") == ["我爱你。", "你好"])
            #expect(segmenter.sentences(in: "") == [])
        }
    }

    @Test("A large text stays consistent (linear index walking)")
    func largeText() throws {
        let paragraph = "Dr. Smith said the U.S. on Tuesday raised rates 0.25%. Café 😀 ok! 東京。\n"
        let text = String(repeating: paragraph, count: 2_000)
        let segmenter = SentenceSegmenter()
        let ranges = segmenter.sentenceRanges(in: text)
        try #require(ranges.count == 3 * 2_000)
        #expect(ranges.first?.lowerBound == text.startIndex)
        #expect(ranges.last?.upperBound == text.endIndex)
        #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
        #expect(String(text[ranges[3 * 1_999 + 1]]) == "Café 😀 ok! ")
    }
}

@Suite("Word segmentation")
struct WordSegmentationTests {
    let segmenter = WordSegmenter()

    @Test("Words and numbers, no punctuation or spaces")
    func english() {
        // ICU keeps "Don't" and "3.5" whole; a final period is not part of a
        // word, so "U.S." yields "U.S"; hyphens separate words.
        #expect(segmenter.words(in: "Don't stop-believing, 3.5% of U.S. voters said: “no”!")
            == ["Don't", "stop", "believing", "3.5", "of", "U.S", "voters", "said", "no"])
        #expect(segmenter.words(in: "") == [])
        #expect(segmenter.words(in: " ,.— ") == [])
    }

    @Test("CJK words come from ICU's dictionary")
    func cjk() {
        #expect(segmenter.words(in: "我爱北京天安门") == ["我", "爱", "北京", "天安门"])
        #expect(segmenter.words(in: "日本語のテキスト") == ["日本語", "の", "テキスト"])
    }

    @Test("Combining marks stay in their word; emoji are not words")
    func marksAndEmoji() {
        let text = "e\u{301}te\u{301} 👨‍👩‍👧 cafe\u{301}!"
        let words = segmenter.words(in: text)
        #expect(words == ["e\u{301}te\u{301}", "cafe\u{301}"])
        #expect(words.map { $0.unicodeScalars.count } == [5, 5])
        #expect(words.last?.endIndex == text.index(before: text.endIndex))
    }

    @Test("Fallback splits on runs of letters and digits")
    func fallback() {
        #expect(WordSegmenter.fallbackWords(in: "Don't, 3 cafés!") == ["Don", "t", "3", "cafés"])
    }
}

@Suite("Line-break opportunities")
struct LineBreakTests {
    let breaker = LineBreaker()

    /// The text cut at every break opportunity.
    func lines(_ text: String) -> [String] {
        var result: [String] = []
        var start = text.startIndex
        for position in breaker.breakOpportunities(in: text) {
            result.append(String(text[start..<position]))
            start = position
        }
        return result
    }

    @Test("Never 0, always the end")
    func ends() {
        #expect(breaker.breakOpportunities(in: "") == [])
        #expect(breaker.breakOpportunities(in: "x") == ["x".endIndex])
        let text = "two words"
        let positions = breaker.breakOpportunities(in: text)
        #expect(positions.first != text.startIndex)
        #expect(positions.last == text.endIndex)
    }

    @Test("Spaces, hyphens and dashes")
    func hyphensAndDashes() {
        #expect(lines("well-known — dash") == ["well-", "known ", "— ", "dash"])
        #expect(lines("state-of-the-art") == ["state-", "of-", "the-", "art"])
        #expect(lines("2019–2020 season") == ["2019–", "2020 ", "season"])
        #expect(lines("a—b") == ["a", "—", "b"])
        // A hyphen that starts a word stays with it; a minus sign with its number.
        #expect(lines("-5 and -x") == ["-5 ", "and ", "-x"])
    }

    @Test("Never before closing punctuation")
    func closing() {
        #expect(lines("Hello, world! (Yes.)") == ["Hello, ", "world! ", "(Yes.)"])
        #expect(lines("“Quote,” he said.") == ["“Quote,” ", "he ", "said."])
        #expect(lines("Hello!!! World") == ["Hello!!! ", "World"])
        #expect(lines("e.g. 3.5% $10 (US)") == ["e.g. ", "3.5% ", "$10 ", "(US)"])
    }

    @Test("Between CJK characters, but not before 。")
    func cjk() {
        #expect(lines("我爱北京。天安门") == ["我", "爱", "北", "京。", "天", "安", "门"])
    }

    @Test("Indices are exact around emoji, ZWJ sequences, marks and CRLF")
    func indexMapping() {
        #expect(lines("a 👨‍👩‍👧 b") == ["a ", "👨‍👩‍👧 ", "b"])
        #expect(lines("🇺🇸🇫🇷 flags") == ["🇺🇸", "🇫🇷 ", "flags"])
        let marked = lines("co\u{301}o x\u{301}")
        #expect(marked == ["co\u{301}o ", "x\u{301}"])
        #expect(marked.map { $0.unicodeScalars.count } == [5, 2])
        #expect(lines("a\r\nb") == ["a\r\n", "b"])
    }

    @Test("Fallback breaks after whitespace")
    func fallback() {
        let text = "one  two\nthree"
        let positions = LineBreaker.fallbackOpportunities(in: text)
        #expect(positions.map { text.distance(from: text.startIndex, to: $0) } == [5, 9, 14])
    }
}
