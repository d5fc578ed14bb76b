/// The kinds of cue the word lists hold.
enum Cue: Int, CaseIterable, Sendable {
    case deontic, hedge, booster, stance, evaluative, firstPersonPlural, firstPersonOpinion, future, negation
    case connective, attribution, pastIrregular, present, quantity, secondPerson, thirdPerson
    case firstPersonSingular

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

    init() {
        let tokenizer = Tokenizer(lexicon: nil)
        func hashes(_ phrase: String) -> [UInt64] { tokenizer.tokens(of: phrase).map(\.hash) }
        let lists: [(Cue, [String])] = [
            (.deontic, WordLists.deontic), (.hedge, WordLists.hedge), (.booster, WordLists.booster),
            (.stance, WordLists.stance), (.evaluative, WordLists.evaluative),
            (.firstPersonPlural, WordLists.firstPersonPlural), (.firstPersonOpinion, WordLists.firstPersonOpinion),
            (.future, WordLists.future), (.negation, WordLists.negation), (.connective, WordLists.connective),
            (.attribution, WordLists.attribution), (.pastIrregular, WordLists.pastIrregular),
            (.present, WordLists.present), (.quantity, WordLists.quantity),
            (.secondPerson, WordLists.secondPerson), (.thirdPerson, WordLists.thirdPerson),
            (.firstPersonSingular, WordLists.firstPersonSingular),
        ]
        var byFirst: [UInt64: [(cue: Cue, rest: [UInt64], phrase: String)]] = [:]
        var firstOrder: [UInt64] = []
        for (cue, list) in lists {
            for phrase in Set(list).sorted() {
                let h = hashes(phrase)
                guard let first = h.first else { continue }
                if byFirst[first] == nil { firstOrder.append(first) }
                byFirst[first, default: []].append((cue, Array(h.dropFirst()), phrase))
            }
        }
        var words: [WordInfo] = []
        var entries: [Entry] = []
        var rest: [UInt64] = []
        var phrases: [String] = []
        var synonymGroups: [UInt64: Int] = [:]
        let table = HashTable(capacity: 1024)
        func wordIndex(_ hash: UInt64) -> Int {
            if let i = table.value(hash) { return Int(i) }
            words.append(WordInfo())
            table.set(hash, Int32(words.count - 1))
            return words.count - 1
        }
        for first in firstOrder {
            // Longer phrases first, so "we need" is found before "we".
            let list = byFirst[first]!.sorted { ($0.rest.count, $0.phrase) > ($1.rest.count, $1.phrase) }
            let w = wordIndex(first)
            words[w].entryStart = Int32(entries.count)
            for item in list {
                entries.append(Entry(cue: item.cue, restStart: Int32(rest.count), restCount: Int32(item.rest.count),
                                     phrase: Int32(phrases.count)))
                rest.append(contentsOf: item.rest)
                phrases.append(item.phrase)
            }
            words[w].entryEnd = Int32(entries.count)
        }
        let flagged: [(UInt8, [String])] = [
            (WordInfo.stopword, WordLists.stopwords), (WordInfo.auxiliary, WordLists.auxiliary),
            (WordInfo.notPast, WordLists.notPast),
        ]
        for (flag, list) in flagged {
            for word in list { for h in hashes(word) { words[wordIndex(h)].flags |= flag } }
        }
        for phrase in WordLists.argumentOpeners {
            if let h = hashes(phrase).first { words[wordIndex(h)].flags |= WordInfo.opener }
        }
        for (group, list) in WordLists.synonyms.enumerated() {
            for word in list {
                for token in tokenizer.tokens(of: word) where synonymGroups[token.stem] == nil {
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
