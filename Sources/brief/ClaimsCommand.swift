import ArgumentParser
import BriefCore
import BriefStore

struct ClaimsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claims",
        abstract: "Rank each article's key points, with the reasons behind each.",
        discussion: """
            The kind of article decides its key points: an argued piece (analysis, opinion, \
            explainer, interview) gives its thesis first, then the claims that carry the argument \
            and its concluding judgement; a news report (or a list) gives its main facts, the lede \
            first. Without --limit, as many as `brief outline` shows (about one per 200 words of \
            body, at least 3 over 300 words); with --limit N, the N best.
            JSON: one object per article, one per line, key points best first:
              {"source", "title", "kind", "claims": [{"text", "role", "score", "line", "section", \
            "reasons", "why"}]}
            kind: news, analysis, explainer, interview, list. role: thesis, claim, conclusion, fact.
            score: how likely the sentence is a key point. reasons: in words; why: the signals.
            """
    )

    @Argument(help: ArgumentHelp("Article files or folders; \"-\" reads standard input.", valueName: "path"))
    var paths: [String]

    /// Unconditional: `--limit -1` takes "-1" as the value (to be refused by `validate`)
    /// instead of reading it as an unknown option and saying the value is missing.
    @Option(parsing: .unconditional,
            help: "Show the N best key points per article (default: as many as the outline shows).")
    var limit: Int?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    /// Every body sentence with its measurements, one JSON object per line (for fitting weights).
    @Flag(name: .customLong("dump-features"), help: .hidden)
    var dumpFeatures = false

    /// Weights to use instead of the fitted ones: "name value" lines, as
    /// `scripts/fit-key-points.py` writes them for each cross-validation fold.
    @Option(name: .customLong("model"), help: .hidden)
    var modelPath: String?

    mutating func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be a positive number (got \(limit))") }
    }

    mutating func run() throws {
        let (limit, format, dumpFeatures) = (limit, format, dumpFeatures)
        let model = try modelPath.map(Self.model(at:)) ?? .standard
        let width = Terminal.outputWidth()
        let failed = ArticlePipeline.run(paths, makeContext: {
            (analyzer: ClaimAnalyzer(model: model), wrapper: TextWrapper())
        }, render: { context, source, article, sink in
            if dumpFeatures {
                var out = ""
                for row in context.analyzer.featureRows(article) {
                    var w = JSONWriter()
                    w.object { w in
                        w.field("source", source)
                        w.key("sentence"); w.json(row)
                    }
                    out += w.string + "\n"
                }
                sink(Array(out.utf8))
                return
            }
            let analysis = context.analyzer.analyze(article, claimCount: limit)
            switch format {
            case .json:
                sink(Array((Self.json(source: source, title: article.title, analysis: analysis) + "\n").utf8))
            case .text:
                sink(Array((Self.text(source: source, title: article.title, analysis: analysis, width: width,
                                      wrapper: context.wrapper) + "\n").utf8))
            }
        })
        Output.flush()
        if failed { throw ExitCode(1) }
    }

    /// A model file: one "name value" pair a line; names from `KeyPointModel.valueNames`.
    static func model(at path: String) throws -> KeyPointModel {
        guard case .success(let bytes) = ArticleFiles.read(path) else {
            throw ValidationError("cannot read the model file \(path.withoutControls)")
        }
        let known = Set(KeyPointModel.valueNames)
        var values: [String: Double] = [:]
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count == 2, known.contains(String(fields[0])), let value = Double(fields[1]) else {
                throw ValidationError("bad line in the model file: \(String(line).withoutControls)")
            }
            values[String(fields[0])] = value
        }
        return KeyPointModel(values: values)
    }

    /// {"source", "title", "kind", "claims": [{"text", "role", "score", "line", "section", "reasons",
    /// "why"}]} on one line.
    static func json(source: String, title: String, analysis: ArticleAnalysis) -> String {
        var w = JSONWriter()
        w.object { w in
            w.field("source", source)
            w.field("title", title)
            w.field("kind", (analysis.kind ?? .analysis).rawValue)
            w.array("claims") { w in
                for claim in analysis.claims {
                    w.object { w in
                        w.field("text", claim.text)
                        w.field("role", claim.role.rawValue)
                        w.field("score", number: claim.score)
                        w.field("line", claim.line)
                        w.field("section", claim.section)
                        w.field("reasons", claim.reasons)
                        w.field("why", claim.why)
                    }
                }
            }
        }
        return w.string
    }

    /// The title, the source, then each claim numbered and wrapped with a hanging indent,
    /// followed by its section, line, score and strongest reasons.
    static func text(source: String, title: String, analysis: ArticleAnalysis, width: Int,
                     wrapper: TextWrapper) -> String {
        let claims = analysis.claims
        let width = max(20, width)
        var out: [String] = []
        out.append(contentsOf: wrapper.wrap(title, width: width))
        let count = claims.count == 1 ? "1 key point" : "\(claims.count) key points"
        out.append(contentsOf: wrapper.wrap(source.withoutControls + " · " + (analysis.kind ?? .analysis).label + " · " + count,
                                            width: width))
        out.append("")
        if claims.isEmpty { out.append("(no key points: no body sentences)") }
        let numberWidth = String(claims.count).count
        for (i, claim) in claims.enumerated() {
            let number = String(i + 1)
            let head = String(repeating: " ", count: numberWidth - number.count) + number + ". "
            let hang = String(repeating: " ", count: head.count)
            let available = max(10, width - head.count)
            for (k, line) in wrapper.wrap(claim.text, width: available).enumerated() {
                out.append((k == 0 ? head : hang) + line)
            }
            var facts: [String] = [claim.role.rawValue]
            if let section = claim.section { facts.append("§ " + section) }
            facts.append("line \(claim.line)")
            facts.append("score \(Int((claim.score * 100).rounded()))%")
            if !claim.reasons.isEmpty { facts.append(claim.reasons.joined(separator: "; ")) }
            for line in wrapper.wrap(facts.joined(separator: " · "), width: available) {
                out.append(hang + line)
            }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
