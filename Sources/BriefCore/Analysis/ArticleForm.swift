/// The kinds an article's form gives away, whatever its language: an interview's turns, a list
/// article's numbered items, an explainer's questions. Strict on purpose: a report or an
/// argued piece with one question heading stays what the kind model says it is.
struct ArticleForm {
    let kind: ArticleKind?

    init(_ article: Article) {
        var paragraphs = 0, turns = 0, questions = 0
        var headings = 0, questionHeadings = 0, numberedHeadings = 0, numberedBullets = 0
        for block in article.blocks {
            switch block.kind {
            case .heading:
                headings += 1
                if Self.endsWithQuestion(block.text) { questionHeadings += 1 }
                if Self.leadingNumber(block.text) != nil { numberedHeadings += 1 }
            case .paragraph, .quote:
                paragraphs += 1
                if Self.isTurn(block.text) { turns += 1 }
                if Self.endsWithQuestion(block.text) { questions += 1 }
            case .bullet:
                if block.marker != nil && block.level == 1 { numberedBullets += 1 }
            case .code, .table:
                break
            }
        }
        let title = article.title.lowercased()
        if turns >= 4 && 4 * turns >= paragraphs
            || (Self.mentionsInterview(title) && questions >= 3 && 5 * questions >= paragraphs) {
            kind = .interview
        } else if let n = Self.leadingNumber(article.title), n >= 3,
                  numberedHeadings >= 3 || numberedBullets >= 3 || headings >= 3 {
            kind = .list
        } else if numberedHeadings >= 3 && 2 * numberedHeadings >= headings {
            kind = .list
        } else if Self.explainerWords.contains(where: title.contains)
                    || (headings >= 2 && questionHeadings >= 2 && 2 * questionHeadings >= headings)
                    || (Self.endsWithQuestion(article.title) && Self.opensWithQuestionWord(title) && questionHeadings >= 1) {
            kind = .explainer
        } else {
            kind = nil
        }
    }

    static let explainerWords = ["explained", "explainer", "what you need to know", "what we know",
                                 "everything you need to know", "a guide to", "frequently asked questions", "faq"]
    static let questionWords = ["how ", "what ", "why ", "who ", "when ", "where ", "which ", "is ", "are ",
                                "can ", "should ", "does ", "do ", "will "]

    static func opensWithQuestionWord(_ lowercased: String) -> Bool { questionWords.contains(where: lowercased.hasPrefix) }

    static func mentionsInterview(_ lowercased: String) -> Bool {
        lowercased.contains("interview") || lowercased.contains("q&a") || lowercased.contains("in conversation")
    }

    /// "?" at the end, perhaps before closing quotes or brackets (the sentence test's rule).
    static func endsWithQuestion(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { FeatureExtractor.endsWithQuestionMark($0, 0..<$0.count) }
    }

    /// A turn of an interview: "Q:", "A:", "Q.", "Question:" or a speaker's name of at most
    /// three capitalized words before a colon ("JANE DOE:", "Smith:"). Only the first 40
    /// bytes are read.
    static func isTurn(_ text: String) -> Bool {
        let head = Array(text.utf8.prefix(40))
        if head.starts(with: Array("Q. ".utf8)) || head.starts(with: Array("A. ".utf8)) { return true }
        guard let colon = head.firstIndex(of: UInt8(ascii: ":")), colon > 0 else { return false }
        let label = head[..<colon]
        for turn in ["Q", "A", "Question", "Answer"] where label.elementsEqual(turn.utf8) { return true }
        guard colon + 1 < head.count, head[colon + 1] == UInt8(ascii: " ") else { return false }
        let words = label.split(separator: UInt8(ascii: " "))
        return !words.isEmpty && words.count <= 3 && words.allSatisfy { $0.first.map { $0 >= 0x41 && $0 <= 0x5A } ?? false }
    }

    /// The number a heading or title opens with ("10 ways…", "3. Costs"), if any.
    static func leadingNumber(_ text: String) -> Int? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 3, let n = Int(digits) else { return nil }
        let rest = text.dropFirst(digits.count)
        guard let next = rest.first, next == " " || next == "." || next == ")" || next == ":" else { return nil }
        return n
    }
}
