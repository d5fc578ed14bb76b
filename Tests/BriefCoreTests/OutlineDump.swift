@testable import BriefCore
@testable import BriefStore

/// A compact, complete picture of an outline for assertions: one line per node,
/// indented by depth: "kind level line: text".
func dump(_ outline: Outline) -> [String] {
    var lines: [String] = []
    outline.forEachDepthFirst { node, depth in
        lines.append(String(repeating: "  ", count: depth) + "\(node.kind.rawValue) \(node.level) \(node.line): \(node.text)")
    }
    return lines
}

func outline(_ text: String, fileName: String? = nil) -> (Article, [String]) {
    let article = ArticleParser.parse(text, fileName: fileName)
    return (article, dump(Outline(article: article)))
}

/// The package's own folder, for reading the bundled Articles/.
let packageRoot: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)  // Tests/BriefCoreTests/OutlineDump.swift
    return parts.joined(separator: "/")
}()

func bundledArticle(_ name: String) throws -> Article {
    let path = packageRoot + "/Articles/" + name
    let bytes = try ArticleFiles.read(path).get()
    return ArticleParser.parse(bytes: bytes, fileName: path)
}
