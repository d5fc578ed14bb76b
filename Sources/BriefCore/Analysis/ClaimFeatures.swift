#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The measurements taken of each body sentence. Most count cues from `WordLists`;
/// the rest describe the sentence's form and its place in the article.
enum Feature: Int, CaseIterable, Sendable {
    // Cues (counts, capped).
    case deontic, hedge, booster, stance, evaluative, firstPersonPlural, firstPersonOpinion, future, negation
    case connective, attribution, pastIrregular, present, quantity, secondPerson, thirdPerson
    case firstPersonSingular, conclusion
    // Form.
    case pastTense       // regular "-ed" verbs not after an auxiliary
    case quoted          // share of the words inside quotation marks (all of a block quote)
    case numbers         // words with digits
    case properNouns     // share of capitalized words after the first
    case length          // log of the word count
    case short           // fewer than 8 words
    case question        // ends with "?"
    case opensWithConnective // starts with "But", "So", "Yet", "Indeed"… (argument, not report)
    // Place and content.
    case titleOverlap    // share of the title's content stems in the sentence
    case centrality      // percentile of shared vocabulary with the rest of the article
    case firstSentence   // the first body sentence
    case lead            // among the first three body sentences
    case paragraphStart  // first sentence of its paragraph
    case lastParagraph   // in the last paragraph
    case position        // relative position in the body, 0 … 1
    case firstParagraph  // in the first paragraph
    case titleBest       // the sentence with the most title overlap in the article
    case early           // in the first quarter of the body
    case paragraphEnd    // last sentence of its paragraph
    case second          // the second body sentence
    case third           // the third body sentence
    case dateline        // opens with a dateline ("WASHINGTON —", "(CNN)")
    case opensWithQuote  // opens with a quotation mark
    case introEnd        // last sentence of the first paragraph (where essays state their thesis)
    case conclusionStart // first sentence of the last paragraph
    case loneSentence    // the only sentence of its paragraph

    var name: String { String(describing: self) }

    static let count = allCases.count

    /// Cue counts are capped: a third hedge says little more than the second.
    static let cueCap = 2.0
}

/// One body sentence being scored. Only the weighted sum of its own measurements is kept
/// (they are measured again for the few sentences whose reasons are shown), and its
/// content stems are in `Document.stems`, so a long article costs no allocation per sentence.
/// Its line and section are its block's (`Document.sections`). Stored in 32-bit fields (a 100 MB article has about a million of these; offsets fit,
/// since articles are at most 1 GiB), with the usual `Int` views.
struct Candidate {
    private var storedBlockIndex: Int32
    private var rangeStart: Int32, rangeEnd: Int32
    private var storedIndex: Int32
    private var storedParagraph: Int32
    private var storedWordCount: Int32
    private var stemStart: Int32, stemEnd: Int32
    /// Bit k: the sentence spells out the summary bullets' k-th acronym.
    var acronyms: UInt32 = 0
    /// How many of the title's content stems the sentence has.
    var titleShared: Int32 = 0
    /// Rank of the sentence's centrality within the article (0 = least central).
    var centralityRank: Int32 = 0
    private var storedQuoteDepth: Int16 = 0
    var paragraphStart = false
    var paragraphEnd = false
    /// Ends with a question mark (an interviewer's question is not a key point).
    var isQuestion = false
    /// Opens with a concluding marker ("In conclusion", "Ultimately").
    var concludes = false
    /// The sums of the sentence's own measurements under the fact, claim and thesis models
    /// (`KeyPointModel`); once measured against the article, the fact or claim sum
    /// becomes `score` and the thesis sum `thesisScore`. 32-bit: a 100 MB article has about a
    /// million candidates.
    var localFact: Float = 0
    var localClaim: Float = 0
    /// The thesis model's sum (argued pieces): only its order matters.
    var thesisScore: Float = 0
    /// The probability that the sentence is a key point, after `measureInArticle`.
    var score: Float = 0
    /// The order of picking (higher first): the claim sum plus a share of the thesis sum in an
    /// argued piece; the fact sum less a decay with position in a report (the lede first).
    var rank: Float = 0

