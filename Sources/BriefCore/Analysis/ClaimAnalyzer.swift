#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A body sentence with its key-point score.
public struct ScoredSentence: Sendable, Equatable {
    /// The sentence exactly as it stands in the article (whitespace collapsed).
    public var text: String
    /// How likely the sentence is a key point, in [0, 1] (calibrated on the labelled sets).
    public var score: Double
    /// Its part in the article: thesis, claim or conclusion of an argued piece, fact of a report.
    public var role: KeyPointRole
    /// Why it was chosen, in words a reader understands ("states the article's position").
    public var explanation: KeyPointReasons
    public var reasons: [String] { explanation.texts }
    /// 1-based source line of the sentence's block.
    public var line: Int
    /// The heading the sentence stands under, if any.
    public var section: String?
    /// The signals that fired, strongest first ("stance: \"reflects\"", "attribution: \"said\" (−)").
    public var why: [String]
    /// Index of the sentence's block in `Article.blocks`.
    public var blockIndex: Int
    /// UTF-8 offsets of the sentence inside `Article.blocks[blockIndex].text`.
    public var range: Range<Int>
    /// Body sentence number in reading order (0-based).
    public var index: Int

    public init(text: String, score: Double, role: KeyPointRole = .claim, explanation: KeyPointReasons = .init(), line: Int,
                section: String?, why: [String], blockIndex: Int, range: Range<Int>, index: Int) {
        self.text = text
        self.score = score
        self.role = role
        self.explanation = explanation
        self.line = line
        self.section = section
        self.why = why
        self.blockIndex = blockIndex
        self.range = range
        self.index = index
    }
}

/// What the analysis found in one article.
public struct ArticleAnalysis: Sendable, Equatable {
    /// The kind of article, which decided how its key points were chosen (nil: not analysed yet).
    public var kind: ArticleKind?
    /// The key points picked from the body, best first (an argued piece's thesis first).
    public var claims: [ScoredSentence]
    /// Summary bullet block index -> the body sentences that support it, best first.
    public var evidence: [Int: [OutlineNode.Evidence]]

    public init(kind: ArticleKind? = nil, claims: [ScoredSentence], evidence: [Int: [OutlineNode.Evidence]]) {
        self.kind = kind
        self.claims = claims
        self.evidence = evidence
    }

    /// The claims in reading order (for "jump to the next key point").
    public var claimsInReadingOrder: [ScoredSentence] {
        claims.sorted { ($0.blockIndex, $0.range.lowerBound) < ($1.blockIndex, $1.range.lowerBound) }
    }
}

/// Decides an article's kind, finds its key points (the thesis and claims of an argued
/// piece, the main facts of a report) and links its summary bullets to their evidence.
/// Deterministic and linear in the article's size (plus sorting its sentences by score).
/// Reuses its ICU segmenter and buffers: not thread-safe (use one per thread).
public final class ClaimAnalyzer {
    private let sentenceSplitter = ReadingSentenceSplitter()
    private let tokenizer = Tokenizer()
    private let extractor = FeatureExtractor()
    private var blockTokens: [Token] = []
    /// The content stem hashes of the sentence being measured.
    private var sentenceStems: [UInt64] = []
    let lexicon = Lexicon.shared
    /// Whether key points carry their reasons (`reasons`, and `why` with `signals`). Measuring
    /// a key point again to explain it costs about a tenth of the analysis of a long article;
    /// an outline that never shows the reasons can turn it off.
    public let explains: Bool
    public let signals: Bool
    /// The weights of every decision (the fitted one unless a tool passes another).
    public let model: KeyPointModel

    /// The fact, claim and thesis weights interleaved (feature f at 3f, 3f+1, 3f+2), so that the
    /// three sums of a sentence take one pass; and the features whose means decide the kind.
    private let sentenceWeights: [Double]
    private let kindIndices: [Int]

