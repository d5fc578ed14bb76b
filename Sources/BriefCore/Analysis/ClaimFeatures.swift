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
    case firstPersonSingular
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
    /// The weighted sum of the measurements of the sentence alone, plus the bias; once
    /// measured against the article (`measureInArticle`), the sentence's score.
    var score: Double = 0

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
    private(set) var cues: [(Cue, String)] = []

    /// Measures the sentence `range` of `text` (a block's UTF-8) whose tokens are `tokens`:
    /// fills `values` with what can be known from the sentence alone, appends its content
    /// stems to `stems`, and with `recordCues` keeps the cues that fired in `cues`.
    func measure(_ text: UnsafeBufferPointer<UInt8>, range: Range<Int>, tokens: ArraySlice<Token>,
                 stems: inout [UInt64], recordCues: Bool = false) {
        for f in 0..<Feature.count { values[f] = 0 }
        if recordCues { cues.removeAll() }
        let base = tokens.startIndex
        let n = tokens.count
        var quotedWords = 0
        var pastTense = 0.0
        var numbers = 0.0
        var properNouns = 0.0
        var previousFlags: UInt8 = 0

        var i = base
        while i < tokens.endIndex {
            let t = tokens[i]
            if t.quoted { quotedWords += 1 }
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
                    if recordCues { cues.append((entry.cue, lexicon.phrases[Int(entry.phrase)])) }
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
        values[Feature.quoted.rawValue] = n > 0 ? Double(quotedWords) / Double(n) : 0
        values[Feature.length.rawValue] = log(Double(max(n, 1)))
        values[Feature.short.rawValue] = n < 8 ? 1 : 0
        values[Feature.question.rawValue] = endsWithQuestionMark(text, range) ? 1 : 0
        if let first = tokens.first, lexicon.flags(first) & Lexicon.WordInfo.opener != 0 {
            values[Feature.opensWithConnective.rawValue] = 1
        }
    }

    @inline(__always) func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    /// "?" at the end, perhaps followed by closing quotes or brackets (”, ’, », ", ', )).
    func endsWithQuestionMark(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
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