    init(blockIndex: Int, range: Range<Int>, index: Int, paragraph: Int, wordCount: Int,
         stems: Range<Int>) {
        storedBlockIndex = Int32(truncatingIfNeeded: blockIndex)
        rangeStart = Int32(truncatingIfNeeded: range.lowerBound)
        rangeEnd = Int32(truncatingIfNeeded: range.upperBound)
        storedIndex = Int32(truncatingIfNeeded: index)
        storedParagraph = Int32(truncatingIfNeeded: paragraph)
        storedWordCount = Int32(clamping: wordCount)
        stemStart = Int32(truncatingIfNeeded: stems.lowerBound)
        stemEnd = Int32(truncatingIfNeeded: stems.upperBound)
    }

    var blockIndex: Int { Int(storedBlockIndex) }
    /// UTF-8 offsets in the block's text, without surrounding whitespace.
    var range: Range<Int> { Int(rangeStart)..<Int(rangeEnd) }
    /// Body sentence number (0-based, reading order) and paragraph number.
    var index: Int { Int(storedIndex) }
    var paragraph: Int { Int(storedParagraph) }
    var wordCount: Int { Int(storedWordCount) }
    /// The sentence's distinct content stems, sorted: `Document.stems[stems]`.
    var stems: Range<Int> { Int(stemStart)..<Int(stemEnd) }
    /// Quotation depth at the sentence's start (a quotation may span sentences).
    var quoteDepth: Int {
        get { Int(storedQuoteDepth) }
        set { storedQuoteDepth = Int16(clamping: newValue) }
    }
}

/// Measures sentences. Reuses its buffers: not thread-safe.
final class FeatureExtractor {
    let lexicon = Lexicon.shared
    /// The measurements of the sentence last measured.
    var values = [Double](repeating: 0, count: Feature.count)
    /// The cues that fired in the sentence last measured with `recordCues` (for "why").
    private(set) var cues: [(Cue, Int32)] = []  // the cue and its phrase's index in `Lexicon.phrases`

