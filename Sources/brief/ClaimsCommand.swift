import ArgumentParser
import BriefCore

struct ClaimsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claims",
        abstract: "Rank each article's key claims, with the signals behind each score.",
        discussion: """
            A key claim is a sentence in which the author asserts something: an evaluation, a \
            prediction, a cause, a recommendation, the thesis. Without --limit, as many claims \
            as `brief outline` shows (about one per 200 words of body, at least 3 over 300 words); \
            with --limit N, the N best (fewer only if the article has fewer sentences).
            JSON: one object per article, one per line, claims best first:
              {"source", "title", "claims": [{"text", "score", "line", "section", "why"}]}
            """
    )

    @Argument(help: "Article files or folders; \"-\" reads standard input.")
    var paths: [String] = []

    @Option(help: "Show the N best claims per article (default: as many as the outline shows).")
    var limit: Int?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    /// Every body sentence with its measurements, one JSON object per line (for fitting weights).
    @Flag(name: .customLong("dump-features"), help: .hidden)
    var dumpFeatures = false

    mutating func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    mutating func run() throws {
        guard !paths.isEmpty else { throw ValidationError("give at least one PATH (or - for standard input)") }
        let (limit, format, dumpFeatures) = (limit, format, dumpFeatures)
        let width = Terminal.outputWidth()
        let failed = ArticlePipeline.run(paths, makeContext: {
            (analyzer: ClaimAnalyzer(), wrapper: TextWrapper())
        }, render: { context, source, article, sink in
            if dumpFeatures {
                var out = ""
                for row in context.analyzer.featureRows(article) {
                    var w = JSONWriter()
                    w.raw("{"); w.key("source"); w.string(source); w.raw(",\"sentence\":")
                    out += w.string + row + "}\n"
                }
                sink(Array(out.utf8))
                return
            }
            let claims = context.analyzer.analyze(article, claimCount: limit).claims
            switch format {
            case .json:
                sink(Array((Self.json(source: source, title: article.title, claims: claims) + "\n").utf8))
            case .text:
                sink(Array((Self.text(source: source, title: article.title, claims: claims, width: width,
                                      wrapper: context.wrapper) + "\n").utf8))
            }
        })
        Output.flush()
        if failed { throw ExitCode(1) }
    }

    /// {"source", "title", "claims": [{"text", "score", "line", "section", "why"}]} on one line.
    static func json(source: String, title: String, claims: [ScoredSentence]) -> String {
        var w = JSONWriter()
        w.raw("{")
        w.key("source"); w.string(source); w.raw(",")
        w.key("title"); w.string(title); w.raw(",")
        w.key("claims"); w.raw("[")
        for (i, claim) in claims.enumerated() {
            if i > 0 { w.raw(",") }
            w.raw("{")
            w.key("text"); w.string(claim.text); w.raw(",")
            w.key("score"); w.number(claim.score); w.raw(",")
            w.key("line"); w.int(claim.line); w.raw(",")
            w.key("section")
            if let section = claim.section { w.string(section) } else { w.raw("null") }
            w.raw(",")
            w.key("why"); w.raw("[")
            for (k, reason) in claim.why.enumerated() {
                if k > 0 { w.raw(",") }
                w.string(reason)
            }
            w.raw("]}")
        }
        w.raw("]}")
        return w.string
    }

    /// The title, the source, then each claim numbered and wrapped with a hanging indent,
    /// followed by its section, line, score and strongest reasons.
    static func text(source: String, title: String, claims: [ScoredSentence], width: Int,
                     wrapper: TextWrapper) -> String {
        let width = max(20, width)
        var out: [String] = []
        out.append(contentsOf: wrapper.wrap(title, width: width))
        let count = claims.count == 1 ? "1 key claim" : "\(claims.count) key claims"
        out.append(contentsOf: wrapper.wrap(source.withoutControls + " · " + count, width: width))
        out.append("")
        if claims.isEmpty { out.append("(no claims: no body sentences)") }
        let numberWidth = String(claims.count).count
        for (i, claim) in claims.enumerated() {
            let number = String(i + 1)
            let head = String(repeating: " ", count: numberWidth - number.count) + number + ". "
            let hang = String(repeating: " ", count: head.count)
            let available = max(10, width - head.count)
            for (k, line) in wrapper.wrap(claim.text, width: available).enumerated() {
                out.append((k == 0 ? head : hang) + line)
            }
            var facts: [String] = []
            if let section = claim.section { facts.append("§ " + section) }
            facts.append("line \(claim.line)")
            facts.append("score \(Int((claim.score * 100).rounded()))%")
            if !claim.why.isEmpty { facts.append(claim.why.prefix(3).joined(separator: ", ")) }
            for line in wrapper.wrap(facts.joined(separator: " · "), width: available) {
                out.append(hang + line)
            }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
