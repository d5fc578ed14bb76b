// libFuzzer entry point: arbitrary bytes through the parser (Markdown, plain text or a web
// page), the outline, key-claim analysis, the JSON and text renderings, the extract formats,
// sentence segmentation and note anchoring. Built by scripts/fuzz.sh,
// compiled together with BriefCore's sources (so internal API is reachable).

nonisolated(unsafe) let analyzer = ClaimAnalyzer()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzArticle(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    // The first byte picks the file name, and so the Markdown, plain-text or HTML path.
    let name = size == 0 ? "fuzz.txt" : ["fuzz.txt", "fuzz.md", "fuzz.html"][Int(bytes[0] % 3)]
    let article = ArticleParser.parse(bytes: bytes, fileName: name)
    var outline = Outline(article: article)
    let analysis = analyzer.analyze(article)
    outline.attach(analysis)
    for claim in analysis.claims {
        // A claim is always a verbatim piece of its block.
        let text = Array(article.blocks[claim.blockIndex].text.utf8)
        precondition(claim.range.upperBound <= text.count, "claim range outside its block")
    }
    _ = outline.json(source: name, reading: article.reading)
    _ = OutlineTextRenderer(width: 40).render(outline, article: article, source: name)
    if article.reading == .html {
        _ = ArticleText.text(article)
        _ = ArticleText.markdown(article)
        ArticleText.json(article, source: name) { _ in }
        for link in article.blocks.flatMap(\.links) {
            precondition(!link.destination.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F },
                         "control in a link target")
        }
    }
    for block in article.blocks.prefix(50) where block.kind != .code {
        // The visible text is free of controls, whatever came in (a table's text is its
        // rows joined by "\n": its cells are checked).
        let texts = block.kind == .table ? block.rows.flatMap { $0 } : [block.text]
        for scalar in texts.lazy.flatMap(\.unicodeScalars) {
            let v = scalar.value
            precondition(v >= 0x20 && v != 0x7F && !(0x80...0x9F).contains(v), "control in visible text")
        }
    }
    if let first = article.blocks.firstIndex(where: { !$0.text.isEmpty }) {
        let note = NoteAnchor.note(on: article, blockIndex: first, text: "n")
        _ = NoteAnchor.place(note, in: article)
    }
    return 0
}