    public init(explains: Bool = true, signals: Bool = true, model: KeyPointModel = .standard) {
        self.explains = explains
        self.signals = signals
        self.model = model
        var weights = [Double](repeating: 0, count: 3 * Feature.count)
        for f in 0..<Feature.count {
            weights[3 * f] = model.fact.weights[f]
            weights[3 * f + 1] = model.claim.weights[f]
            weights[3 * f + 2] = model.thesis.weights[f]
        }
        sentenceWeights = weights
        kindIndices = KindFeature.sentenceFeatures.map(\.rawValue)
    }

    /// Sums of each measurement over the article's sentences (for the kind), kept here
    /// rather than in the document: one buffer, added to without a uniqueness check per value.
    private var featureSums = [Double](repeating: 0, count: Feature.count)

    @inline(__always) func addToFeatureSums(_ values: [Double]) {
        featureSums.withUnsafeMutableBufferPointer { sums in
            values.withUnsafeBufferPointer { v in
                for f in 0..<Feature.count where v[f] != 0 { sums[f] += v[f] }
            }
        }
    }

    /// The fact, claim and thesis sums of `values` (one per feature), without the biases.
    @inline(__always) func sums(_ values: [Double]) -> (fact: Double, claim: Double, thesis: Double) {
        var fact = 0.0, claim = 0.0, thesis = 0.0
        sentenceWeights.withUnsafeBufferPointer { w in
            values.withUnsafeBufferPointer { v in
                for f in 0..<Feature.count where v[f] != 0 {
                    fact += w[3 * f] * v[f]
                    claim += w[3 * f + 1] * v[f]
                    thesis += w[3 * f + 2] * v[f]
                }
            }
        }
        return (fact, claim, thesis)
    }

    public func analyze(_ article: Article) -> ArticleAnalysis {
        analyze(article, claimCount: nil)
    }

    /// The analysis with `claimCount` claims (fewer only when the article has fewer
    /// sentences of at least `minimumWords` words) instead of the outline's count.
    public func analyze(_ article: Article, claimCount: Int?) -> ArticleAnalysis {
        let doc = measure(article)
        let picks = pick(doc, count: claimCount)
        let evidence = EvidenceLinker(lexicon: lexicon).link(doc, article: article)
        return ArticleAnalysis(kind: doc.kind,
                               claims: picks.map { scored(doc.candidates[$0.index], role: $0.role, doc: doc, article: article) },
                               evidence: evidence)
    }

    /// Every body sentence with its score and reasons, in reading order (for tests and tools;
    /// `analyze` builds text only for the claims it picks).
    public func scoreAll(_ article: Article) -> [ScoredSentence] {
        let doc = measure(article)
        return doc.candidates.map { scored($0, role: doc.kind.isArgued ? .claim : .fact, doc: doc, article: article) }
    }

    /// How many claims an article of `words` body words in `sentences` eligible sentences gets:
    /// about one per 200 words, at least 3 over 300 words, never more than there are.
    public static func claimCount(bodyWords words: Int, sentences: Int) -> Int {
        guard sentences > 0, words > 0 else { return 0 }
        var n = Int((Double(words) / 200).rounded())
        if words > 300 { n = max(n, 3) }
        return min(max(n, 1), sentences)
    }

    /// One JSON object per body sentence with its measurements (for fitting the weights).
    public func featureRows(_ article: Article) -> [String] {
        let doc = measure(article)
        return doc.candidates.map { c in
            let values = features(of: c, doc: doc, article: article)
            var w = JSONWriter()
            w.object { w in
                w.field("kind", doc.kind.rawValue)
                if c.index == 0 {
                    w.object("kindFeatures") { w in
                        for (k, name) in KindFeature.names.enumerated() {
                            w.key(escaping: name); w.number(doc.kindFeatures[k])
                        }
                    }
                }
                w.field("thesis", number: Double(c.thesisScore))
                w.field("line", article.blocks[c.blockIndex].line)
                w.field("index", c.index)
                w.field("words", c.wordCount)
                w.field("paragraph", c.paragraph)
                w.field("score", number: Double(c.score))
                w.field("text", text(of: c, in: article))
                w.object("features") { w in
                    for f in Feature.allCases {
                        w.key(escaping: f.name); w.number(values[f.rawValue])
                    }
                }
            }
            return w.string
        }
    }

