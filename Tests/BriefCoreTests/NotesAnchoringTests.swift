import Testing
@testable import BriefCore
@testable import BriefStore

/// Notes must find their passage again after the article changes.
@Suite("Notes: anchoring across edits")
struct NotesAnchoringTests {
    let article = """
        The Port Question
        Shipping lines are slowing down on purpose. Fuel is the main reason.
        Carbon rules add a second reason. Regulators will tighten them next year.
        Retailers will pay in days, not dollars. Inventories will grow.
        The risk is that carriers mistake a cyclical tool for a permanent model.
        Shipping lines are slowing down on purpose. Fuel is the main reason.
        """

    func parse(_ text: String) -> Article { ArticleParser.parse(text, fileName: "port.txt") }

    func note(_ quote: String, in text: String, occurrence: Int = 0) -> Note {
        let a = parse(text)
        var seen = 0
        for (index, block) in a.blocks.enumerated() {
            let found = NoteAnchor.find(Array(quote.utf8), in: Array(block.text.utf8))
            if !found.isEmpty {
                if seen == occurrence { return NoteAnchor.note(on: a, blockIndex: index, range: found[0], text: "n") }
                seen += 1
            }
        }
        fatalError("quote not in test article")
    }

    @Test("Text inserted above moves the note's line; the quote is found exactly")
    func insertedAbove() {
        let n = note("Regulators will tighten them next year.", in: article)
        #expect(n.line == 3)
        let edited = article.replacingFirst("Shipping lines", with: "Editor's note: updated Tuesday.\nShipping lines")
        let placement = NoteAnchor.place(n, in: parse(edited))
        #expect(placement.status == .attached)
        #expect(placement.line == 4)
    }

    @Test("Text removed above moves the note up")
    func removedAbove() {
        let n = note("The risk is that carriers", in: article)
        let edited = article.replacingFirst("Carbon rules add a second reason. Regulators will tighten them next year.\n", with: "")
        let placement = NoteAnchor.place(n, in: parse(edited))
        #expect(placement.status == .attached)
        #expect(placement.line == 4)
    }

    @Test("A changed word inside the passage still attaches, as an approximate match")
    func changedWord() {
        let n = note("Retailers will pay in days, not dollars.", in: article)
        let edited = article.replacingFirst("pay in days", with: "pay in weeks")
        let placement = NoteAnchor.place(n, in: parse(edited))
        #expect(placement.status == .approximate)
        #expect(placement.line == 4)
        let a = parse(edited)
        let text = Array(a.blocks[placement.blockIndex!].text.utf8)[placement.range!]
        #expect(String(decoding: text, as: UTF8.self) == "Retailers will pay in weeks, not dollars.")
    }

    @Test("A deleted passage leaves the note orphaned, with its quote and old line")
    func deleted() {
        let n = note("The risk is that carriers mistake a cyclical tool for a permanent model.", in: article)
        let edited = article.replacingFirst("The risk is that carriers mistake a cyclical tool for a permanent model.\n", with: "")
        let placement = NoteAnchor.place(n, in: parse(edited))
        #expect(placement.status == .orphaned)
        #expect(placement.line == 5)
    }

    @Test("Of two identical passages, the context picks the right one")
    func duplicates() {
        let second = note("Shipping lines are slowing down on purpose.", in: article, occurrence: 1)
        #expect(second.line == 6)
        let edited = article.replacingFirst("The Port Question\n", with: "The Port Question\nA new first line.\n")
        let placement = NoteAnchor.place(second, in: parse(edited))
        #expect(placement.line == 7)
        let first = note("Shipping lines are slowing down on purpose.", in: article, occurrence: 0)
        #expect(NoteAnchor.place(first, in: parse(edited)).line == 3)
    }

    /// Notes on sentences of every bundled article, against four kinds of edit; prints the rate.
    @Test("Re-attachment rate over the bundled articles")
    func rate() throws {
        let names = ["microsoft-openai-non-exclusive.txt", "grid-storage-scraped.txt", "rate-decision-wire.txt",
                     "shipping-lanes.md", "water-treaty-lists-quotes.md", "city-budget-hardwrapped.txt"]
        let segmenter = SentenceSegmenter(rules: .reading)
        var tried = 0, correct = 0
        var failures: [String] = []
        for name in names {
            let source = try String(decoding: ArticleFiles.read(packageRoot + "/Articles/" + name).get(), as: UTF8.self)
                .replacingAll("\r\n", with: "\n")
            let original = ArticleParser.parse(source, fileName: name)
            for (index, block) in original.blocks.enumerated() where block.kind == .paragraph {
                // The second sentence of each paragraph, where it stands verbatim in one source line.
                let sentences = segmenter.sentences(in: block.text)
                guard sentences.count >= 2, sentences[1].count > 30 else { continue }
                let quote = sentences[1]
                let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
                guard let lineIndex = lines.firstIndex(where: { $0.contains(quote) }) else { continue }
                let range = NoteAnchor.find(Array(quote.utf8), in: Array(block.text.utf8))[0]
                let note = NoteAnchor.note(on: original, blockIndex: index, range: range, text: "n")
                let words = quote.split(separator: " ")
                let longest = String(words.max { $0.count < $1.count }!)
                var editedLines = lines
                // (edit, expected status, expected line shift or nil for orphaned)
                var cases: [(String, [Substring], NotePlacement.Status)] = []
                var inserted = lines
                inserted.insert("Correction: an earlier version of this article misstated a date.", at: 1)
                if name.hasSuffix(".md") || name.contains("hardwrapped") { inserted.insert("", at: 2) }
                cases.append(("insert above", inserted, .attached))
                editedLines[lineIndex] = Substring(lines[lineIndex].replacingFirst(longest, with: "xyzzy"))
                cases.append(("word changed", editedLines, .approximate))
                var removed = lines
                removed[lineIndex] = Substring(lines[lineIndex].replacingFirst(quote, with: ""))
                cases.append(("passage deleted", removed, .orphaned))
                var elsewhere = lines
                if let other = lines.indices.last(where: { $0 != lineIndex && lines[$0].count > 40 }) {
                    elsewhere[other] = Substring(lines[other].replacingFirst("the", with: "teh"))
                }
                cases.append(("edit elsewhere", elsewhere, .attached))
                for (label, edited, expected) in cases {
                    tried += 1
                    let editedArticle = ArticleParser.parse(edited.joined(separator: "\n"), fileName: name)
                    let placement = NoteAnchor.place(note, in: editedArticle)
                    var ok = placement.status == expected
                    if ok, let b = placement.blockIndex {
                        // It must point at the block that now holds the (edited) passage.
                        let expectedLine = label == "insert above" ? note.line + (inserted.count - lines.count) : note.line
                        ok = editedArticle.blocks[b].line == expectedLine
                    }
                    if ok { correct += 1 } else { failures.append("\(name) line \(note.line) \(label): \(placement.status) line \(placement.line)") }
                }
            }
        }
        print("notes re-attached correctly: \(correct)/\(tried)")
        for failure in failures { print("  miss: \(failure)") }
        #expect(tried >= 80)
        #expect(Double(correct) / Double(tried) >= 0.95)
    }
}

extension StringProtocol {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        let s = String(self)
        guard let r = s.firstRange(of: target) else { return s }
        return String(s[..<r.lowerBound]) + replacement + String(s[r.upperBound...])
    }

    func replacingAll(_ target: String, with replacement: String) -> String {
        String(self).split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
