/// Creating anchors for passages and finding them again in a changed article.
public enum NoteAnchor {
    /// Characters of context kept on each side of a quote.
    public static let contextLength = 40

    /// A note anchored on `range` (UTF-8 offsets) of block `blockIndex`.
    public static func note(on article: Article, blockIndex: Int, range: Range<Int>? = nil, text: String) -> Note {
        let block = article.blocks[blockIndex]
        let utf8 = Array(block.text.utf8)
        let r = clamp(range ?? 0..<utf8.count, utf8.count)
        let quote = String(decoding: utf8[r], as: UTF8.self)
        let before = String(decoding: utf8[..<r.lowerBound], as: UTF8.self)
        let after = String(decoding: utf8[r.upperBound...], as: UTF8.self)
        return Note(quote: quote, prefix: String(before.suffix(contextLength)),
                    suffix: String(after.prefix(contextLength)),
                    section: sectionPath(article, blockIndex), line: block.line, note: text)
    }

    /// Finds `quote` (whitespace-insensitive) in the article: the first block that holds it,
    /// as a note anchor, or nil when the article does not contain it.
    public static func note(on article: Article, quote: String, text: String) -> Note? {
        let wanted = collapseWhitespace(Array(quote.utf8))
        guard !wanted.isEmpty else { return nil }
        for (index, block) in article.blocks.enumerated() {
            if let range = find(Array(wanted.utf8), in: Array(block.text.utf8)).first {
                return note(on: article, blockIndex: index, range: range, text: text)
            }
        }
        return nil
    }

    /// Where the note's passage is now. Exact matches win (the one whose context and line fit
    /// best); otherwise the most similar sentence run of the article if it is close enough;
    /// otherwise the note is orphaned and keeps its stored line.
    public static func place(_ note: Note, in article: Article) -> NotePlacement {
        let quote = Array(note.quote.utf8)
        guard !quote.isEmpty else {
            return NotePlacement(status: .orphaned, line: note.line, section: note.section)
        }
        var best: (score: Double, block: Int, range: Range<Int>)? = nil
        for (index, block) in article.blocks.enumerated() {
            let text = Array(block.text.utf8)
            for range in find(quote, in: text) {
                let score = contextScore(note, text, range) - lineDistancePenalty(block.line, note.line)
                if best == nil || score > best!.score { best = (score, index, range) }
            }
        }
        if let best {
            return placement(.attached, article, best.block, best.range)
        }
        if let (block, range) = closestPassage(note, in: article) {
            return placement(.approximate, article, block, range)
        }
        return NotePlacement(status: .orphaned, line: note.line, section: note.section)
    }

    /// The note re-anchored to where it is now (quote, context, line and section refreshed).
    public static func reanchored(_ note: Note, in article: Article) -> Note {
        let placement = place(note, in: article)
        guard let block = placement.blockIndex, let range = placement.range else { return note }
        var updated = NoteAnchor.note(on: article, blockIndex: block, range: range, text: note.note)
        updated.id = note.id
        updated.created = note.created
        updated.updated = note.updated
        return updated
    }

    // MARK: Matching

    private static func placement(_ status: NotePlacement.Status, _ article: Article, _ block: Int,
                                  _ range: Range<Int>) -> NotePlacement {
        NotePlacement(status: status, blockIndex: block, range: range, line: article.blocks[block].line,
                      section: sectionPath(article, block))
    }

    static func find(_ needle: [UInt8], in hay: [UInt8]) -> [Range<Int>] {
        guard !needle.isEmpty, hay.count >= needle.count else { return [] }
        var result: [Range<Int>] = []
        let first = needle[0]
        var i = 0
        let last = hay.count - needle.count
        while i <= last {
            if hay[i] == first {
                var k = 1
                while k < needle.count && hay[i + k] == needle[k] { k += 1 }
                if k == needle.count { result.append(i..<(i + needle.count)) }
            }
            i += 1
        }
        return result
    }

    /// How much of the stored context still surrounds this occurrence (0…2).
    private static func contextScore(_ note: Note, _ text: [UInt8], _ range: Range<Int>) -> Double {
        let before = Array(note.prefix.utf8), after = Array(note.suffix.utf8)
        var matchedBefore = 0
        while matchedBefore < before.count, range.lowerBound - matchedBefore - 1 >= 0,
              text[range.lowerBound - matchedBefore - 1] == before[before.count - matchedBefore - 1] { matchedBefore += 1 }
        var matchedAfter = 0
        while matchedAfter < after.count, range.upperBound + matchedAfter < text.count,
              text[range.upperBound + matchedAfter] == after[matchedAfter] { matchedAfter += 1 }
        return Double(matchedBefore) / Double(max(1, before.count)) + Double(matchedAfter) / Double(max(1, after.count))
    }