    func text(of c: Candidate, in article: Article) -> String {
        article.blocks[c.blockIndex].text.utf8Slice(c.range)
    }

    /// All the measurements of a sentence: measured again (keeping the cues that fired in
    /// `extractor.cues`), with the measurements against the article.
    func features(of c: Candidate, doc: Document, article: Article) -> [Double] {
        var text = article.blocks[c.blockIndex].text
        let quote = article.blocks[c.blockIndex].kind == .quote
        return text.withUTF8 { buffer in
            blockTokens.removeAll(keepingCapacity: true)
            var depth = c.quoteDepth
            tokenizer.tokenize(buffer, range: c.range, quoteDepth: &depth, into: &blockTokens)
            sentenceStems.removeAll(keepingCapacity: true)
            extractor.measure(buffer, range: c.range, tokens: blockTokens[...], stems: &sentenceStems, recordCues: true)
            var values = extractor.values
            sentenceFeatures(&values, c, quote: quote)
            articleFeatures(&values, c, doc)
            return values
        }
    }

    func scored(_ c: Candidate, role: KeyPointRole, doc: Document, article: Article) -> ScoredSentence {
        var why: [String] = []
        var reasons = KeyPointReasons()
        if explains {
            let values = features(of: c, doc: doc, article: article)
            let weights = doc.kind.isArgued ? model.claim : model.fact
            if signals { why = ClaimScorer.why(values: values, cues: extractor.cues, weights: weights.weights) }
            reasons = ClaimScorer.reasons(role: role, kind: doc.kind, values: values, cues: extractor.cues,
                                          weights: weights.weights)
        }
        let sentence = text(of: c, in: article)
        let section = Int(doc.sections[c.blockIndex])
        return ScoredSentence(text: sentence, score: Double(c.score), role: role, explanation: reasons,
                              line: article.blocks[c.blockIndex].line,
                              section: section >= 0 ? article.blocks[section].text : nil, why: why,
                              blockIndex: c.blockIndex, range: c.range, index: c.index)
    }

    // MARK: Measuring

    /// The article's sentences, measured.
    struct Document {
        var candidates: [Candidate] = []
        /// For each block, the index of the heading it stands under (-1: none).
        var sections: [Int32] = []
        /// Content stems of all candidates, as ids (each candidate's range sorted and distinct).
        /// A stem's id is its number in order of first appearance; 4 bytes instead of its
        /// 8-byte hash, and per-stem counts are arrays instead of hash tables.
        var stems: [UInt32] = []
        /// The hash of each stem id, and the table from hash to id.
        var stemHashes: [UInt64] = []
        let stemIDs = HashTable(capacity: 1024)
        /// Summary bullets: block index and content stem ids (sorted, distinct).
        var bullets: [(block: Int, stems: [UInt32])] = []
        /// Acronyms in the summary bullets ("IP"): stem hash and lowercase letters.
        var acronyms: [(stem: UInt32, letters: [UInt8])] = []
        /// In how many candidates each stem id occurs.
        var documentFrequency: [Int32] = []
        var bodyWords = 0
        /// The means of `KindFeature.sentenceFeatures` over the candidates and the dateline
        /// input (`KindFeature.names`), and the kind decided from them.
        var kindFeatures = [Double](repeating: 0, count: KindFeature.count)
        var kind = ArticleKind.analysis
        /// For the measurements against the article.
        var firstParagraph = 0
        var lastParagraph = 0
        /// Content stems in the title, and the most of them any sentence has.
        var titleStems = 0
        var bestTitleShared: Int32 = 0

        /// Share of the title's content stems in a sentence, at most 1.
        func titleOverlap(_ c: Candidate) -> Double { min(1, Double(c.titleShared) / Double(max(titleStems, 1))) }
        /// Percentile of a sentence's shared vocabulary within the article.
        func centrality(_ c: Candidate) -> Double {
            candidates.count > 1 ? Double(c.centralityRank) / Double(candidates.count - 1) : 1
        }

        func stems(of c: Candidate) -> ArraySlice<UInt32> { stems[c.stems] }

