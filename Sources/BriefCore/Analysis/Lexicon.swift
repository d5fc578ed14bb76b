/// The kinds of cue the word lists hold.
enum Cue: Int, CaseIterable, Sendable {
    case deontic, hedge, booster, stance, evaluative, firstPersonPlural, firstPersonOpinion, future, negation
    case connective, attribution, pastIrregular, present, quantity, secondPerson, thirdPerson
    case firstPersonSingular, conclusion

    static let count = allCases.count

    /// The name shown in "why" ("stance: \"reflects\"").
    var label: String {
        switch self {
        case .deontic: "modal"
        case .hedge: "hedge"
        case .booster: "booster"
        case .stance: "stance"
        case .evaluative: "evaluative"
        case .firstPersonPlural: "we"
        case .firstPersonOpinion: "opinion"
        case .future: "prediction"
        case .negation: "negation"
        case .connective: "connective"
        case .attribution: "attribution"
        case .pastIrregular: "past"
        case .present: "present"
        case .quantity: "quantity"
        case .secondPerson: "you"
        case .thirdPerson: "he/she"
        case .firstPersonSingular: "I"
        case .conclusion: "concluding"
        }
    }

    /// Cues spoken inside quotation marks are someone else's, except attribution
    /// and the narrative markers, which describe the sentence whoever speaks.
    var countsInsideQuotes: Bool {
        switch self {
        case .attribution, .quantity, .pastIrregular: true
        default: false
        }
    }
}

/// The word lists compiled to token hashes, built once per process. One table lookup
/// per word tells whether it is a stopword, an auxiliary, an "-ed" word that is not past
/// tense, an argument opener, and which phrases of the cue lists start with it.
// @unchecked: safe because it is built once (a static let, initialised under Swift's
// once-lock) and never changed after: every thread only reads it.
final class Lexicon: @unchecked Sendable {
    struct Entry: Sendable {
        var cue: Cue
        /// Hashes of the phrase's words after the first: `rest[restStart..<restStart+restCount]`.
        var restStart: Int32
        var restCount: Int32
        /// Index in `phrases`.
        var phrase: Int32
    }

    struct WordInfo: Sendable {
        static let stopword: UInt8 = 1, auxiliary: UInt8 = 2, notPast: UInt8 = 4, opener: UInt8 = 8
        var flags: UInt8 = 0
        /// Phrases starting with the word, longest first: `entries[entryStart..<entryEnd]`.
        var entryStart: Int32 = 0
        var entryEnd: Int32 = 0
    }

    /// Word hash -> index in `words`.
    let table: HashTable
    let words: [WordInfo]
    let entries: [Entry]
    let rest: [UInt64]
    /// The phrases as listed (for "why").
    let phrases: [String]
    /// Stem hash -> synonym group.
    let synonymGroups: [UInt64: Int]
    let wordI = WordHash.of("i")

    static let shared = Lexicon()

    @inline(__always) func info(_ hash: UInt64) -> WordInfo? {
        guard let i = table.value(hash) else { return nil }
        return words[Int(i)]
    }

    /// The flags of a token's word (0 when it is in no list).
    @inline(__always) func flags(_ token: Token) -> UInt8 { token.info >= 0 ? words[Int(token.info)].flags : 0 }

    @inline(__always) func isStopword(_ token: Token) -> Bool { flags(token) & WordInfo.stopword != 0 }

