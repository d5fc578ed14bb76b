// Text segmentation over ICU: sentences, words and line-break opportunities.
//
// Every segmenter owns one ICU iterator and reuses it for each call, because
// opening one costs far more than segmenting a paragraph. None of them is
// thread-safe: use one instance per thread (or per task), never share one.
// If ICU cannot be used (iterator cannot be opened, text longer than
// Int32.max UTF-16 units) each falls back to a simple rule instead of failing.

/// Which sentence rules to use.
public enum SentenceRules: Sendable {
    /// For reading news: ICU's "en@ss=standard" (UAX #29 plus ICU's English
    /// abbreviation suppressions, so "Mr. Nadella", "the U.S. on Tuesday",
    /// "9 a.m. on", "Inc. reported", "Jan. 5", "3.5%" stay in one sentence),
    /// plus the few refinements in `ReadingRefinements` for cases ICU 72 still
    /// splits ("Dr. Smith", "St. Louis", "No. 3", "“Why?” he asked").
    case reading
    /// Plain UAX #29 (ICU "en"), exactly as Unicode's conformance tests expect.
    case standard
}

/// Splits text into sentences. Not thread-safe (it reuses one ICU iterator).
public final class SentenceSegmenter {
    private let rules: SentenceRules
    private let iterator: ICUBreakIterator?

    public init(rules: SentenceRules = .reading) {
        self.rules = rules
        switch rules {
        case .reading:
            // If the suppression data is missing, plain UAX #29 is the next best.
            iterator = ICUBreakIterator(.sentence, locale: "en@ss=standard")
                ?? ICUBreakIterator(.sentence, locale: "en")
        case .standard:
            iterator = ICUBreakIterator(.sentence, locale: "en")
        }
    }

    /// Sentence ranges covering the whole text, in order. Whitespace after a
    /// sentence belongs to it, as in UAX #29. Empty text gives no ranges.
    public func sentenceRanges(in text: String) -> [Range<String.Index>] {
        if text.isEmpty { return [] }
        var ranges: [Range<String.Index>] = []
        var start = text.startIndex
        // The reading refinements drop some of ICU's breaks, looking at the
        // UTF-16 around each one before it is mapped to an index.
        let skip = rules == .reading ? ReadingRefinements.shouldJoin : nil
        let ok = iterator.map { iterator in
            icuBoundaries(of: text, using: iterator, skip: skip) { end, _ in
                ranges.append(start..<end)
                start = end
            }
        } ?? false
        // Without ICU the whole text is one sentence: coarse but never wrong
        // about coverage.
        guard ok, !ranges.isEmpty else { return [text.startIndex..<text.endIndex] }
        return ranges
    }

    /// The sentences, each trimmed of surrounding whitespace; empty ones dropped.
    public func sentences(in text: String) -> [String] {
        sentenceRanges(in: text).compactMap { range in
            let trimmed = Self.trimmingWhitespace(text[range])
            return trimmed.isEmpty ? nil : String(trimmed)
        }
    }

    /// `text` without leading and trailing whitespace (including newlines).
    static func trimmingWhitespace(_ text: Substring) -> Substring {
        guard let first = text.firstIndex(where: { !isWhitespace($0) }),
              let last = text.lastIndex(where: { !isWhitespace($0) })
        else { return text[text.endIndex...] }
        return text[first...last]
    }

    /// Character.isWhitespace with an ASCII fast path (this runs per sentence).
    static func isWhitespace(_ character: Character) -> Bool {
        if let ascii = character.asciiValue { return ascii == 0x20 || (0x09...0x0D).contains(ascii) }
        return character.isWhitespace
    }
}

/// Splits text into words. Not thread-safe (it reuses one ICU iterator).
public final class WordSegmenter {
    private let iterator = ICUBreakIterator(.word, locale: "en")

    public init() {}

    /// The word-like segments (words, numbers, kana, ideographs) in order;
    /// spaces, punctuation and symbols are left out.
    public func words(in text: String) -> [Substring] {
        var words: [Substring] = []
        var start = text.startIndex
        let ok = iterator.map { iterator in
            icuBoundaries(of: text, using: iterator) { end, status in
                // The status of the boundary ending a segment tells what the segment was.
                if ICUBreakIterator.isWord(status: status) {
                    words.append(text[start..<end])
                }
                start = end
            }
        } ?? false
        return ok ? words : Self.fallbackWords(in: text)
    }

    /// Runs of letters, digits and marks: what a reader would call words
    /// in most scripts that use spaces.
    static func fallbackWords(in text: String) -> [Substring] {
        text.split { !($0.isLetter || $0.isNumber) }
    }
}

/// Finds where lines may break (UAX #14). Not thread-safe (it reuses one ICU iterator).
public final class LineBreaker {
    private let iterator = ICUBreakIterator(.line, locale: "en")

    public init() {}

    /// Every position where a line may break, in order: never 0, always
    /// `endIndex` for non-empty text. A break at i means a line may end just
    /// before the character at i (spaces stay on the earlier line).
    public func breakOpportunities(in text: String) -> [String.Index] {
        if text.isEmpty { return [] }
        var positions: [String.Index] = []
        let ok = iterator.map { iterator in
            icuBoundaries(of: text, using: iterator) { position, _ in positions.append(position) }
        } ?? false
        return ok && !positions.isEmpty ? positions : Self.fallbackOpportunities(in: text)
    }

    /// After every run of whitespace, and at the end.
    static func fallbackOpportunities(in text: String) -> [String.Index] {
        var positions: [String.Index] = []
        var previousWasSpace = false
        for index in text.indices {
            let isSpace = text[index].isWhitespace
            if previousWasSpace && !isSpace { positions.append(index) }
            previousWasSpace = isSpace
        }
        positions.append(text.endIndex)
        return positions
    }
}