        /// The id of a stem, new ones numbered in order.
        mutating func intern(_ hash: UInt64) -> UInt32 {
            if let id = stemIDs.value(hash) { return UInt32(id) }
            let id = UInt32(stemHashes.count)
            stemIDs.set(hash, Int32(bitPattern: id))
            stemHashes.append(hash)
            return id
        }

        /// Ids of stems (sorted, distinct); with `adding`, unknown stems get new ids, else they are left out.
        mutating func ids(of hashes: [UInt64], adding: Bool) -> [UInt32] {
            var result: [UInt32] = []
            for h in hashes {
                if adding { result.append(intern(h)) } else if let id = stemIDs.value(h) { result.append(UInt32(id)) }
            }
            _ = ClaimAnalyzer.sortUnique(&result, from: 0)
            return result
        }
    }

    /// Leading bullets that summarize the article: the bullets before its first paragraph
    /// (at most `maximumSummaryBullets`; a longer list is the article itself, not a summary).
    static func summaryBullets(_ blocks: [Block]) -> Range<Int> {
        var end = 0
        while end < blocks.count, blocks[end].kind == .bullet {
            end += 1
            if end > maximumSummaryBullets { return 0..<0 }
        }
        guard end > 0, end < blocks.count, blocks[end].kind == .paragraph else { return 0..<0 }
        return 0..<end
    }

    static let maximumSummaryBullets = 12
    /// At most this many acronyms of the summary bullets are looked for in the body.
    static let maximumAcronyms = 32

    func measure(_ article: Article) -> Document {
        var doc = Document()
        for f in 0..<Feature.count { featureSums[f] = 0 }
        // Reserved up front from the size of the text, generously: capacity never touched costs
        // no memory, while growing by doubling would hold the old and the new copy at once.
        var bodyBytes = 0
        for block in article.blocks where block.kind != .code && block.kind != .heading { bodyBytes += block.text.utf8.count }
        doc.candidates.reserveCapacity(bodyBytes / 32 + 16)
        doc.stems.reserveCapacity(bodyBytes / 4 + 64)
        let summary = Self.summaryBullets(article.blocks)
        var section = -1
        var paragraph = 0
        doc.sections.reserveCapacity(article.blocks.count)
        for (b, block) in article.blocks.enumerated() {
            doc.sections.append(Int32(section))
            switch block.kind {
            case .heading:
                section = b
                continue
            case .code, .table:
                continue
            case .paragraph, .quote, .bullet:
                break
            }
            var text = block.text
            let isSummary = summary.contains(b)
            let ranges = isSummary ? [] : sentenceOffsets(in: text)
            text.withUTF8 { buffer in
                var depth = 0
                blockTokens.removeAll(keepingCapacity: true)
                if isSummary {
                    tokenizer.tokenize(buffer, range: 0..<buffer.count, quoteDepth: &depth, into: &blockTokens)
                    doc.bullets.append((b, doc.ids(of: contentStems(blockTokens[...]), adding: true)))
                    for t in blockTokens where t.allCaps && t.length <= 5 && doc.acronyms.count < Self.maximumAcronyms {
                        let stem = doc.intern(t.stem)
                        guard !doc.acronyms.contains(where: { $0.stem == stem }) else { continue }
                        doc.acronyms.append((stem, buffer[Int(t.start)..<Int(t.end)].map { $0 | 0x20 }))
                    }
                    return
                }
                for range in ranges {
                    let startDepth = depth
                    // One sentence's tokens at a time: a 10 MB paragraph must not hold millions.
                    blockTokens.removeAll(keepingCapacity: true)
                    tokenizer.tokenize(buffer, range: range, quoteDepth: &depth, into: &blockTokens)
                    let tokens = blockTokens[...]
                    guard !tokens.isEmpty else { continue }
                    let stemStart = doc.stems.count
                    sentenceStems.removeAll(keepingCapacity: true)
                    extractor.measure(buffer, range: range, tokens: tokens, stems: &sentenceStems)
                    for h in sentenceStems { doc.stems.append(doc.intern(h)) }
                    let stemEnd = Self.sortUnique(&doc.stems, from: stemStart)
                    var c = Candidate(blockIndex: b, range: range, index: doc.candidates.count, paragraph: paragraph, wordCount: tokens.count,
                                      stems: stemStart..<stemEnd)
                    for (k, acronym) in doc.acronyms.enumerated() where spellsOut(acronym.letters, in: tokens) {
                        c.acronyms |= 1 << UInt32(k)
                    }
                    c.paragraphStart = range.lowerBound == ranges[0].lowerBound
                    c.paragraphEnd = range.lowerBound == ranges[ranges.count - 1].lowerBound
                    c.quoteDepth = startDepth
                    sentenceFeatures(&extractor.values, c, quote: block.kind == .quote)
                    let local = sums(extractor.values)
                    let values = extractor.values
                    c.localFact = Float(local.fact)
                    c.localClaim = Float(local.claim)
                    c.thesisScore = Float(local.thesis)
                    c.isQuestion = values[Feature.question.rawValue] > 0
                    c.concludes = values[Feature.conclusion.rawValue] > 0
                    addToFeatureSums(values)
                    doc.bodyWords += c.wordCount
                    doc.candidates.append(c)
                }
            }
            paragraph += 1
        }
        measureInArticle(&doc, article: article)
        return doc
    }

