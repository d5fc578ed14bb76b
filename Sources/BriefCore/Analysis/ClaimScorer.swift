#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Explains a key point: the signals behind its score (`why`, for tools and tests) and the
/// same in words a reader understands (`reasons`). The weights are the model's
/// (`KeyPointModel`, fitted by `scripts/fit-key-points.py`).
enum ClaimScorer {
    /// The signals that moved the score, strongest first: each cue with the words that
    /// fired it, and the measured features with their values; "(−)" marks a signal
    /// that counts against the sentence being a key point.
    static func why(values v: [Double], cues: [(Cue, Int32)], weights weightVector: [Double]) -> [String] {
        let phrases = Lexicon.shared.phrases
        var items: [(weight: Double, order: Int, text: String)] = []
        var seen: Set<String> = []
        for (k, (cue, index)) in cues.enumerated() {
            let phrase = phrases[Int(index)]
            let w = weightVector[cue.rawValue]
            guard abs(w) >= 0.1 else { continue }
            let text = "\(cue.label): \"\(phrase)\"" + (w < 0 ? " (−)" : "")
            guard seen.insert(text).inserted else { continue }
            items.append((abs(w), k, text))
        }
        func add(_ feature: Feature, _ text: String) {
            let contribution = weightVector[feature.rawValue] * v[feature.rawValue]
            guard abs(contribution) >= 0.1 else { return }
            items.append((abs(contribution), 1000 + feature.rawValue, text + (contribution < 0 ? " (−)" : "")))
        }
        add(.titleOverlap, "title overlap \(fixed(v[Feature.titleOverlap.rawValue]))")
        add(.centrality, "central \(fixed(v[Feature.centrality.rawValue]))")
        add(.firstSentence, "first sentence")
        add(.lead, "lead")
        add(.firstParagraph, "first paragraph")
        add(.early, "early")
        add(.titleBest, "closest to title")
        add(.opensWithConnective, "opens with connective")
        add(.lastParagraph, "conclusion")
        add(.paragraphStart, "opens paragraph")
        add(.position, "position \(fixed(v[Feature.position.rawValue]))")
        add(.quoted, "quoted \(fixed(v[Feature.quoted.rawValue]))")
        add(.numbers, "numbers \(Int(v[Feature.numbers.rawValue]))")
        add(.pastTense, "past tense \(Int(v[Feature.pastTense.rawValue]))")
        add(.properNouns, "names \(fixed(v[Feature.properNouns.rawValue]))")
        add(.short, "short")
        add(.question, "question")
        add(.paragraphEnd, "closes paragraph")
        add(.second, "second sentence")
        add(.third, "third sentence")
        add(.dateline, "dateline")
        add(.opensWithQuote, "opens with a quotation")
        add(.introEnd, "end of introduction")
        add(.conclusionStart, "opens conclusion")
        add(.loneSentence, "one-sentence paragraph")
        items.sort { ($0.weight, -$0.order) > ($1.weight, -$1.order) }
        return items.map(\.text)
    }
    /// Why a key point was chosen, in words: its role first, then what weighed most for it
    /// (positive contributions only; at most four).
    static func reasons(role: KeyPointRole, kind: ArticleKind, values v: [Double], cues: [(Cue, Int32)],
                        weights: [Double]) -> KeyPointReasons {
        typealias Reason = KeyPointReasons.Reason
        var out = KeyPointReasons()
        switch role {
        case .thesis: out.append(.position)
        case .conclusion: out.append(.concluding)
        case .summary: out.append(.summary)
        case .fact, .claim: break
        }
        // Reports put their main facts first, and the ranking follows (`positionDecay`).
        if !kind.isArgued && v[Feature.firstSentence.rawValue] == 1 { out.append(.lede) }
        var items: [(weight: Double, reason: Reason, phrase: Int32?)] = []
        // The first phrase that fired each kind of cue.
        var phrases: [Cue: Int32] = [:]
        for (cue, phrase) in cues where phrases[cue] == nil { phrases[cue] = phrase }
        func add(_ feature: Feature, _ reason: Reason, _ cue: Cue? = nil) {
            let contribution = weights[feature.rawValue] * v[feature.rawValue]
            guard contribution >= 0.15 else { return }
            items.append((contribution, reason, cue.flatMap { phrases[$0] }))
        }
        add(.titleBest, .headline)
        if v[Feature.titleOverlap.rawValue] >= 0.5 { add(.titleOverlap, .headline) }
        add(.stance, .stance, .stance)
        add(.deontic, .deontic, .deontic)
        add(.evaluative, .evaluative, .evaluative)
        add(.firstPersonOpinion, .opinion, .firstPersonOpinion)
        add(.future, .prediction, .future)
        add(.hedge, .hedge, .hedge)
        add(.booster, .booster, .booster)
        add(.connective, .connective, .connective)
        add(.conclusion, .sums, .conclusion)
        add(.centrality, .central)
        if kind.isArgued {
            add(.lead, .opensPiece)
            add(.introEnd, .introEnd)
            add(.lastParagraph, .fromConclusion)
            add(.conclusionStart, .opensConclusion)
        } else {
            add(.dateline, .dateline)
            add(.lead, .opening)
            add(.second, .opening)
            add(.third, .opening)
            add(.attribution, .attributed, .attribution)
            add(.quantity, .figures, .quantity)
            add(.numbers, .figures)
            add(.properNouns, .names)
            add(.pastTense, .happened)
            add(.pastIrregular, .happened)
        }
        // Strongest first; the first of equal ones (the order above) wins.
        for item in items.enumerated().sorted(by: { ($0.element.weight, -$0.offset) > ($1.element.weight, -$1.offset) }) {
            out.append(item.element.reason, phrase: item.element.phrase)
        }
        if out.isEmpty { out.append(kind.isArgued ? .topClaim : .topFact) }
        return out
    }

    /// Two decimals, as "0.4" or "0.25".
    static func fixed(_ x: Double) -> String {
        let hundredths = Int((x * 100).rounded())
        var s = String(hundredths / 100) + "." + (hundredths % 100 < 10 ? "0" : "") + String(hundredths % 100)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s += "0" }
        return s
    }
}