    /// Built at the start of every analysing command, so kept to one pass over the lists with
    /// one reused token buffer and a sort of flat records (it was most of `brief outline`'s
    /// start-up when each phrase was tokenized into its own array and grouped in dictionaries).
    init() {
        let tokenizer = Tokenizer(lexicon: nil)
        var tokens: [Token] = []
        func tokenize(_ phrase: String) {
            var text = phrase
            text.withUTF8 { bytes in
                tokens.removeAll(keepingCapacity: true)
                var depth = 0
                tokenizer.tokenize(bytes, range: 0..<bytes.count, quoteDepth: &depth, into: &tokens)
            }
        }
        let lists: [(Cue, [String])] = [
            (.deontic, WordLists.deontic), (.hedge, WordLists.hedge), (.booster, WordLists.booster),
            (.stance, WordLists.stance), (.evaluative, WordLists.evaluative),
            (.firstPersonPlural, WordLists.firstPersonPlural), (.firstPersonOpinion, WordLists.firstPersonOpinion),
            (.future, WordLists.future), (.negation, WordLists.negation), (.connective, WordLists.connective),
            (.attribution, WordLists.attribution), (.pastIrregular, WordLists.pastIrregular),
            (.present, WordLists.present), (.quantity, WordLists.quantity),
            (.secondPerson, WordLists.secondPerson), (.thirdPerson, WordLists.thirdPerson),
            (.firstPersonSingular, WordLists.firstPersonSingular), (.conclusion, WordLists.conclusion),
        ]
        var words: [WordInfo] = []
        let table = HashTable(capacity: 1024)
        func wordIndex(_ hash: UInt64) -> Int {
            if let i = table.value(hash) { return Int(i) }
            words.append(WordInfo())
            table.set(hash, Int32(words.count - 1))
            return words.count - 1
        }
        // Every listed phrase: its first word, then the words after it in `listedRest`.
        struct Listed {
            var word: Int32
            var list: Int32
            var restStart: Int32
            var restCount: Int32
            var phrase: String
        }
        var listed: [Listed] = []
        var listedRest: [UInt64] = []
        for (list, (_, phrases)) in lists.enumerated() {
            for phrase in phrases {
                tokenize(phrase)
                guard let first = tokens.first else { continue }
                listed.append(Listed(word: Int32(wordIndex(first.hash)), list: Int32(list),
                                     restStart: Int32(listedRest.count), restCount: Int32(tokens.count - 1),
                                     phrase: phrase))
                for token in tokens.dropFirst() { listedRest.append(token.hash) }
            }
        }
        // Grouped by first word; in a group longer phrases first (so "we need" is found before
        // "we"), then by phrase (descending), then in the order of the lists.
        listed.sort { a, b in
            if a.word != b.word { return a.word < b.word }
            if a.restCount != b.restCount { return a.restCount > b.restCount }
            if a.phrase != b.phrase { return a.phrase > b.phrase }
            return a.list < b.list
        }
        var entries: [Entry] = []
        var rest: [UInt64] = []
        var phrases: [String] = []
        entries.reserveCapacity(listed.count)
        phrases.reserveCapacity(listed.count)
        for (k, item) in listed.enumerated() {
            // A phrase listed twice in one list counts once.
            if k > 0, listed[k - 1].word == item.word, listed[k - 1].list == item.list,
               listed[k - 1].phrase == item.phrase { continue }
            if k == 0 || listed[k - 1].word != item.word { words[Int(item.word)].entryStart = Int32(entries.count) }
            entries.append(Entry(cue: lists[Int(item.list)].0, restStart: Int32(rest.count), restCount: item.restCount,
                                 phrase: Int32(phrases.count)))
            rest.append(contentsOf: listedRest[Int(item.restStart)..<Int(item.restStart + item.restCount)])
            phrases.append(item.phrase)
            words[Int(item.word)].entryEnd = Int32(entries.count)
        }
        let flagged: [(UInt8, [String])] = [
            (WordInfo.stopword, WordLists.stopwords), (WordInfo.auxiliary, WordLists.auxiliary),
            (WordInfo.notPast, WordLists.notPast),
        ]
        for (flag, list) in flagged {
            for word in list {
                tokenize(word)
                for token in tokens { words[wordIndex(token.hash)].flags |= flag }
            }
        }
        for phrase in WordLists.argumentOpeners {
            tokenize(phrase)
            if let first = tokens.first { words[wordIndex(first.hash)].flags |= WordInfo.opener }
        }
        var synonymGroups: [UInt64: Int] = [:]
        for (group, list) in WordLists.synonyms.enumerated() {
            for word in list {
                tokenize(word)
                for token in tokens where synonymGroups[token.stem] == nil {
                    synonymGroups[token.stem] = group
                }
            }
        }
        self.table = table
        self.words = words
        self.entries = entries
        self.rest = rest
        self.phrases = phrases
        self.synonymGroups = synonymGroups
    }
}
