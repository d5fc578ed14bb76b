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
    /// that counts against the sentence being a key claim.
    static func why(values v: [Double], cues: [(Cue, String)], weights weightVector: [Double]) -> [String] {
        var items: [(weight: Double, order: Int, text: String)] = []
        var seen: Set<String> = []
        for (k, (cue, phrase)) in cues.enumerated() {
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
    static func reasons(role: KeyPointRole, kind: ArticleKind, values v: [Double], cues: [(Cue, String)],
                        weights: [Double]) -> [String] {
        var out: [String] = []
        switch role {
        case .thesis: out.append("states the article's position")
        case .conclusion: out.append("concluding judgement")
        case .summary: out.append("summary bullet at the top of the article")
        case .fact, .claim: break
        }
        var items: [(weight: Double, text: String)] = []
        func add(_ feature: Feature, _ text: String) {
            let contribution = weights[feature.rawValue] * v[feature.rawValue]
            guard contribution >= 0.15, !items.contains(where: { $0.text == text }) else { return }
            items.append((contribution, text))
        }
        let argued = kind.isArgued
        // What the cues mean, with the words that fired them.
        var phrases: [Cue: String] = [:]
        for (cue, phrase) in cues where phrases[cue] == nil { phrases[cue] = phrase }
        func quoted(_ cue: Cue) -> String { phrases[cue].map { " (\u{201C}\($0)\u{201D})" } ?? "" }
        add(.titleBest, "restates the headline")
        if v[Feature.titleOverlap.rawValue] >= 0.5 { add(.titleOverlap, "restates the headline") }
        add(.stance, "interprets what it means" + quoted(.stance))
        add(.deontic, "says what should be done" + quoted(.deontic))
        add(.evaluative, "passes judgement" + quoted(.evaluative))
        add(.firstPersonOpinion, "the author's own view" + quoted(.firstPersonOpinion))
        add(.future, "makes a prediction" + quoted(.future))
        add(.hedge, "weighs a possibility" + quoted(.hedge))
        add(.booster, "presses the point" + quoted(.booster))
        add(.connective, "argues a cause or a contrast" + quoted(.connective))
        add(.conclusion, "sums up" + quoted(.conclusion))
        add(.centrality, "central to the article: shares most of its vocabulary")
        if argued {
            add(.lead, "opens the piece")
            add(.introEnd, "ends the introduction, where the position is usually stated")
            add(.lastParagraph, "from the conclusion")
            add(.conclusionStart, "opens the conclusion")
        } else {
            add(.firstSentence, "the lede: the report's opening sentence")
            add(.dateline, "the lede: opens with the dateline")
            add(.lead, "in the lede")
            add(.second, "in the lede")
            add(.third, "in the lede")
            add(.attribution, "attributed statement" + quoted(.attribution))
            add(.numbers, "gives figures")
            add(.quantity, "gives figures" + quoted(.quantity))
            add(.properNouns, "names who is involved")
            add(.pastTense, "reports what happened")
            add(.pastIrregular, "reports what happened")
        }
        items.sort { $0.weight > $1.weight }
        for item in items where out.count < 4 && !out.contains(item.text) { out.append(item.text) }
        if out.isEmpty { out.append(argued ? "scores highest among the article's claims" : "scores highest among the report's facts") }
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
