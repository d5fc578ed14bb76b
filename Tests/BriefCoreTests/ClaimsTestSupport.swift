@testable import BriefCore
@testable import BriefStore

/// Helpers for the key-claim tests: small articles built in code, the sample articles
/// read from the package, and a sentence's measurements by feature name.
enum ClaimsFixture {
    /// The package root, from this file's path (…/Tests/BriefCoreTests/ClaimsTestSupport.swift).
    static func packageRoot(_ file: String = #filePath) -> String {
        var parts = file.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }

    static func article(_ name: String) -> Article {
        let path = packageRoot() + "/Articles/" + name
        guard case .success(let bytes) = ArticleFiles.read(path) else { fatalError("cannot read \(path)") }
        return ArticleParser.parse(bytes: bytes, fileName: path)
    }

    static func sampleArticleNames() -> [String] {
        guard case .success(let files) = ArticleFiles.expand(packageRoot() + "/Articles") else { return [] }
        return files.map { String($0.split(separator: "/").last!) }
    }

    /// An article of paragraphs, one a line after the title (built directly, so that the
    /// tests do not depend on how the parser reads a short text).
    static func article(title: String, paragraphs: [String]) -> Article {
        Article(title: title, titleLine: 1, reading: .onePerLine,
                blocks: paragraphs.enumerated().map { Block(kind: .paragraph, text: $1, line: $0 + 2) })
    }

    /// The measurements of each body sentence of `article`, by feature.
    static func measurements(_ article: Article) -> [(text: String, values: [Feature: Double])] {
        let analyzer = ClaimAnalyzer()
        let doc = analyzer.measure(article)
        return doc.candidates.map { c in
            let values = analyzer.features(of: c, doc: doc, article: article)
            var byFeature: [Feature: Double] = [:]
            for f in Feature.allCases { byFeature[f] = values[f.rawValue] }
            return (analyzer.text(of: c, in: article), byFeature)
        }
    }

    /// The measurements of a lone sentence (in an article titled "Notes").
    static func measure(_ sentence: String, title: String = "Notes") -> [Feature: Double] {
        measurements(article(title: title, paragraphs: [sentence]))[0].values
    }

    /// The lone sentence's score and reasons.
    static func scored(_ sentence: String, title: String = "Notes") -> ScoredSentence {
        ClaimAnalyzer().scoreAll(article(title: title, paragraphs: [sentence]))[0]
    }
}