    private static func lineDistancePenalty(_ line: Int, _ stored: Int) -> Double {
        // Small: only breaks ties between equally good contexts.
        Double(min(abs(line - stored), 10_000)) / 100_000
    }

    /// The run of words most similar to the quote (Dice coefficient of the word multisets,
    /// at least 0.6), over windows a little shorter or longer than the quote. Each window
    /// size is one linear pass with running counts.
    private static func closestPassage(_ note: Note, in article: Article) -> (Int, Range<Int>)? {
        let quoteWords = words(in: Array(note.quote.utf8)).map(\.word)
        guard quoteWords.count >= 3 else { return nil }
        var quoteCounts: [String: Int] = [:]
        for w in quoteWords { quoteCounts[w, default: 0] += 1 }
        let q = quoteWords.count
        var best: (score: Double, block: Int, range: Range<Int>)? = nil
        for (index, block) in article.blocks.enumerated() where block.kind != .code {
            let bytes = Array(block.text.utf8)
            let tokens = words(in: bytes)
            for k in max(1, q - 3)...(q + 3) where k <= tokens.count {
                var window: [String: Int] = [:]
                var common = 0
                for (i, token) in tokens.enumerated() {
                    let added = window[token.word, default: 0] + 1
                    window[token.word] = added
                    if added <= quoteCounts[token.word] ?? 0 { common += 1 }
                    if i >= k {
                        let old = tokens[i - k].word
                        let count = window[old]!
                        if count <= quoteCounts[old] ?? 0 { common -= 1 }
                        window[old] = count - 1
                    }
                    guard i >= k - 1 else { continue }
                    let similarity = 2 * Double(common) / Double(q + k)
                    guard similarity >= 0.6 else { continue }
                    let range = tokens[i - k + 1].range.lowerBound..<extendOverPunctuation(bytes, tokens[i].range.upperBound)
                    let score = similarity + 0.1 * contextScore(note, bytes, range) - lineDistancePenalty(block.line, note.line)
                    if best == nil || score > best!.score { best = (score, index, range) }
                }
            }
        }
        return best.map { ($0.block, $0.range) }
    }

    /// Lowercased runs of letters and digits with their UTF-8 ranges.
    static func words(in bytes: [UInt8]) -> [(word: String, range: Range<Int>)] {
        var result: [(String, Range<Int>)] = []
        var i = 0
        var start = -1
        while i < bytes.count {
            let scalar = decodeScalar(bytes, at: i)
            let length = bytes[i] < 0x80 ? 1 : bytes[i] >= 0xF0 ? 4 : bytes[i] >= 0xE0 ? 3 : 2
            let isWord = scalar.map { $0.properties.isAlphabetic || $0.properties.numericType != nil } ?? false
            if isWord && start < 0 { start = i }
            if !isWord && start >= 0 {
                result.append((String(decoding: bytes[start..<i], as: UTF8.self).lowercased(), start..<i))
                start = -1
            }
            i += length
        }
        if start >= 0 { result.append((String(decoding: bytes[start...], as: UTF8.self).lowercased(), start..<bytes.count)) }
        return result
    }

    /// A passage ends after its closing punctuation ("dollars." not "dollars").
    private static func extendOverPunctuation(_ bytes: [UInt8], _ end: Int) -> Int {
        var e = end
        while e < bytes.count, bytes[e] != 0x20, e - end < 8 { e += 1 }
        return e
    }

    private static func clamp(_ r: Range<Int>, _ count: Int) -> Range<Int> {
        let lower = min(max(0, r.lowerBound), count)
        return lower..<min(max(lower, r.upperBound), count)
    }

    /// Titles of the headings that contain block `index`, outermost first.
    public static func sectionPath(_ article: Article, _ index: Int) -> [String] {
        var path: [(level: Int, title: String)] = []
        for block in article.blocks[..<min(index, article.blocks.count)] where block.kind == .heading {
            while let last = path.last, last.level >= block.level { path.removeLast() }
            path.append((block.level, block.text))
        }
        return path.map(\.title)
    }
}