    /// Whether consecutive words of `tokens` start with `letters` in order ("IP": "intellectual property").
    func spellsOut(_ letters: [UInt8], in tokens: ArraySlice<Token>) -> Bool {
        guard letters.count >= 2, tokens.count >= letters.count else { return false }
        var i = tokens.startIndex
        while i + letters.count <= tokens.endIndex {
            var k = 0
            while k < letters.count, tokens[i + k].initial == letters[k], !lexicon.isStopword(tokens[i + k]) {
                k += 1
            }
            if k == letters.count { return true }
            i += 1
        }
        return false
    }

    /// Sorts `values[from...]` and removes repeats; returns the new end.
    static func sortUnique<T: Comparable>(_ values: inout [T], from start: Int) -> Int {
        guard values.count - start > 1 else { return values.count }
        values[start...].sort()
        var out = start + 1
        for i in (start + 1)..<values.count where values[i] != values[out - 1] {
            values[out] = values[i]
            out += 1
        }
        values.removeLast(values.count - out)
        return out
    }

    /// UTF-8 offsets of each sentence of `text`, trimmed of surrounding whitespace (see
    /// `ReadingSentenceSplitter`).
    func sentenceOffsets(in text: String) -> [Range<Int>] { sentenceSplitter.sentenceOffsets(in: text) }

    /// The distinct content stems of some tokens, sorted.
    func contentStems(_ tokens: ArraySlice<Token>) -> [UInt64] {
        var stems: [UInt64] = []
        for t in tokens where !lexicon.isStopword(t) && !t.hasDigit && t.length > 1 { stems.append(t.stem) }
        _ = Self.sortUnique(&stems, from: 0)
        return stems
    }

