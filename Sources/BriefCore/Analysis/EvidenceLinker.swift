#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Links each summary bullet to the body sentences that support it, by content, not by
/// position. A body sentence's support for a bullet is the share of the bullet's content
/// words it contains, each word weighted by how rare it is in the body (inverse sentence
/// frequency, so "OpenAI" in every paragraph counts little). A word matches by stem
/// ("maturation" ~ "maturing", "regulatory" ~ "regulators"), as an acronym spelled out by
/// consecutive words ("IP" ~ "intellectual property"), or, for `synonymCredit` of its
/// weight, by a synonym group of `WordLists.synonyms` ("shift" ~ "pivot"). The same share
/// measured against the sentence's whole paragraph is added at `paragraphCredit`, since a
/// summary bullet usually condenses a paragraph. Sentences with at least `minimumSupport`
/// are evidence, best first, at most `maximumEvidence` a bullet.
struct EvidenceLinker {
    let lexicon: Lexicon

    static let synonymCredit = 0.6
    static let paragraphCredit = 0.35
    static let minimumSupport = 0.2
    static let maximumEvidence = 3

    /// A bullet's words to find, with their weights.
    struct Target {
        var block: Int
        var stems: [UInt32]
        var weights: [Double]
        var groups: [Int]  // synonym group per stem, or -1
        var acronymBits: [UInt32]  // bit of the matching acronym per stem, or 0
        var total: Double
        var best: [(support: Double, index: Int)] = []
    }

    func link(_ doc: ClaimAnalyzer.Document, article: Article) -> [Int: [OutlineNode.Evidence]] {
        guard !doc.bullets.isEmpty, !doc.candidates.isEmpty else { return [:] }
        let n = Double(doc.candidates.count)
        func idf(_ stem: UInt32) -> Double { log(1 + n / Double(max(doc.documentFrequency[Int(stem)], 1))) }
        // Synonym group of each stem id (looked up once per distinct stem, not per occurrence).
        let stemGroups = doc.stemHashes.map { lexicon.synonymGroups[$0] ?? -1 }

        var targets: [Target] = doc.bullets.map { bullet in
            let weights = bullet.stems.map(idf)
            let groups = bullet.stems.map { stemGroups[Int($0)] }
            let bits: [UInt32] = bullet.stems.map { stem in
                guard let k = doc.acronyms.firstIndex(where: { $0.stem == stem }) else { return 0 }
                return 1 << UInt32(k)
            }
            return Target(block: bullet.block, stems: bullet.stems, weights: weights, groups: groups,
                          acronymBits: bits, total: weights.reduce(0, +))
        }

        func support(_ t: Target, stems: ArraySlice<UInt32>, groups: [Int], acronyms: UInt32) -> Double {
            guard t.total > 0 else { return 0 }
            var found = 0.0
            for (j, s) in t.stems.enumerated() {
                if Self.binaryContains(stems, s) || t.acronymBits[j] & acronyms != 0 {
                    found += t.weights[j]
                } else if t.groups[j] >= 0, groups.contains(t.groups[j]) {
                    found += Self.synonymCredit * t.weights[j]
                }
            }
            return found / t.total
        }

        func groups(of stems: ArraySlice<UInt32>) -> [Int] {
            var result: [Int] = []
            for s in stems where stemGroups[Int(s)] >= 0 && !result.contains(stemGroups[Int(s)]) {
                result.append(stemGroups[Int(s)])
            }
            return result
        }

        // Paragraph by paragraph (candidates are in reading order).
        var start = 0
        while start < doc.candidates.count {
            var end = start
            var paragraphStems: [UInt32] = []
            var paragraphAcronyms: UInt32 = 0
            while end < doc.candidates.count, doc.candidates[end].paragraph == doc.candidates[start].paragraph {
                paragraphStems.append(contentsOf: doc.stems(of: doc.candidates[end]))
                paragraphAcronyms |= doc.candidates[end].acronyms
                end += 1
            }
            _ = ClaimAnalyzer.sortUnique(&paragraphStems, from: 0)
            let paragraphGroups = groups(of: paragraphStems[...])
            let paragraphSupport = targets.map {
                support($0, stems: paragraphStems[...], groups: paragraphGroups, acronyms: paragraphAcronyms)
            }
            for k in start..<end {
                let c = doc.candidates[k]
                let stems = doc.stems(of: c)
                let sentenceGroups = groups(of: stems)
                for b in targets.indices {
                    let sentence = support(targets[b], stems: stems, groups: sentenceGroups, acronyms: c.acronyms)
                    guard sentence >= Self.minimumSupport else { continue }
                    Self.keepBest(&targets[b].best, (sentence + Self.paragraphCredit * paragraphSupport[b], k))
                }
            }
            start = end
        }

        var result: [Int: [OutlineNode.Evidence]] = [:]
        for t in targets where !t.best.isEmpty {
            result[t.block] = t.best.map { item in
                let c = doc.candidates[item.index]
                return OutlineNode.Evidence(line: article.blocks[c.blockIndex].line,
                                            text: article.blocks[c.blockIndex].text.utf8Slice(c.range))
            }
        }
        return result
    }

    /// Keeps the `maximumEvidence` best, best first; ties go to the earlier sentence.
    static func keepBest(_ best: inout [(support: Double, index: Int)], _ item: (support: Double, index: Int)) {
        var i = best.count
        while i > 0 && (best[i - 1].support < item.support) { i -= 1 }
        guard i < maximumEvidence else { return }
        best.insert(item, at: i)
        if best.count > maximumEvidence { best.removeLast() }
    }

    static func binaryContains(_ sorted: ArraySlice<UInt32>, _ value: UInt32) -> Bool {
        let at = sorted.partitionPoint { $0 >= value }
        return at < sorted.endIndex && sorted[at] == value
    }
}
