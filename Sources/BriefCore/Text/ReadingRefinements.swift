/// Sentence breaks that ICU 72's "en@ss=standard" still makes but a news
/// reader should not. ICU's English suppression list covers "Mr.", "Mrs.",
/// "Ms.", "Prof.", "Rep.", "Capt.", "Col.", "Sgt.", "Rev.", "Mt." and most
/// month names, but not "Dr.", "St.", "Gov.", "Sen.", "Gen.", "No." and
/// others, and UAX #29 always breaks after "?" or "!" even inside a quote that
/// is followed by "he asked". ICU only breaks after an abbreviation when the
/// next word is not lowercase, so joining there trades a rare missed break
/// ("on Oak Dr. Then …") for the common "Dr. Smith" staying whole.
///
/// The checks run at every sentence boundary of large texts, so they read the
/// UTF-16 buffer ICU iterates, and only the few units around the boundary.
enum ReadingRefinements {
    /// Titles and name prefixes that stand before a name and almost never end
    /// a sentence: a break after them is dropped.
    static let titles: Set<String> = [
        "Dr.", "Drs.", "Gov.", "Sen.", "Sens.", "Gen.", "Lt.", "Adm.", "Maj.",
        "Cmdr.", "Cpl.", "Pvt.", "Hon.", "Pres.", "Supt.", "Msgr.", "Fr.",
        "St.", "Ste.", "Ft.",
    ]

    /// Labels that stand before a number: a break after them is dropped only
    /// when a digit follows ("No. 3", but "Say No. Then go." still splits).
    static let numberLabels: Set<String> = [
        "No.", "Nos.", "Vol.", "Vols.", "Fig.", "Figs.", "Art.", "Sec.", "Ch.", "p.", "pp.",
    ]

    /// Latin abbreviations that introduce an example or a gloss ("e.g. Energy"): never the end
    /// of a sentence.
    static let introducers: Set<String> = ["e.g.", "i.e.", "cf.", "viz."]

    /// No abbreviation above is longer than this, in UTF-16 units (all ASCII).
    static let longestAbbreviation = 5

    /// Whether ICU's break at UTF-16 offset `boundary` of `text` should be
    /// dropped. `boundary` is strictly inside the text.
    static func shouldJoin(_ text: UnsafeBufferPointer<UInt16>, at boundary: Int) -> Bool {
        guard boundary > 0, boundary < text.count else { return false }
        // Step back over the trailing spaces; a line break there is a real break.
        var end = boundary
        while end > 0, isWhitespace(text[end - 1]) {
            if isNewline(text[end - 1]) { return false }
            end -= 1
        }
        guard end > 0, let last = Unicode.Scalar(text[end - 1]) else { return false }

        if last == "." {
            guard let token = abbreviation(endingAt: end, in: text) else { return false }
            if titles.contains(token) || introducers.contains(token) { return true }
            if numberLabels.contains(token) { return ("0"..."9").contains(Unicode.Scalar(text[boundary]) ?? " ") }
            return false
        }
        // “Why?” he asked. — a quoted question or exclamation followed by a
        // lowercase word continues the sentence.
        if isCloser(last), scalar(at: boundary, in: text)?.properties.isLowercase == true {
            var start = end - 1
            while start > 0, let scalar = Unicode.Scalar(text[start - 1]), isCloser(scalar) { start -= 1 }
            guard start > 0 else { return false }
            let mark = Unicode.Scalar(text[start - 1])
            return mark == "?" || mark == "!"
        }
        return false
    }

    /// The token ending at `end` (just after its "."), if it could be one of
    /// the abbreviations: short, ASCII, starting with a capital or the first letter of a
    /// lowercase one ("p.", "e.g.", "i.e.", "cf.", "viz."), and
    /// preceded by the start of text, whitespace or opening punctuation.
    static func abbreviation(endingAt end: Int, in text: UnsafeBufferPointer<UInt16>) -> String? {
        var start = end
        while start > 0 {
            let unit = text[start - 1]
            if isWhitespace(unit) || Unicode.Scalar(unit).map(isOpener) == true { break }
            guard unit < 0x80, end - start < longestAbbreviation else { return nil }
            start -= 1
        }
        // Most sentence-final words are rejected here, before any hashing.
        guard let first = Unicode.Scalar(text[start]),
              ("A"..."Z").contains(first) || "peicv".unicodeScalars.contains(first) else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF16.self)
    }

    /// The scalar starting at UTF-16 offset `offset` (decoding a surrogate pair).
    static func scalar(at offset: Int, in text: UnsafeBufferPointer<UInt16>) -> Unicode.Scalar? {
        var units = text[offset...].makeIterator()
        var decoder = UTF16()
        if case .scalarValue(let scalar) = decoder.decode(&units) { return scalar }
        return nil
    }

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

    /// White_Space, with an ASCII fast path (all White_Space is in the BMP).
    static func isWhitespace(_ unit: UInt16) -> Bool {
        if unit < 0x80 { return unit == 0x20 || (0x09...0x0D).contains(unit) }
        return Unicode.Scalar(unit)?.properties.isWhitespace ?? false
    }

    /// Line and paragraph separators (UAX #29 Sep, CR, LF, plus VT and FF).
    static func isNewline(_ unit: UInt16) -> Bool {
        (0x0A...0x0D).contains(unit) || unit == 0x85 || unit == 0x2028 || unit == 0x2029
    }
}
