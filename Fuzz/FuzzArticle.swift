// libFuzzer entry point: arbitrary bytes through the parser, the outline, key-claim
// analysis, the JSON and text renderings, sentence segmentation and note anchoring. Built by scripts/fuzz.sh,
// compiled together with BriefCore's sources (so internal API is reachable).

nonisolated(unsafe) let analyzer = ClaimAnalyzer()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzArticle(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    // The first byte picks the file name, and so the Markdown or the plain-text path.
    let name = size > 0 && bytes[0] & 1 == 1 ? "fuzz.md" : "fuzz.txt"
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
    for block in article.blocks.prefix(50) {
        // The visible text is free of controls, whatever came in.
        for scalar in block.text.unicodeScalars where block.kind != .code {
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
