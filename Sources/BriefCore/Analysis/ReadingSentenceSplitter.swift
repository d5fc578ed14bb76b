/// The sentences of a block as Brief reads them, for the analysis and the outline alike: the
/// reading rules of `SentenceSegmenter`, with an initialism followed by a capitalized content
/// word kept in its sentence. Reuses its ICU iterator and tokenizer: not thread-safe.
final class ReadingSentenceSplitter {
    private let segmenter = SentenceSegmenter(rules: .reading)
    private let tokenizer = Tokenizer()
    private let lexicon = Lexicon.shared

    /// UTF-8 offsets of each sentence of `text`, trimmed of surrounding whitespace.
    ///
    /// Works around one break the reading rules of `SentenceSegmenter` make (ICU 72): after
    /// an initialism such as "U.S." or "U.K." followed by a capitalized word, as in "the
    /// U.S. Federal Reserve will…". When that word is not a function word ("The", "It",
    /// "But" do start sentences), the two pieces are one sentence.
    func sentenceOffsets(in text: String) -> [Range<Int>] {
        let utf8 = text.utf8
        var result: [Range<Int>] = []
        _ = utf8.withContiguousStorageIfAvailable { bytes in
            for range in segmenter.sentenceRanges(in: text) {
                var lower = utf8.distance(from: utf8.startIndex, to: range.lowerBound)
                var upper = utf8.distance(from: utf8.startIndex, to: range.upperBound)
                while lower < upper, Self.spaceWidth(bytes, lower) > 0 { lower += Self.spaceWidth(bytes, lower) }
                while upper > lower, Self.spaceWidthBefore(bytes, upper) > 0 { upper -= Self.spaceWidthBefore(bytes, upper) }
                guard lower < upper else { continue }
                if let last = result.last, Self.endsWithInitialism(bytes, last.upperBound),
                   startsWithCapitalizedContentWord(bytes, lower, upper) {
                    result[result.count - 1] = last.lowerBound..<upper
                } else {
                    result.append(lower..<upper)
                }
            }
        }
        return result
    }

    /// Whether the text before `end` is an initialism: two or more capital letters each
    /// followed by a period ("U.S.", "U.K."; not "a.m."), after a space, a bracket or the start.
    static func endsWithInitialism(_ b: UnsafeBufferPointer<UInt8>, _ end: Int) -> Bool {
        var i = end
        var letters = 0
        while i >= 2, b[i - 1] == UInt8(ascii: "."), b[i - 2] >= 0x41, b[i - 2] <= 0x5A {
            letters += 1
            i -= 2
            if i > 0, isASCIILetter(b[i - 1]) { return false }  // "Inc." or a word, not an initialism
        }
        return letters >= 2 && (i == 0 || b[i - 1] == 0x20 || b[i - 1] == UInt8(ascii: "("))
    }

    static func isASCIILetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }

    /// Whether the sentence at `start` opens with a capitalized word that is not a function word.
    func startsWithCapitalizedContentWord(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        guard start < end, b[start] >= 0x41, b[start] <= 0x5A else { return false }
        var tokens: [Token] = []
        var depth = 0
        var stop = start
        while stop < end, b[stop] != 0x20 { stop += 1 }
        tokenizer.tokenize(b, range: start..<stop, quoteDepth: &depth, into: &tokens)
        guard let first = tokens.first else { return false }
        return !lexicon.isStopword(first)
    }

    /// Width of the whitespace (space, tab, newline, no-break space) starting at `i`, or 0.
    static func spaceWidth(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        if b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x09 { return 1 }
        if b[i] == 0xC2, i + 1 < b.count, b[i + 1] == 0xA0 { return 2 }
        return 0
    }

    /// Width of the whitespace ending just before `i`, or 0.
    static func spaceWidthBefore(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        if b[i - 1] == 0x20 || b[i - 1] == 0x0A || b[i - 1] == 0x09 { return 1 }
        if i >= 2, b[i - 2] == 0xC2, b[i - 1] == 0xA0 { return 2 }
        return 0
    }
}
