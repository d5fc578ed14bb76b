/// The word lists behind the claim signals. Written for this project from general
/// knowledge of how English opinion writing marks stance (modal verbs, hedges and
/// boosters, evaluative words, attribution verbs); none is taken from a corpus.
/// Entries are lowercase; a space separates the words of a phrase, and "'" stands for
/// both the straight and the curly apostrophe.
enum WordLists {
    /// Obligation and recommendation: the author says what ought to happen.
    static let deontic = [
        "should", "shouldn't", "must", "mustn't", "ought", "need to", "needs to", "needed to", "have to",
        "has to", "had better", "it is time", "it's time", "let us", "let's", "time to", "cannot afford",
        "can't afford", "would do well", "would be wise", "is essential", "is imperative", "is vital",
        "must not", "should not", "we need", "urge", "urged",
    ]

    /// Hedges: the author weighs a possibility.
    static let hedge = [
        "may", "might", "could", "perhaps", "probably", "likely", "unlikely", "possibly", "seems", "seem",
        "seemed", "appears", "apparently", "arguably", "presumably", "suggests", "suggest", "conceivably",
        "maybe", "somewhat", "in part", "to some extent", "tend to", "tends to", "i suspect", "i suspect that",
    ]

    /// Boosters: the author presses a point.
    static let booster = [
        "clearly", "surely", "certainly", "indeed", "obviously", "undoubtedly", "truly", "in fact", "of course",
        "no doubt", "simply", "really", "actually", "absolutely", "plainly", "definitely", "undeniably",
        "evidently", "without doubt", "above all", "especially", "particularly", "precisely", "nothing less",
        "nothing but", "far from", "by no means", "at all", "entirely", "utterly", "deeply", "profoundly",
        "fundamentally", "increasingly", "even", "only", "all too", "so much",
    ]

    /// Stance patterns: the author interprets, explains or states the thesis.
    static let stance = [
        "reflects", "reflect", "reflecting", "signals", "signal that", "a sign of", "a sign that", "is a sign",
        "shows that", "show that", "showed that", "proves", "prove that", "demonstrates", "means that",
        "meaning that", "this means", "the real question", "the real problem", "the real issue",
        "the real story", "the problem is", "the question is", "the point is", "the truth is", "the fact is",
        "the reality is", "the issue is", "the danger is", "the lesson", "the answer is", "the key is",
        "what matters", "the bottom line", "the way forward", "the only way", "the best way", "at its core",
        "at heart", "in other words", "in short", "ultimately", "in the end", "this is why", "that is why",
        "which is why", "that's why", "this is what", "that is what", "there is no", "there's no",
        "there is little", "make no mistake", "it is clear", "it's clear", "it is important", "it is not",
        "it's not", "is not about", "is about", "amounts to", "boils down", "the reason", "the lesson is",
        "rather than", "instead of", "not only", "more than", "less than", "nothing to do with",
        "has become", "have become", "remains", "remain", "hallmark", "marks a", "highlights", "underscores",
        "illustrates", "exposes", "reveals", "lies in", "depends on", "the result", "the consequence",
        "the challenge", "the goal", "the aim", "the purpose", "the danger", "the risk", "the threat",
        "is that", "not enough", "doing enough", "too much", "too many", "too often", "too long",
    ]

