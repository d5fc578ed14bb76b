// Word tokens for the claim scorer and the evidence linker.
//
// The analysis reads every body sentence of every article, so it tokenizes
// straight from UTF-8 bytes: no `String` per word. A word is a run of letters
// and digits (any script), with an apostrophe kept inside it ("don't",
// "Microsoft’s" with the curly apostrophe read as "'"). Each word is lowercased
// (ASCII) and hashed (FNV-1a, 64 bits); the word lists are compiled to the
// same hashes, so looking a word up never builds a string. Its stem (see
// `Stemmer`) is hashed the same way.

/// One word of a text: where it is, and hashes of its lowercased form and stem.
struct Token {
    /// Hash of the lowercased word (curly apostrophes read as "'").
    var hash: UInt64
    /// Hash of the stem (possessive "'s" removed, then one suffix).
    var stem: UInt64
    /// UTF-8 offsets of the word in the text that was tokenized.
    var start: Int32
    var end: Int32
    /// Index of the word in `Lexicon.words`, or -1 when it is in no word list.
    var info: Int32
    /// Letters in the word (scalars), after lowercasing.
    var length: UInt16
    var flags: UInt8
    /// First byte of the word, lowercased (for acronyms: "IP" ~ "intellectual property").
    var initial: UInt8

    static let capitalizedFlag: UInt8 = 1, allCapsFlag: UInt8 = 2, digitFlag: UInt8 = 4, quotedFlag: UInt8 = 8

    /// First letter is uppercase ASCII ("Obama", "I", "NATO").
    var capitalized: Bool { flags & Self.capitalizedFlag != 0 }
    /// Two or more letters, all uppercase ASCII ("NATO", "IP").
    var allCaps: Bool { flags & Self.allCapsFlag != 0 }
    /// The word contains a digit ("2014", "3.5", "9/11").
    var hasDigit: Bool { flags & Self.digitFlag != 0 }
    /// The word stands inside quotation marks (tracked across a whole block).
    var quoted: Bool { flags & Self.quotedFlag != 0 }
}

enum WordHash {
    static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    @inline(__always)
    static func add(_ hash: inout UInt64, _ byte: UInt8) {
        hash ^= UInt64(byte)
        hash = hash &* prime
    }

    static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = offset
        for b in bytes { add(&h, b) }
        return h
    }

    /// The hash of a lowercase ASCII word as the tokenizer computes it (for word lists).
    static func of(_ word: String) -> UInt64 {
        var h = offset
        for b in word.utf8 { add(&h, b) }
        return h
    }
}

/// Tokenizes text into `Token`s. Reuses its buffers: not thread-safe.
final class Tokenizer {
    /// The current word, lowercased, for stemming (words longer than this are not stemmed).
    private static let scratchSize = 64
    private let word = UnsafeMutablePointer<UInt8>.allocate(capacity: Tokenizer.scratchSize)
    /// Looked up once per word here, so that later passes need not hash again.
    private let lexicon: Lexicon?
    private let stopword = Lexicon.WordInfo.stopword
    /// Stems of recently seen words, by word hash (direct-mapped): news repeats its words,
    /// and a hit saves the suffix rules and a second hash.
    private static let stemCacheSize = 4096
    private let stemCacheKeys = UnsafeMutablePointer<UInt64>.allocate(capacity: Tokenizer.stemCacheSize)
    private let stemCacheStems = UnsafeMutablePointer<UInt64>.allocate(capacity: Tokenizer.stemCacheSize)

    /// A tokenizer that looks words up in the shared word lists.
    convenience init() { self.init(lexicon: Lexicon.shared) }

    init(lexicon: Lexicon?) {
        self.lexicon = lexicon
        stemCacheKeys.initialize(repeating: 0, count: Self.stemCacheSize)
        stemCacheStems.initialize(repeating: 0, count: Self.stemCacheSize)
    }

    deinit {
        word.deallocate()
        stemCacheKeys.deallocate()
        stemCacheStems.deallocate()
    }

