#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What kind of piece an article is. Decides how its key points are chosen: the thesis and
/// the claims of an argued piece, the main facts of a report.
public enum ArticleKind: String, Sendable, CaseIterable {
    /// A news report: events, attributed statements, a dateline or a lede.
    case news
    /// Analysis or opinion: an argued position.
    case analysis
    /// An explainer: a question in the title or the headings, answered.
    case explainer
    /// An interview: questions and answers.
    case interview
    /// A list article: numbered items ("10 ways to…").
    case list

    /// How the kind is shown in the outline header and the library.
    public var label: String {
        switch self {
        case .news: "news report"
        case .analysis: "analysis"
        case .explainer: "explainer"
        case .interview: "interview"
        case .list: "list"
        }
    }

    /// Whether key points are an argument (thesis, claims, conclusion) rather than facts.
    public var isArgued: Bool { self == .analysis || self == .explainer || self == .interview }
}

/// Why a key point is one: its part in the article.
public enum KeyPointRole: String, Sendable, CaseIterable {
    /// The sentence that states what the piece argues.
    case thesis
    /// A claim that carries the argument.
    case claim
    /// A main fact of a report: who did what, when, with what consequence.
    case fact
    /// The concluding judgement.
    case conclusion
    /// A summary bullet the article opens with.
    case summary
}

/// The measurements of a whole article that decide its kind: the mean of each
/// sentence-level measurement over its sentences.
enum KindFeature {
    /// The sentence features whose means describe the article.
    static let sentenceFeatures: [Feature] = [
        .deontic, .hedge, .booster, .stance, .evaluative, .firstPersonPlural, .firstPersonOpinion, .future,
        .negation, .connective, .attribution, .pastIrregular, .present, .quantity, .secondPerson, .thirdPerson,
        .firstPersonSingular, .conclusion, .pastTense, .quoted, .numbers, .properNouns, .length, .short,
        .question, .opensWithConnective, .opensWithQuote, .loneSentence,
    ]
    /// The model's inputs: those means, then whether the first sentence opens with a dateline.
    static var names: [String] { sentenceFeatures.map(\.name) + ["leadDateline"] }
    static var count: Int { sentenceFeatures.count + 1 }
}

/// A logistic model: a bias and one weight per input.
public struct LinearModel: Sendable, Equatable {
    public var bias: Double
    public var weights: [Double]

    public init(bias: Double, weights: [Double]) {
        self.bias = bias
        self.weights = weights
    }

    /// Weights given by input name (names not listed weigh 0; unknown names are ignored).
    init(bias: Double, named: [String: Double], names: [String]) {
        self.bias = bias
        self.weights = names.map { named[$0] ?? 0 }
    }

    @inline(__always) func sum(_ values: [Double]) -> Double {
        var z = 0.0
        for i in 0..<weights.count { z += weights[i] * values[i] }
        return z
    }

    static func logistic(_ z: Double) -> Double { 1 / (1 + exp(-z)) }
}

/// Everything the key-point analysis weighs, fitted by `scripts/fit-key-points.py` on the
/// labelled development sets: the kind model, the fact model (news), the claim and thesis
/// models (argued pieces), and the calibration that turns a model's sum into a probability.
public struct KeyPointModel: Sendable, Equatable {
    /// P(news report) from the article's `KindFeature`s.
    public var kind: LinearModel
    /// Sentence models over `Feature`s: a fact of a report, a claim of an argued piece, and
    /// its thesis (the sentence closest to what the piece argues; only its ranking matters).
    public var fact: LinearModel
    public var claim: LinearModel
    public var thesis: LinearModel
    /// Platt scaling of the fact and claim sums: P = logistic(a·z + b).
    public var factCalibration: (a: Double, b: Double)
    public var claimCalibration: (a: Double, b: Double)
    /// A concluding sentence replaces the weakest pick when its probability is at least this.
    public var conclusionThreshold: Double
    /// Claims after the thesis are ranked by claim sum + `thesisMix` × thesis sum.
    public var thesisMix: Double
    /// Facts are ranked by fact sum − `positionDecay` × log(1 + sentence number): reports put
    /// their main facts first.
    public var positionDecay: Double

    public static func == (l: KeyPointModel, r: KeyPointModel) -> Bool {
        l.kind == r.kind && l.fact == r.fact && l.claim == r.claim && l.thesis == r.thesis
            && l.factCalibration == r.factCalibration && l.claimCalibration == r.claimCalibration
            && l.conclusionThreshold == r.conclusionThreshold && l.thesisMix == r.thesisMix
            && l.positionDecay == r.positionDecay
    }

    /// The model Brief ships (`KeyPointWeights.swift`).
    public static let standard = KeyPointModel(values: KeyPointWeights.values)

    /// A model from flat named values: "kind.bias", "kind.attribution", "fact.lead",
    /// "claim.calibration.a", "conclusion.threshold"… (what the fitting script prints).
    public init(values: [String: Double]) {
        func linear(_ prefix: String, _ names: [String]) -> LinearModel {
            var named: [String: Double] = [:]
            for (key, value) in values where key.hasPrefix(prefix + ".") {
                named[String(key.dropFirst(prefix.count + 1))] = value
            }
            return LinearModel(bias: named["bias"] ?? 0, named: named, names: names)
        }
        let features = Feature.allCases.map(\.name)
        kind = linear("kind", KindFeature.names)
        fact = linear("fact", features)
        claim = linear("claim", features)
        thesis = linear("thesis", features)
        factCalibration = (values["fact.calibration.a"] ?? 1, values["fact.calibration.b"] ?? 0)
        claimCalibration = (values["claim.calibration.a"] ?? 1, values["claim.calibration.b"] ?? 0)
        conclusionThreshold = values["conclusion.threshold"] ?? 1
        thesisMix = values["claim.thesis.mix"] ?? 0
        positionDecay = values["fact.position.decay"] ?? 0
    }

    /// The names a model file may give values for.
    public static var valueNames: [String] {
        var names = ["kind.bias"] + KindFeature.names.map { "kind." + $0 }
        for model in ["fact", "claim", "thesis"] {
            names.append(model + ".bias")
            names += Feature.allCases.map { model + "." + $0.name }
        }
        return names + ["fact.calibration.a", "fact.calibration.b", "claim.calibration.a", "claim.calibration.b",
                        "conclusion.threshold", "claim.thesis.mix", "fact.position.decay"]
    }

    /// The probability that a sentence whose model sum is `z` is a key point.
    func probability(_ z: Double, argued: Bool) -> Double {
        let (a, b) = argued ? claimCalibration : factCalibration
        return LinearModel.logistic(a * z + b)
    }
}