    /// Evaluative words: judgments of good and bad, important and not.
    static let evaluative = [
        "good", "bad", "better", "best", "worse", "worst", "wrong", "right", "important", "crucial",
        "critical", "essential", "vital", "necessary", "unnecessary", "dangerous", "absurd", "ridiculous",
        "outrageous", "shameful", "disgraceful", "unacceptable", "unfair", "unjust", "fair", "wise", "unwise",
        "foolish", "stupid", "smart", "reckless", "irresponsible", "responsible", "naive", "misguided",
        "flawed", "failed", "failure", "failures", "successful", "effective", "ineffective", "serious", "grave",
        "tragic", "terrible", "horrible", "awful", "great", "remarkable", "significant", "profound",
        "fundamental", "real", "true", "false", "clear", "obvious", "difficult", "impossible", "inevitable",
        "urgent", "legitimate", "illegitimate", "moral", "immoral", "ethical", "unethical", "hypocritical",
        "hypocrisy", "cynical", "corrupt", "corruption", "dishonest", "honest", "brave", "courageous",
        "cowardly", "weak", "strong", "powerful", "fragile", "robust", "healthy", "broken", "dysfunctional",
        "disastrous", "catastrophic", "devastating", "damaging", "harmful", "beneficial", "useful", "useless",
        "pointless", "meaningless", "worthwhile", "valuable", "costly", "excessive", "inadequate",
        "sufficient", "insufficient", "appropriate", "inappropriate", "proper", "reasonable", "unreasonable",
        "rational", "irrational", "sensible", "senseless", "silly", "bizarre", "ironic", "troubling",
        "disturbing", "alarming", "worrying", "worrisome", "encouraging", "promising", "hopeful", "hopeless",
        "welcome", "positive", "negative", "key", "central", "indispensable", "unprecedented",
        "extraordinary", "dire", "bleak", "grim", "mistake", "mistakes", "error", "disaster", "crisis",
        "threat", "problem", "problems", "challenge", "opportunity", "scandal", "shame", "tragedy", "farce",
        "myth", "lesson", "priority", "danger", "risk", "risky", "vulnerable", "deserve", "deserves",
        "fail", "fails", "succeed", "worth", "matter", "matters", "undermine", "undermines", "threatens",
        "betray", "betrays", "betrayal", "injustice", "justice", "freedom", "liberty", "dignity", "rights",
        "sustainable", "unsustainable", "viable", "credible", "incredible", "credibility", "legitimacy",
        "genuine", "hollow", "empty", "naked", "blatant", "deliberate", "shocking", "appalling", "deplorable",
        "despicable", "laudable", "admirable", "commendable", "praiseworthy", "welcome", "overdue",
        "long overdue", "too little", "too late", "unwilling", "incapable", "incompetent", "competent",
        "arrogant", "reckless", "selfish", "cruel", "inhumane", "humane", "racist", "sexist", "bigoted",
        "extremist", "radical", "moderate", "pragmatic", "realistic", "unrealistic", "idealistic",
        "complacent", "complacency", "ignorance", "ignorant", "arrogance", "contradiction", "paradox",
    ]

    /// The author's own voice: "we", "our", "I think".
    static let firstPersonPlural = ["we", "our", "us", "ourselves", "we're", "we've", "we'll", "let's"]
    static let firstPersonOpinion = [
        "i think", "i believe", "i argue", "i fear", "i hope", "i suspect", "i doubt", "in my view",
        "in my opinion", "to me", "we believe", "we think", "we must", "we should", "we need", "we cannot",
        "we can't", "i would argue", "my view", "i agree", "i disagree", "i strongly", "i firmly",
        "in my point of view", "from my point of view", "my opinion", "personally",
    ]

    /// Markers of a concluding judgement: the author sums up.
    static let conclusion = [
        "in conclusion", "to conclude", "to sum up", "in sum", "in summary", "to summarize", "all in all",
        "overall", "ultimately", "in the end", "in short", "taken together", "the bottom line", "all told",
        "for these reasons", "for all these reasons", "in the final analysis", "at the end of the day",
    ]

    /// Predictions.
    static let future = ["will", "won't", "would", "wouldn't", "going to", "we'll", "it'll", "they'll", "is bound to", "soon"]

    static let negation = [
        "not", "no", "never", "nothing", "none", "nobody", "neither", "nor", "cannot", "can't", "don't",
        "doesn't", "isn't", "aren't", "won't", "wouldn't", "shouldn't", "hardly",
    ]