    /// ASCII byte classes: 1 lowercase letter, 2 uppercase letter, 3 digit, 0 anything else.
    private static let asciiClass: [UInt8] = (0..<128).map { b in
        switch b {
        case 0x61...0x7A: 1
        case 0x41...0x5A: 2
        case 0x30...0x39: 3
        default: 0
        }
    }

    /// The scalar at `i` (the parser's text is valid UTF-8) and its width in bytes.
    @inline(__always)
    private static func decode(_ text: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> (UInt32, Int) {
        let b = text[i]
        if b < 0x80 { return (UInt32(b), 1) }
        if b >= 0xF0, i + 3 < end {
            return ((UInt32(b & 0x07) << 18) | (UInt32(text[i + 1] & 0x3F) << 12)
                | (UInt32(text[i + 2] & 0x3F) << 6) | UInt32(text[i + 3] & 0x3F), 4)
        }
        if b >= 0xE0, i + 2 < end {
            return ((UInt32(b & 0x0F) << 12) | (UInt32(text[i + 1] & 0x3F) << 6) | UInt32(text[i + 2] & 0x3F), 3)
        }
        if b >= 0xC0, i + 1 < end { return ((UInt32(b & 0x1F) << 6) | UInt32(text[i + 1] & 0x3F), 2) }
        return (UInt32(b), 1)
    }

    /// Whether a non-ASCII scalar is part of a word (a letter or a number of any script).
    @inline(__always)
    private static func isWordScalar(_ value: UInt32) -> Bool {
        if (0x2000...0x206F).contains(value) || value == 0xA0 || value == 0xAB || value == 0xBB { return false }
        if (0x4E00...0x9FFF).contains(value) || (0xAC00...0xD7A3).contains(value) { return true }  // CJK, Hangul
        if (0xC0...0x24F).contains(value) { return value != 0xD7 && value != 0xF7 }  // Latin letters
        guard let scalar = Unicode.Scalar(value) else { return false }
        let p = scalar.properties
        return p.isAlphabetic || p.numericType != nil
    }

    /// Appends the tokens of `text[range]` (UTF-8 offsets) to `tokens`. `quoteDepth`
    /// carries the quotation state from one sentence of a block to the next.
    func tokenize(_ text: UnsafeBufferPointer<UInt8>, range: Range<Int>, quoteDepth: inout Int,
                  into tokens: inout [Token]) {
        let end = range.upperBound
        var i = range.lowerBound
        var previousWasSpaceOrStart = true
        let classes = Self.asciiClass
        while i < end {
            let b = text[i]
            var (scalar, width) = (UInt32(b), 1)
            var startsWord = false
            if b < 0x80 {
                startsWord = classes[Int(b)] != 0
            } else {
                (scalar, width) = Self.decode(text, i, end)
                startsWord = Self.isWordScalar(scalar)
            }
            if startsWord {
                i = word(text, from: i, end: end, quoteDepth: &quoteDepth, into: &tokens)
                previousWasSpaceOrStart = false
                continue
            }
            // Quotation marks: “ « ‘ open, ” » ’ close; straight quotes by context.
            switch scalar {
            case 0x201C, 0x00AB, 0x2018:
                quoteDepth += 1
            case 0x201D, 0x00BB, 0x2019:
                if quoteDepth > 0 { quoteDepth -= 1 }
            case 0x22:
                if previousWasSpaceOrStart { quoteDepth += 1 } else if quoteDepth > 0 { quoteDepth -= 1 }
            case 0x27:
                if previousWasSpaceOrStart { quoteDepth += 1 } else if quoteDepth > 0 { quoteDepth -= 1 }
            default:
                break
            }
            // Spaces, opening brackets and dashes let a straight quote after them open a quotation.
            let isSpace = b == 0x20 || b == 0x0A || b == 0x09 || scalar == 0xA0
            let isOpener = b == 0x28 || b == 0x5B || scalar == 0x2014 || scalar == 0x2013
            previousWasSpaceOrStart = isSpace || isOpener
                || (previousWasSpaceOrStart && (scalar == 0x201C || b == 0x22 || b == 0x27))
            i += width
        }
        // Quotes never carry past the end of a block.
        if end >= text.count { quoteDepth = 0 }
    }

    /// Reads the word starting at `start`, appends its token, and returns where it ends.
    /// An apostrophe between letters stays in the word ("don't"); one after the word is
    /// left for the caller (a closing quote or a plural possessive).
    @inline(__always)
    private func word(_ text: UnsafeBufferPointer<UInt8>, from start: Int, end: Int, quoteDepth: inout Int,
                      into tokens: inout [Token]) -> Int {
        let classes = Self.asciiClass
        var i = start
        var hash = WordHash.offset
        var bytes = 0
        var letters = 0
        let first = text[start]
        var flags: UInt8 = first >= 0x41 && first <= 0x5A ? Token.capitalizedFlag : 0
        var allCaps = true
        let scratch = Self.scratchSize
        while i < end {
            let b = text[i]
            if b < 0x80 {
                // Letters and digits by arithmetic (no table): the hottest loop of the analysis.
                let folded = b | 0x20
                let isLetter = folded &- 0x61 < 26
                if isLetter || b &- 0x30 < 10 {
                    let lower = isLetter ? folded : b
                    if !isLetter { flags |= Token.digitFlag } else if b >= 0x61 { allCaps = false }
                    WordHash.add(&hash, lower)
                    if bytes < scratch { word[bytes] = lower }
                    bytes += 1
                    letters += 1
                    i += 1
                    continue
                }
                if b == 0x27, i + 1 < end, text[i + 1] < 0x80, classes[Int(text[i + 1])] != 0 {
                    WordHash.add(&hash, 0x27)
                    if bytes < scratch { word[bytes] = 0x27 }
                    bytes += 1
                    i += 1
                    continue
                }
                break
            }
            let (scalar, width) = Self.decode(text, i, end)
            if scalar == 0x2019, i + width < end {
                // A curly apostrophe inside a word reads as "'".
                let next = text[i + width]
                let continues = next < 0x80 ? classes[Int(next)] != 0 : Self.isWordScalar(Self.decode(text, i + width, end).0)
                if continues {
                    WordHash.add(&hash, 0x27)
                    if bytes < scratch { word[bytes] = 0x27 }
                    bytes += 1
                    i += width
                    continue
                }
                break
            }
            guard Self.isWordScalar(scalar) else { break }
            allCaps = false
            for k in 0..<width {
                WordHash.add(&hash, text[i + k])
                if bytes < scratch { word[bytes] = text[i + k] }
                bytes += 1
            }
            letters += 1
            i += width
        }
        var info: Int32 = -1
        var stem = hash
        if let lexicon, let index = lexicon.table.value(hash) { info = index }
        // Stopwords are never compared, so they are not stemmed.
        if bytes <= scratch, info < 0 || lexicon!.words[Int(info)].flags & stopword == 0 {
            let slot = Int(truncatingIfNeeded: hash ^ (hash >> 32)) & (Self.stemCacheSize - 1)
            if stemCacheKeys[slot] == hash {
                stem = stemCacheStems[slot]
            } else {
                let n = Stemmer.stemLength(word, bytes)
                if n != bytes { stem = WordHash.of(UnsafeBufferPointer(start: word, count: n)) }
                stemCacheKeys[slot] = hash
                stemCacheStems[slot] = stem
            }
        }
        if allCaps && letters >= 2 && flags & Token.digitFlag == 0 { flags |= Token.allCapsFlag }
        if quoteDepth > 0 { flags |= Token.quotedFlag }
        tokens.append(Token(hash: hash, stem: stem, start: Int32(truncatingIfNeeded: start),
                            end: Int32(truncatingIfNeeded: i), info: info, length: UInt16(min(letters, 65535)),
                            flags: flags, initial: word[0]))
        return i
    }

    /// Tokens of a whole string (for word lists, titles and tests).
    func tokens(of text: String) -> [Token] {
        var copy = text
        return copy.withUTF8 { buffer in
            var tokens: [Token] = []
            var depth = 0
            tokenize(buffer, range: 0..<buffer.count, quoteDepth: &depth, into: &tokens)
            return tokens
        }
    }
}
