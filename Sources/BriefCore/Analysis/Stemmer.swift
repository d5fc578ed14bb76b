/// A tiny suffix stemmer: enough to let "maturation" meet "maturing", "regulatory" meet
/// "regulators" and "exclusive" meet "exclusivity" when words are compared. It drops a
/// possessive "'s", then the longest suffix from a short list that leaves at least three
/// letters, then a verb-forming "iz" ("subsidizing" ~ "subsidies") or one letter of a
/// doubled final consonant ("planned" -> "plan"). It is not
/// Porter's stemmer and does not try to be: stems are only compared with each other,
/// never shown.
enum Stemmer {
    /// Longest first; each one is removed whole.
    static let suffixes: [String] = [
        "ivities", "ational", "ization", "isation", "iveness", "fulness", "ousness",
        "ations", "ators", "atory", "ities", "ivity", "ments", "ingly", "ation", "ative", "ating", "ence", "ance",
        "ator", "ated", "ates", "ment", "ness", "ings", "ions", "able", "ible", "izes", "ized", "ises", "ised",
        "ical", "ists", "ity", "ing", "ion", "ies", "ied", "ers", "ors", "ory", "ate", "ist", "ism", "ize", "ise",
        "ent", "ant", "ful", "ous", "ive", "est", "ed", "es", "er", "or", "ly", "al", "ic",
        "s", "e", "y",
    ]

    /// The suffixes by their last byte, longest first, so a word is compared only with
    /// the few that could match.
    static let byLastByte: [[[UInt8]]] = {
        var table = [[[UInt8]]](repeating: [], count: 256)
        for suffix in suffixes {
            let bytes = Array(suffix.utf8)
            table[Int(bytes.last!)].append(bytes)
        }
        for i in table.indices { table[i].sort { $0.count > $1.count } }
        return table
    }()

    /// Length of the stem of a lowercased word of `count` bytes at `word`.
    static func stemLength(_ word: UnsafePointer<UInt8>, _ count: Int) -> Int {
        var n = count
        // Possessives: "openai's", "students'".
        if n >= 3, word[n - 2] == 0x27, word[n - 1] == UInt8(ascii: "s") { n -= 2 }
        if n >= 2, word[n - 1] == 0x27 { n -= 1 }
        // Short words, numbers and words with apostrophes ("don't") stay whole.
        guard n > 4 else { return n }
        for k in 0..<n where word[k] == 0x27 || (word[k] >= 0x30 && word[k] <= 0x39) { return n }
        for suffix in byLastByte[Int(word[n - 1])] where n - suffix.count >= 3 {
            var matches = true
            var j = 0
            let base = n - suffix.count
            while j < suffix.count {
                if word[base + j] != suffix[j] { matches = false; break }
                j += 1
            }
            guard matches else { continue }
            var stem = base
            // "subsidizing" -> "subsidiz" -> "subsid", as "subsidies" -> "subsid".
            if stem >= 6, word[stem - 2] == UInt8(ascii: "i"), word[stem - 1] == UInt8(ascii: "z") { stem -= 2 }
            // "running" -> "runn" -> "run"; "planned" -> "plan"; but "missed", "called" keep theirs.
            if stem >= 4, word[stem - 1] == word[stem - 2], !isVowel(word[stem - 1]),
               word[stem - 1] != UInt8(ascii: "s"), word[stem - 1] != UInt8(ascii: "l") {
                stem -= 1
            }
            return stem
        }
        return n
    }

    static func isVowel(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "a") || b == UInt8(ascii: "e") || b == UInt8(ascii: "i") || b == UInt8(ascii: "o")
            || b == UInt8(ascii: "u")
    }

    /// The stem as text (for tests and debugging).
    static func stem(_ word: String) -> String {
        let bytes = Array(String(word.lowercased().map { $0 == "’" ? "'" : $0 }).utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return "" }
            return String(decoding: buffer[0..<stemLength(base, buffer.count)], as: UTF8.self)
        }
    }
}
