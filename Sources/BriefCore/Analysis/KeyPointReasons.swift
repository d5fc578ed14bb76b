/// Why a key point was chosen, in words a reader understands: up to four reasons, each a
/// kind of reason and perhaps the listed phrase that fired it, packed in 64 bits (a huge
/// article has tens of thousands of key points; their reasons cost 8 bytes each, the words
/// are made when shown).
public struct KeyPointReasons: Sendable, Equatable {
    enum Reason: UInt64, CaseIterable {
        case position = 1, concluding, summary, lede, headline, stance, deontic, evaluative, opinion, prediction
        case hedge, booster, connective, sums, central, opensPiece, introEnd, fromConclusion, opensConclusion
        case dateline, opening, attributed, figures, names, happened, topClaim, topFact

        var text: String {
            switch self {
            case .position: "states the article's position"
            case .concluding: "concluding judgement"
            case .summary: "summary bullet at the top of the article"
            case .lede: "the lede: the report's opening sentence"
            case .headline: "restates the headline"
            case .stance: "interprets what it means"
            case .deontic: "says what should be done"
            case .evaluative: "passes judgement"
            case .opinion: "the author's own view"
            case .prediction: "makes a prediction"
            case .hedge: "weighs a possibility"
            case .booster: "presses the point"
            case .connective: "argues a cause or a contrast"
            case .sums: "sums up"
            case .central: "central to the article: shares most of its vocabulary"
            case .opensPiece: "opens the piece"
            case .introEnd: "ends the introduction, where the position is usually stated"
            case .fromConclusion: "from the conclusion"
            case .opensConclusion: "opens the conclusion"
            case .dateline: "opens with the dateline"
            case .opening: "among the report's opening sentences"
            case .attributed: "attributed statement"
            case .figures: "gives figures"
            case .names: "names who is involved"
            case .happened: "reports what happened"
            case .topClaim: "scores highest among the article's claims"
            case .topFact: "scores highest among the report's facts"
            }
        }
    }

    static let capacity = 4
    /// 16 bits a reason, first in the low bits: 6 for the reason, 10 for its phrase's index + 1.
    private var packed: UInt64 = 0

    public init() {}

    public var count: Int {
        var n = 0
        while n < Self.capacity, (packed >> (16 * UInt64(n))) & 0x3F != 0 { n += 1 }
        return n
    }

    public var isEmpty: Bool { packed == 0 }

    func contains(_ reason: Reason) -> Bool {
        (0..<count).contains { (packed >> (16 * UInt64($0))) & 0x3F == reason.rawValue }
    }

    /// Adds a reason (with the index of its phrase in `Lexicon.phrases`) unless it is there or
    /// four are; returns whether it was added.
    @discardableResult
    mutating func append(_ reason: Reason, phrase: Int32? = nil) -> Bool {
        let n = count
        guard n < Self.capacity, !contains(reason) else { return false }
        let phraseCode = phrase.map { UInt64($0) + 1 }.flatMap { $0 < 1024 ? $0 : nil } ?? 0
        packed |= (reason.rawValue | phraseCode << 6) << (16 * UInt64(n))
        return true
    }

    /// The reasons in words: "interprets what it means (“signal that”)".
    public var texts: [String] {
        let phrases = Lexicon.shared.phrases
        return (0..<count).map { k in
            let code = packed >> (16 * UInt64(k))
            let reason = Reason(rawValue: code & 0x3F)!
            let phrase = Int((code >> 6) & 0x3FF) - 1
            return reason.text + (phrase >= 0 && phrase < phrases.count ? " (\u{201C}\(phrases[phrase])\u{201D})" : "")
        }
    }
}
