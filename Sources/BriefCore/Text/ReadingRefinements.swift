/// Sentence breaks that ICU 72's "en@ss=standard" still makes but a news
/// reader should not. ICU's English suppression list covers "Mr.", "Mrs.",
/// "Ms.", "Prof.", "Rep.", "Capt.", "Col.", "Sgt.", "Rev.", "Mt." and most
/// month names, but not "Dr.", "St.", "Gov.", "Sen.", "Gen.", "No." and
/// others, and UAX #29 always breaks after "?" or "!" even inside a quote that
/// is followed by "he asked". ICU only breaks after an abbreviation when the
/// next word is not lowercase, so joining there trades a rare missed break
/// ("on Oak Dr. Then …") for the common "Dr. Smith" staying whole.
enum ReadingRefinements {
    /// Titles and name prefixes that stand before a name and almost never end
    /// a sentence: a break after them is dropped.
    static let titles: Set<String> = [
        "Dr.", "Drs.", "Gov.", "Sen.", "Sens.", "Gen.", "Lt.", "Adm.", "Maj.",
        "Cmdr.", "Cpl.", "Pvt.", "Hon.", "Pres.", "Supt.", "Msgr.", "Fr.",
        "St.", "Ste.", "Ft.",
    ]

    /// Labels that stand before a number: a break after them is dropped only
    /// when a digit follows ("No. 3", but "Say No. Then leave." still splits).
    static let numberLabels: Set<String> = [
        "No.", "Nos.", "Vol.", "Vols.", "Fig.", "Figs.", "Art.", "Sec.", "Ch.", "p.", "pp.",
    ]

    /// No abbreviation above is longer than this, in scalars.
    static let longestAbbreviation = 5

    /// Opening punctuation allowed before an abbreviation: "(Dr. Smith)".
    static func isOpener(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "(", "[", "{", "“", "‘", "\"", "'", "«": true
        default: false
        }
    }

    /// Closing quotes and brackets after "?" or "!": "“Why?” he asked".
    static func isCloser(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ")", "]", "}", "”", "’", "\"", "'", "»": true
        default: false
        }
    }

    /// The ICU ranges with the unwanted breaks removed (neighbours joined).
    static func merge(_ ranges: [Range<String.Index>], in text: String) -> [Range<String.Index>] {
        var merged: [Range<String.Index>] = []
        merged.reserveCapacity(ranges.count)
        for range in ranges {
            if let last = merged.last, shouldJoin(text.unicodeScalars[last], text.unicodeScalars[range]) {
                merged[merged.count - 1] = last.lowerBound..<range.upperBound
            } else {
                merged.append(range)
            }
        }
        return merged
    }

    // These checks run at every sentence boundary of large texts, so they look
    // at scalars, only near the boundary, with ASCII fast paths.

    /// Whether the break between `sentence` and `next` should be dropped.
    static func shouldJoin(_ sentence: Substring.UnicodeScalarView, _ next: Substring.UnicodeScalarView) -> Bool {
        guard let nextFirst = next.first else { return false }
        // Strip the trailing spaces; a line break there is a real break.
        var end = sentence.endIndex
        while end > sentence.startIndex {
            let before = sentence.index(before: end)
            let scalar = sentence[before]
            guard isWhitespace(scalar) else { break }
            if isNewline(scalar) { return false }
            end = before
        }
        let body = sentence[..<end]
        guard let last = body.last else { return false }

        if last == "." {
            guard let token = abbreviationCandidate(endingBody: body) else { return false }
            if titles.contains(token) { return true }
            if numberLabels.contains(token) { return ("0"..."9").contains(nextFirst) }
            return false
        }
        // “Why?” he asked. — a quoted question or exclamation followed by a
        // lowercase word continues the sentence.
        if isCloser(last) && nextFirst.properties.isLowercase {
            let beforeClosers = body.reversed().first { !isCloser($0) }
            return beforeClosers == "?" || beforeClosers == "!"
        }
        return false
    }

    /// The last token of `body` (after whitespace or opening punctuation) if
    /// it is short enough to be an abbreviation; looks back only that far.
    static func abbreviationCandidate(endingBody body: Substring.UnicodeScalarView) -> String? {
        var start = body.endIndex
        var length = 0
        while start > body.startIndex {
            let before = body.index(before: start)
            let scalar = body[before]
            if isWhitespace(scalar) || isOpener(scalar) { break }
            length += 1
            if length > longestAbbreviation { return nil }
            start = before
        }
        // Every abbreviation above starts with an ASCII capital or "p": most
        // sentence-final words are rejected here without hashing.
        let first = body[start]
        guard ("A"..."Z").contains(first) || first == "p" else { return nil }
        return String(body[start...])
    }

    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || ("\t"..."\r").contains(scalar) }
        return scalar.properties.isWhitespace
    }

    /// Line and paragraph separators (UAX #29 Sep, CR, LF, plus VT and FF).
    static func isNewline(_ scalar: Unicode.Scalar) -> Bool {
        ("\n"..."\r").contains(scalar) || scalar == "\u{85}" || scalar == "\u{2028}" || scalar == "\u{2029}"
    }
}