    /// Measures the sentence `range` of `text` (a block's UTF-8) whose tokens are `tokens`:
    /// fills `values` with what can be known from the sentence alone, appends its content
    /// stems to `stems`, and with `recordCues` keeps the cues that fired in `cues`.
    func measure(_ text: UnsafeBufferPointer<UInt8>, range: Range<Int>, tokens: ArraySlice<Token>,
                 stems: inout [UInt64], recordCues: Bool = false) {
        for f in 0..<Feature.count { values[f] = 0 }
        if recordCues { cues.removeAll() }
        let base = tokens.startIndex
        let n = tokens.count
        // Words of quotations: runs of quoted words that are a quoted clause (“We will win,”) or
        // at least `quotationWords` long. Shorter runs without a clause's punctuation are scare
        // quotes or titles ('walled garden', "Unbroken"): the author's own words.
        var quotedWords = 0
        var quotedRun = 0
        var quotedEnd = 0
        func endRun() {
            if quotedRun >= Self.quotationWords || Self.punctuatedBeforeClose(text, from: quotedEnd, to: range.upperBound) {
                quotedWords += quotedRun
            }
            quotedRun = 0
        }
        var pastTense = 0.0
        var numbers = 0.0
        var properNouns = 0.0
        var previousFlags: UInt8 = 0

        var i = base
        while i < tokens.endIndex {
            let t = tokens[i]
            if t.quoted {
                quotedRun += 1
                quotedEnd = Int(t.end)
            } else if quotedRun > 0 {
                endRun()
            }
            let info = t.info >= 0 ? lexicon.words[Int(t.info)] : Lexicon.WordInfo()
            let flags = info.flags
            if flags & Lexicon.WordInfo.stopword == 0 && !t.hasDigit && t.length > 1 { stems.append(t.stem) }
            if info.entryStart < info.entryEnd {
                var matchedCues: UInt32 = 0  // one match per kind of cue at a word
                for e in Int(info.entryStart)..<Int(info.entryEnd) {
                    let entry = lexicon.entries[e]
                    let bit: UInt32 = 1 << UInt32(entry.cue.rawValue)
                    guard matchedCues & bit == 0, i + Int(entry.restCount) < tokens.endIndex else { continue }
                    var ok = true
                    var k = 0
                    while k < Int(entry.restCount) {
                        if tokens[i + 1 + k].hash != lexicon.rest[Int(entry.restStart) + k] { ok = false; break }
                        k += 1
                    }
                    guard ok, !t.quoted || entry.cue.countsInsideQuotes else { continue }
                    matchedCues |= bit
                    values[entry.cue.rawValue] += 1
                    if recordCues { cues.append((entry.cue, entry.phrase)) }
                }
            }
            // Regular past tense: "-ed", not after an auxiliary ("has failed", "is needed").
            if t.length >= 5, !t.hasDigit, lower(text[Int(t.end) - 1]) == UInt8(ascii: "d"),
               lower(text[Int(t.end) - 2]) == UInt8(ascii: "e"), flags & Lexicon.WordInfo.notPast == 0,
               previousFlags & Lexicon.WordInfo.auxiliary == 0 {
                pastTense += 1
            }
            if t.hasDigit { numbers += 1 }
            if i > base, t.capitalized, t.hash != lexicon.wordI { properNouns += 1 }
            previousFlags = flags
            i += 1
        }
        for f in 0..<Cue.count { values[f] = min(values[f], Feature.cueCap) }
        values[Feature.pastTense.rawValue] = min(pastTense, Feature.cueCap)
        values[Feature.numbers.rawValue] = min(numbers, 3)
        values[Feature.properNouns.rawValue] = n > 1 ? properNouns / Double(n - 1) : 0
        // A run still open at the end continues past the sentence: a quotation whatever its length here.
        if quotedRun > 0 && quotedRun == n { quotedWords += quotedRun } else if quotedRun > 0 { endRun() }
        values[Feature.quoted.rawValue] = n > 0 ? Double(quotedWords) / Double(n) : 0
        values[Feature.length.rawValue] = log(Double(max(n, 1)))
        values[Feature.short.rawValue] = n < 8 ? 1 : 0
        values[Feature.question.rawValue] = Self.endsWithQuestionMark(text, range) ? 1 : 0
        if let first = tokens.first, lexicon.flags(first) & Lexicon.WordInfo.opener != 0 {
            values[Feature.opensWithConnective.rawValue] = 1
        }
        if Self.opensWithQuote(text, range) { values[Feature.opensWithQuote.rawValue] = 1 }
        if Self.dateline(text, range) > 0 { values[Feature.dateline.rawValue] = 1 }
    }

    /// Whether the sentence opens with a quotation mark (", “, ‘, «, or ' before a letter).
    static func opensWithQuote(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let i = range.lowerBound
        guard i < range.upperBound else { return false }
        if text[i] == UInt8(ascii: "\"") { return true }
        if text[i] == UInt8(ascii: "'"), i + 1 < range.upperBound, text[i + 1] >= 0x41 { return true }
        if range.count >= 3, text[i] == 0xE2, text[i + 1] == 0x80, text[i + 2] == 0x9C || text[i + 2] == 0x98 { return true }
        return range.count >= 2 && text[i] == 0xC2 && text[i + 1] == 0xAB
    }