    /// Argument connectives: contrast and cause.
    static let connective = [
        "but", "however", "yet", "although", "though", "instead", "nevertheless", "nonetheless",
        "because", "therefore", "thus", "hence", "so that", "consequently", "since", "unless", "if",
        "otherwise", "after all", "even if", "even though", "while",
    ]

    /// Attribution: the sentence reports what someone else said (a negative signal).
    static let attribution = [
        "said", "says", "told", "tells", "according to", "stated", "announced", "reported", "added",
        "explained", "noted", "wrote", "writes", "asked", "insisted", "claimed", "argued", "argues",
        "recalled", "testified", "tweeted", "declared", "warned", "admitted", "acknowledged", "replied",
        "responded", "commented", "remarked", "quoted", "in an interview", "in a statement", "spokesman",
        "spokeswoman", "spokesperson", "press conference", "press release", "interview", "statement",
        "confirmed", "denied", "described", "called", "urged", "vowed", "pledged", "promised",
    ]

    /// Irregular past-tense verbs (narrative). Regular ones are found by their "-ed".
    static let pastIrregular = [
        "was", "were", "had", "did", "went", "came", "took", "made", "began", "became", "saw", "got", "gave",
        "found", "left", "met", "knew", "thought", "brought", "bought", "felt", "kept", "lost", "paid", "sent",
        "spent", "stood", "won", "ran", "rose", "fell", "held", "led", "grew", "drew", "chose", "spoke",
        "broke", "fought", "sought", "taught", "caught", "threw", "wore", "sat", "built", "heard", "wasn't",
        "weren't", "didn't", "hadn't", "ago", "later", "then", "once", "earlier", "yesterday", "last",
        "previously", "formerly", "recently",
    ]

    /// Present tense and general statements.
    static let present = [
        "is", "are", "isn't", "aren't", "has", "have", "does", "do", "doesn't", "don't", "can", "can't",
        "cannot", "it's", "that's", "there's", "today", "now", "currently",
    ]

    /// Quantities: statistics rather than argument.
    static let quantity = [
        "percent", "per cent", "million", "millions", "billion", "billions", "trillion", "thousand",
        "thousands", "hundred", "hundreds", "dozen", "dozens", "half", "third", "quarter", "average",
        "rate", "survey", "poll", "data", "statistics", "figures", "study", "report", "census",
    ]

    static let secondPerson = ["you", "your", "yours", "yourself", "you're", "you've"]

    /// Words that open an argumentative sentence ("But that misses the point.").
    static let argumentOpeners = [
        "but", "so", "yet", "indeed", "still", "and", "however", "instead", "thus", "therefore", "ultimately",
        "rather", "worse", "worst", "sadly", "unfortunately", "fortunately", "clearly", "surely", "perhaps",
        "of course", "in fact", "after all", "in short", "simply",
    ]

    /// The author as a person: memoir and anecdote more often than argument
    /// (the opinion phrases above count separately).
    static let firstPersonSingular = ["i", "my", "me", "mine", "myself", "i'm", "i've", "i'd", "i was"]

    /// Third-person singular people: narrative about someone, or their words.
    static let thirdPerson = ["he", "she", "his", "her", "him", "himself", "herself", "he's", "she's"]

    /// Auxiliaries before a participle: "has failed" and "is needed" are not narrative past.
    static let auxiliary = [
        "is", "are", "be", "been", "being", "has", "have", "having", "it's", "that's", "get", "gets",
        "will", "would", "should", "must", "can", "could", "may", "might", "not", "never",
    ]

    /// Words ending in "-ed" that are not past tense.
    static let notPast = [
        "need", "indeed", "speed", "seed", "feed", "bed", "red", "shed", "hundred", "embed", "proceed",
        "succeed", "exceed", "breed", "bleed", "greed", "creed", "weed", "sacred", "naked", "wicked",
        "wretched", "kindred", "ragged", "rugged", "deed", "deeds", "needed", "concerned", "interested",
        "so-called", "called", "based", "supposed", "used", "advanced", "detailed", "limited", "united",
        "divided", "alleged", "biased", "unprecedented", "sophisticated", "complicated", "dedicated",
        "informed", "organized", "determined", "committed", "experienced", "educated", "qualified",
        "prepared", "skilled", "talented", "balanced", "armed", "related", "varied", "tired", "worried",
        "scared", "frightened", "ashamed", "excited", "pleased", "satisfied", "confused", "embattled",
    ]

