#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns a sentence's measurements into a score in [0, 1]: a weighted sum of the
/// signals, squashed by the logistic function (so the score reads as a probability of
/// being a key claim). The weights are in `weights` below; `scripts/fit-claim-weights.py`
/// shows how they were chosen.
enum ClaimScorer {
    // Fitted by `scripts/fit-claim-weights.py` (logistic regression on the labelled
    // development set, the deck sentence counted as the article's first choice; 5-fold
    // cross-validated) and pasted here as it printed them.
    static let bias = -0.16
    static let weights: [Feature: Double] = [
        .deontic: 0.45,
        .hedge: 0.33,
        .booster: 0.03,
        .stance: 0.97,
        .evaluative: 0.37,
        .firstPersonPlural: 0.11,
        .firstPersonOpinion: 0.59,
        .future: 0.01,
        .negation: 0.01,
        .connective: 0.13,
        .attribution: -1.12,
        .pastIrregular: -0.23,
        .present: 0.25,
        .quantity: -0.16,
        .secondPerson: 0.58,
        .thirdPerson: -0.44,
        .firstPersonSingular: -0.45,
        .pastTense: -0.31,
        .quoted: -4.22,
        .numbers: -0.54,
        .properNouns: -1.98,
        .length: 0.13,
        .short: -0.60,
        .question: 0.61,
        .opensWithConnective: 0.24,
        .titleOverlap: 2.11,
        .centrality: 0.47,
        .firstSentence: -0.12,
        .lead: 1.02,
        .paragraphStart: 0.25,
        .lastParagraph: 0.52,
        .position: 0.25,
        .firstParagraph: 0.51,
        .titleBest: 0.27,
        .early: 0.71,
    ]

    static let weightVector: [Double] = Feature.allCases.map { weights[$0] ?? 0 }

    /// The weighted sum of `values` (one per feature; zeros add nothing).
    static func weightedSum(_ values: [Double]) -> Double {
        var z = 0.0
        for f in 0..<Feature.count { z += weightVector[f] * values[f] }
        return z
    }

    /// The score of a sentence whose weighted sum of features (without the bias) is `z`.
    static func squash(_ z: Double) -> Double { 1 / (1 + exp(-(bias + z))) }

    /// The signals that moved the score, strongest first: each cue with the words that
    /// fired it, and the measured features with their values; "(−)" marks a signal
    /// that counts against the sentence being a key claim.
    static func why(values v: [Double], cues: [(Cue, String)]) -> [String] {
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
        items.sort { ($0.weight, -$0.order) > ($1.weight, -$1.order) }
        return items.map(\.text)
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