    /// Length in bytes of a dateline opening the sentence, or 0: a bracketed source
    /// ("(CNN)", "(AP) --") or a place in capitals, perhaps with a region and a source,
    /// before a dash ("WASHINGTON —", "NEW YORK, N.Y. (Reuters) -", "LONDON --").
    static func dateline(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var i = range.lowerBound
        let end = min(range.upperBound, range.lowerBound + 80)
        func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
        func isLetter(_ b: UInt8) -> Bool { isUpper(b) || (b >= 0x61 && b <= 0x7A) }
        /// A bracketed name of at most 24 bytes ("(CNN)", "(Reuters)"); returns the end or nil.
        func bracket(_ start: Int) -> Int? {
            guard start < end, text[start] == UInt8(ascii: "("), start + 1 < end, isUpper(text[start + 1]) else { return nil }
            var k = start + 1
            while k < end, k - start <= 24, isLetter(text[k]) || text[k] == 0x20 || text[k] == UInt8(ascii: ".") { k += 1 }
            return k < end && text[k] == UInt8(ascii: ")") ? k + 1 : nil
        }
        /// Spaces and a dash ("-", "--", "—", "–") after `start`; returns the end or nil.
        func dash(_ start: Int) -> Int? {
            var k = start
            while k < end, text[k] == 0x20 { k += 1 }
            if k < end, text[k] == UInt8(ascii: "-") {
                k += 1
                if k < end, text[k] == UInt8(ascii: "-") { k += 1 }
            } else if k + 2 < end, text[k] == 0xE2, text[k + 1] == 0x80, text[k + 2] == 0x94 || text[k + 2] == 0x93 {
                k += 3
            } else {
                return nil
            }
            guard k < end, text[k] == 0x20 else { return nil }
            return k + 1
        }
        if let close = bracket(i) { return dash(close) ?? close }
        // A place in capitals: at least three capital letters, spaces, dots, apostrophes.
        var capitals = 0
        while i < end, isUpper(text[i]) || text[i] == 0x20 || text[i] == UInt8(ascii: ".") || text[i] == UInt8(ascii: "'") {
            if isUpper(text[i]) { capitals += 1 }
            if text[i] == 0x20, i + 1 < end, !isUpper(text[i + 1]) { break }
            i += 1
        }
        guard capitals >= 3 else { return 0 }
        // ", Calif." or ", N.Y."
        if i < end, text[i] == UInt8(ascii: ",") {
            var k = i + 1
            while k < end, text[k] == 0x20 { k += 1 }
            while k < end, isLetter(text[k]) || text[k] == UInt8(ascii: ".") { k += 1 }
            i = k
        }
        while i < end, text[i] == 0x20 { i += 1 }
        if let close = bracket(i) { i = close }
        return dash(i) ?? 0
    }

    /// Quoted runs shorter than this are scare quotes, not quotations, unless punctuated.
    static let quotationWords = 4

    /// Whether a clause's punctuation (, . ! ? …) stands right after a quoted word, before the
    /// closing mark: “We will win,” is quoted speech; 'walled garden' is not.
    static func punctuatedBeforeClose(_ text: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        var i = start
        while i < min(end, start + 3) {
            switch text[i] {
            case UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ";"): return true
            case UInt8(ascii: ")"): i += 1
            default: return false
            }
        }
        return false
    }

    @inline(__always) func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    /// "?" at the end, perhaps followed by closing quotes or brackets (”, ’, », ", ', )).
    static func endsWithQuestionMark(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var end = range.upperBound
        while end > range.lowerBound {
            let b = text[end - 1]
            if b == UInt8(ascii: "?") { return true }
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: ")") {
                end -= 1
            } else if end - range.lowerBound >= 3, text[end - 3] == 0xE2, text[end - 2] == 0x80,
                      text[end - 1] == 0x9D || text[end - 1] == 0x99 {
                end -= 3
            } else if end - range.lowerBound >= 2, text[end - 2] == 0xC2, text[end - 1] == 0xBB {
                end -= 2
            } else {
                return false
            }
        }
        return false
    }
}