    /// Function words left out of title overlap, centrality and evidence matching.
    static let stopwords = [
        "a", "an", "the", "and", "or", "but", "if", "then", "else", "of", "to", "in", "on", "at", "by", "for",
        "with", "about", "against", "between", "into", "through", "during", "before", "after", "above",
        "below", "from", "up", "down", "out", "off", "over", "under", "again", "further", "once", "here",
        "there", "when", "where", "why", "how", "all", "any", "both", "each", "few", "more", "most", "other",
        "some", "such", "no", "nor", "not", "only", "own", "same", "so", "than", "too", "very", "can", "will",
        "just", "should", "now", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had",
        "having", "do", "does", "did", "doing", "i", "me", "my", "myself", "we", "our", "ours", "ourselves",
        "you", "your", "yours", "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its",
        "itself", "they", "them", "their", "theirs", "themselves", "what", "which", "who", "whom", "this",
        "that", "these", "those", "am", "would", "could", "might", "must", "may", "shall", "also", "as",
        "because", "until", "while", "it's", "that's", "there's", "don't", "doesn't", "didn't", "isn't",
        "aren't", "wasn't", "weren't", "won't", "can't", "cannot", "one", "two", "new", "many", "much",
        "even", "still", "yet", "however", "like", "well", "said", "says", "say", "mr", "mrs", "ms", "dr",
        "year", "years", "time", "way", "make", "made", "get", "got", "go", "going", "take", "whether",
        "since", "though", "although", "via", "per", "every", "another", "among", "upon", "without",
        "within", "across", "toward", "towards", "around", "s", "t", "likely", "more", "less",
    ]

    /// Synonym groups for evidence links: a bullet's word matches a body word of its group.
    /// Kept to meanings that news summaries commonly paraphrase.
    static let synonyms: [[String]] = [
        ["shift", "pivot", "transition", "change", "move", "moving", "evolution", "evolve", "switch", "turn"],
        ["independence", "autonomy", "independent", "autonomous", "self-sufficiency"],
        ["scrutiny", "oversight", "examination", "investigation", "probe", "review", "watchdog"],
        ["increase", "grow", "growing", "rise", "rising", "expand", "expansion", "surge", "boost"],
        ["decrease", "decline", "fall", "drop", "shrink", "cut", "reduce", "reduction"],
        ["agreement", "deal", "contract", "terms", "pact", "arrangement", "accord", "treaty"],
        ["company", "firm", "business", "corporation", "entity", "entities"],
        ["partnership", "alliance", "partner", "collaboration", "relationship", "tie"],
        ["regulatory", "regulator", "antitrust", "regulation", "compliance"],
        ["strategic", "strategy", "tactical"],
        ["price", "cost", "fee", "charge"],
        ["law", "legislation", "bill", "statute", "rule"],
        ["government", "administration", "state", "authorities", "officials"],
        ["war", "conflict", "fighting", "hostilities"],
        ["economy", "economic", "growth", "gdp"],
        ["job", "jobs", "employment", "work", "workers", "labor", "labour"],
        ["risk", "danger", "threat", "hazard"],
        ["aim", "goal", "objective", "intend", "seek", "purpose"],
        ["address", "tackle", "confront", "handle", "respond"],
        ["vote", "election", "ballot", "poll"],
        ["money", "funding", "funds", "finance", "capital", "investment"],
        ["leader", "chief", "head", "executive"],
        ["landscape", "sector", "industry", "market", "field", "ecosystem"],
    ]
}