    /// How many values two sorted arrays share.
    static func sharedCount(_ a: ArraySlice<UInt32>, _ b: ArraySlice<UInt32>) -> Int {
        var i = a.startIndex, j = b.startIndex, shared = 0
        while i < a.endIndex && j < b.endIndex {
            if a[i] == b[j] { shared += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return shared
    }

    /// The measurements of a sentence that depend on its block.
    func sentenceFeatures(_ values: inout [Double], _ c: Candidate, quote: Bool) {
        if quote { values[Feature.quoted.rawValue] = 1 }  // a block quote is someone else's words
        values[Feature.paragraphStart.rawValue] = c.paragraphStart ? 1 : 0
        values[Feature.paragraphEnd.rawValue] = c.paragraphEnd ? 1 : 0
        values[Feature.loneSentence.rawValue] = c.paragraphStart && c.paragraphEnd ? 1 : 0
    }

    /// The measurements of a sentence against its article (after `measureInArticle`).
    func articleFeatures(_ values: inout [Double], _ c: Candidate, _ doc: Document) {
        let n = doc.candidates.count
        let k = c.index
        values[Feature.titleOverlap.rawValue] = doc.titleOverlap(c)
        values[Feature.titleBest.rawValue] = doc.bestTitleShared > 0 && c.titleShared == doc.bestTitleShared ? 1 : 0
        values[Feature.centrality.rawValue] = doc.centrality(c)
        values[Feature.firstParagraph.rawValue] = c.paragraph == doc.firstParagraph ? 1 : 0
        values[Feature.firstSentence.rawValue] = k == 0 ? 1 : 0
        values[Feature.lead.rawValue] = k < 3 ? 1 : 0
        values[Feature.lastParagraph.rawValue] =
            c.paragraph == doc.lastParagraph && doc.firstParagraph != doc.lastParagraph ? 1 : 0
        values[Feature.position.rawValue] = n > 1 ? Double(k) / Double(n - 1) : 0
        values[Feature.early.rawValue] = Double(k) < Double(n) / 4 ? 1 : 0
        values[Feature.second.rawValue] = k == 1 ? 1 : 0
        values[Feature.third.rawValue] = k == 2 ? 1 : 0
        values[Feature.introEnd.rawValue] =
            c.paragraph == doc.firstParagraph && c.paragraphEnd && doc.firstParagraph != doc.lastParagraph ? 1 : 0
        values[Feature.conclusionStart.rawValue] =
            c.paragraph == doc.lastParagraph && c.paragraphStart && doc.firstParagraph != doc.lastParagraph ? 1 : 0
    }

    /// Measures every sentence against the article (title overlap, centrality, position)
    /// and scores it.
    func measureInArticle(_ doc: inout Document, article: Article) {
        let n = doc.candidates.count
        guard n > 0 else { return }
        let titleHashes = contentStems(tokenizer.tokens(of: article.title)[...])
        doc.titleStems = titleHashes.count
        let title = doc.ids(of: titleHashes, adding: false)  // a stem in no sentence is shared by none
        // In how many sentences each stem occurs.
        doc.documentFrequency = [Int32](repeating: 0, count: doc.stemHashes.count)
        for s in doc.stems { doc.documentFrequency[Int(s)] += 1 }
        // Centrality: how much of a sentence's vocabulary the rest of the article shares
        // (log document frequency of its stems, over the log of their number), as a
        // percentile within the article.
        var centrality = [Double](repeating: 0, count: n)
        for (k, c) in doc.candidates.enumerated() {
            var sum = 0.0
            for s in doc.stems[c.stems] { sum += Self.logCount(Int(doc.documentFrequency[Int(s)])) }
            // Rounded, so that sentences sharing the same vocabulary tie whatever order their
            // stems were summed in (ties go to the later sentence, as below).
            centrality[k] = (sum / (1 + Self.logCount(max(c.stems.count, 1))) * 1e9).rounded() / 1e9
        }
        var order = Array(0..<Int32(n))  // 32-bit: a long article has millions of sentences
        order.sort { (centrality[Int($0)], $1) < (centrality[Int($1)], $0) }
        for (rank, k) in order.enumerated() { doc.candidates[Int(k)].centralityRank = Int32(rank) }
        doc.firstParagraph = doc.candidates[0].paragraph
        doc.lastParagraph = doc.candidates[n - 1].paragraph
        for k in 0..<n {
            let shared = Int32(Self.sharedCount(doc.stems[doc.candidates[k].stems], title[...]))
            doc.candidates[k].titleShared = shared
            doc.bestTitleShared = max(doc.bestTitleShared, shared)
        }
        doc.kind = decideKind(&doc, article: article)
        let argued = doc.kind.isArgued
        var values = [Double](repeating: 0, count: Feature.count)
        for k in 0..<n {
            articleFeatures(&values, doc.candidates[k], doc)
            let placed = sums(values)
            if argued {
                let z = Double(doc.candidates[k].localClaim) + model.claim.bias + placed.claim
                let thesis = Double(doc.candidates[k].thesisScore) + model.thesis.bias + placed.thesis
                doc.candidates[k].score = Float(model.probability(z, argued: true))
                doc.candidates[k].thesisScore = Float(thesis)
                // Sentences likely to be claims rank first, whatever the thesis model adds: it
                // favours the opening, and an opening anecdote is no claim.
                let unlikely = doc.candidates[k].score < Self.likelyClaim ? Self.unlikelyPenalty : 0
                doc.candidates[k].rank = Float(z + model.thesisMix * thesis) - unlikely
            } else {
                let z = Double(doc.candidates[k].localFact) + model.fact.bias + placed.fact
                doc.candidates[k].score = Float(model.probability(z, argued: false))
                doc.candidates[k].rank = Float(z - model.positionDecay * Self.logCount(k + 1))
            }
        }
    }

    /// The article's kind: a report or an argued piece by the kind model, then an interview,
    /// a list or an explainer when its form says so (`ArticleForm`).
    func decideKind(_ doc: inout Document, article: Article) -> ArticleKind {
        let n = Double(doc.candidates.count)
        for (k, f) in kindIndices.enumerated() { doc.kindFeatures[k] = featureSums[f] / n }
        var leadDateline = article.dateline != nil
        if let first = doc.candidates.first {
            var text = article.blocks[first.blockIndex].text
            text.withUTF8 { if FeatureExtractor.dateline($0, first.range) > 0 { leadDateline = true } }
        }
        doc.kindFeatures[KindFeature.count - 1] = leadDateline ? 1 : 0
        let news = LinearModel.logistic(model.kind.bias + model.kind.sum(doc.kindFeatures)) >= 0.5
        return ArticleForm(article).kind ?? (news ? .news : .analysis)
    }

    /// Natural logarithms of small counts, computed once.
    static let logTable: [Double] = (0..<1024).map { $0 == 0 ? 0 : log(Double($0)) }
    @inline(__always) static func logCount(_ n: Int) -> Double { n < logTable.count ? logTable[n] : log(Double(n)) }

    // MARK: Picking

    /// Candidates eligible as claims: whole sentences of at least four words.
    static let minimumWords = 4
    /// A candidate sharing this share of the smaller one's content stems with a picked claim
    /// is a near-duplicate of it.
    static let duplicateOverlap = 0.6
    /// Stems in more picked claims than this are too common to mark a duplicate.
    static let postingLimit = 64

    /// The key points picked, best first, with their roles. An argued piece: its thesis (the
    /// best of the likely claims by the thesis model), then its claims by `rank`, the concluding judgement brought in
    /// when none was picked and one scores at least `conclusionThreshold`. A report, a list:
    /// the facts by score. Near-duplicates of a pick are skipped; picks are indexed by stem, so
    /// the check stays linear in long articles.
    func pick(_ doc: Document, count wanted: Int? = nil) -> [(index: Int, role: KeyPointRole)] {
        let argued = doc.kind.isArgued
        // What the loop below needs of each candidate, kept together: it visits them by score.
        var order: [(rank: Float, index: Int32)] = []
        order.reserveCapacity(doc.candidates.count)
        for c in doc.candidates where eligible(c, doc) { order.append((c.rank, Int32(c.index))) }
        let count = wanted.map { min(max($0, 0), order.count) }
            ?? Self.claimCount(bodyWords: doc.bodyWords, sentences: order.count)
        guard count > 0 else { return [] }
        order.sort { $0.rank != $1.rank ? $0.rank > $1.rank : $0.index < $1.index }
        var picks = NearDuplicates(stemCount: doc.stemHashes.count)
        var picked: [Int] = []
        var isPicked = [Bool](repeating: false, count: doc.candidates.count)
        if argued {
            // The best by the thesis model among the likely claims (all of them when none is).
            let likely = doc.candidates[Int(order[0].index)].score >= Self.likelyClaim
            var thesis = Int(order[0].index)
            for (_, index) in order where !likely || doc.candidates[Int(index)].score >= Self.likelyClaim {
                let c = doc.candidates[Int(index)]
                if c.thesisScore > doc.candidates[thesis].thesisScore
                    || (c.thesisScore == doc.candidates[thesis].thesisScore && Int(index) < thesis) { thesis = Int(index) }
            }
            picked.append(thesis)
            isPicked[thesis] = true
            picks.add(doc.stems(of: doc.candidates[thesis]))
        }
        for (_, index) in order where picked.count < count {
            let k = Int(index)
            guard !isPicked[k], !picks.duplicates(doc.stems(of: doc.candidates[k])) else { continue }
            picked.append(k)
            isPicked[k] = true
            picks.add(doc.stems(of: doc.candidates[k]))
        }
        // If duplicates left too few, fill with the best remaining.
        for (_, index) in order where picked.count < count && !isPicked[Int(index)] {
            picked.append(Int(index))
            isPicked[Int(index)] = true
        }
        if argued, picked.count >= 3, !picked.contains(where: { inConclusion(doc.candidates[$0], doc) }) {
            var best: Int?
            for (_, index) in order where Double(doc.candidates[Int(index)].score) >= model.conclusionThreshold {
                let c = doc.candidates[Int(index)]
                if inConclusion(c, doc), !isPicked[Int(index)] { best = Int(index); break }
            }
            if let best { picked[picked.count - 1] = best }
        }
        if argued {
            // Thesis first, then the rest best first.
            picked[1...].sort { (doc.candidates[$0].rank, -$0) > (doc.candidates[$1].rank, -$1) }
        }
        return picked.enumerated().map { position, k in
            (k, role(of: doc.candidates[k], position: position, argued: argued, doc))
        }
    }

    /// Below this probability a sentence of an argued piece ranks after every likelier one
    /// (`rank` less the penalty).
    static let likelyClaim: Float = 0.5
    static let unlikelyPenalty: Float = 1000

    /// Candidates eligible as key points: whole sentences of at least four words; not an
    /// interviewer's question.
    func eligible(_ c: Candidate, _ doc: Document) -> Bool {
        c.wordCount >= Self.minimumWords && !(doc.kind == .interview && c.isQuestion)
    }

    /// Whether a sentence stands in the concluding paragraph, or concludes in the last half.
    func inConclusion(_ c: Candidate, _ doc: Document) -> Bool {
        guard doc.firstParagraph != doc.lastParagraph else { return false }
        return c.paragraph == doc.lastParagraph || (c.concludes && 2 * c.index >= doc.candidates.count)
    }

    func role(of c: Candidate, position: Int, argued: Bool, _ doc: Document) -> KeyPointRole {
        guard argued else { return .fact }
        if position == 0 { return .thesis }
        return inConclusion(c, doc) ? .conclusion : .claim
    }
}

/// The stems of the key points picked so far, indexed by stem: whether a sentence shares
/// `ClaimAnalyzer.duplicateOverlap` of the smaller one's stems with a pick.
struct NearDuplicates {
    private var postingOf: [Int32]  // stem id -> index in postings
    private var postings: [[Int32]] = []  // picks (their number) per stem
    private var shared: [Int32] = []  // per pick, for the sentence being checked
    private var touched: [Int] = []
    private var stemCounts: [Int] = []

    init(stemCount: Int) { postingOf = [Int32](repeating: -1, count: stemCount) }

    mutating func duplicates(_ stems: ArraySlice<UInt32>) -> Bool {
        for s in stems {
            let p = postingOf[Int(s)]
            guard p >= 0, postings[Int(p)].count <= ClaimAnalyzer.postingLimit else { continue }
            for q in postings[Int(p)] {
                if shared[Int(q)] == 0 { touched.append(Int(q)) }
                shared[Int(q)] += 1
            }
        }
        var duplicate = false
        for q in touched {
            let smaller = min(stems.count, stemCounts[q])
            if smaller > 0 && Double(shared[q]) / Double(smaller) >= ClaimAnalyzer.duplicateOverlap { duplicate = true }
            shared[q] = 0
        }
        touched.removeAll(keepingCapacity: true)
        return duplicate
    }

    mutating func add(_ stems: ArraySlice<UInt32>) {
        let position = Int32(stemCounts.count)
        stemCounts.append(stems.count)
        shared.append(0)
        for s in stems {
            let p = postingOf[Int(s)]
            if p >= 0 {
                postings[Int(p)].append(position)
            } else {
                postingOf[Int(s)] = Int32(postings.count)
                postings.append([position])
            }
        }
    }
}
