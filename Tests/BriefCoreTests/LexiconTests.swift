import Testing
@testable import BriefCore

/// The word lists compiled for lookup: what the claim signals match against.
@Suite("Lexicon")
struct LexiconTests {
    let lexicon = Lexicon()
    let tokenizer = Tokenizer(lexicon: nil)

    func hashes(_ phrase: String) -> [UInt64] { tokenizer.tokens(of: phrase).map(\.hash) }

    /// The phrases starting with `word`, in the order they are tried, with their cues.
    func entries(_ word: String) -> [(Cue, String)] {
        guard let info = lexicon.info(hashes(word)[0]) else { return [] }
        return (Int(info.entryStart)..<Int(info.entryEnd)).map {
            (lexicon.entries[$0].cue, lexicon.phrases[Int(lexicon.entries[$0].phrase)])
        }
    }

    @Test("Every listed phrase is found under its first word, with its cue and the words after it")
    func everyPhraseListed() {
        let lists: [(Cue, [String])] = [(.deontic, WordLists.deontic), (.hedge, WordLists.hedge),
                                        (.stance, WordLists.stance), (.attribution, WordLists.attribution),
                                        (.future, WordLists.future), (.firstPersonPlural, WordLists.firstPersonPlural)]
        for (cue, list) in lists {
            for phrase in list {
                let words = hashes(phrase)
                guard let info = lexicon.info(words[0]) else { Issue.record("\(phrase) missing"); continue }
                let found = (Int(info.entryStart)..<Int(info.entryEnd)).contains { e in
                    let entry = lexicon.entries[e]
                    let rest = Array(lexicon.rest[Int(entry.restStart)..<Int(entry.restStart + entry.restCount)])
                    return entry.cue == cue && lexicon.phrases[Int(entry.phrase)] == phrase && rest == Array(words.dropFirst())
                }
                #expect(found, "\(cue) \(phrase)")
            }
        }
        #expect(lexicon.phrases.count == lexicon.entries.count)
    }

    @Test("Longer phrases are tried first; a phrase in two lists is tried in the lists' order")
    func phraseOrder() {
        let we = entries("we")
        let lengths = we.map { hashes($0.1).count }
        #expect(lengths == lengths.sorted(by: >))
        #expect(we.first { $0.1 == "we need" } != nil)
        #expect(we.last?.1 == "we")
        // "we'll" is in the first-person-plural list and in the future list, in that order.
        let well = entries("we'll").filter { $0.1 == "we'll" }.map(\.0)
        #expect(well == [.firstPersonPlural, .future])
    }

    @Test("Flags: stopwords and auxiliaries; a cue word is not a stopword")
    func flags() {
        #expect(lexicon.info(hashes("the")[0])!.flags & Lexicon.WordInfo.stopword != 0)
        #expect(lexicon.info(hashes("been")[0])!.flags & Lexicon.WordInfo.auxiliary != 0)
        #expect(lexicon.info(hashes("reflects")[0])!.flags & Lexicon.WordInfo.stopword == 0)
    }
}
