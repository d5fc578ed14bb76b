/// Decides, once per document, which reading fits it.
///
/// A `.md` file is Markdown. Otherwise the shape of the prose lines decides: scraped news
/// has long lines that end sentences and follow each other without blank lines; hard-wrapped
/// text has lines that mostly stop mid-sentence; Markdown shows its syntax (`#` headings,
/// fences, links). Only the first 4,000 lines are looked at: a document's shape shows early.
public enum ReadingDetector {
    static func detect(_ lines: SourceLines, fileExtension: String?) -> Reading {
        if let ext = fileExtension, ["md", "markdown", "mdown", "mkd", "mkdn"].contains(ext) { return .markdown }
        var prose = 0, adjacent = 0, terminal = 0, markdownSignals = 0
        let limit = min(lines.count, 4000)
        var i = 0
        while i < limit {
            let text = lines[i].trimmedLine
            i += 1
            if text.isEmpty { continue }
            if text.starts(with: "```".utf8) || text.starts(with: "~~~".utf8) { markdownSignals += 2; continue }
            if MarkdownSyntax.isATXHeading(text) { markdownSignals += 2; continue }
            if MarkdownSyntax.hasLink(text) { markdownSignals += 1 }
            if MarkdownSyntax.hasStrong(text) { markdownSignals += 1 }
            if text.first == UInt8(ascii: ">") || PlainTextBlockParser.listItem(text) != nil { continue }
            if PlainTextBlockParser.underlineLevel(text) != nil { continue }
            // Title and heading lines look the same in every reading: they tell nothing.
            if PlainTextBlockParser.looksLikeHeading(text) { continue }
            prose += 1
            if i < lines.count, !lines[i].isBlankLine, PlainTextBlockParser.underlineLevel(lines[i]) == nil { adjacent += 1 }
            if PlainTextBlockParser.endsSentence(text) { terminal += 1 }
        }
        let onePerLine = prose >= 2 && adjacent * 2 >= prose && terminal * 10 >= prose * 6
        if onePerLine && markdownSignals < 4 { return .onePerLine }
        if markdownSignals >= 3 { return .markdown }
        return onePerLine ? .onePerLine : .hardWrapped
    }
}

enum MarkdownSyntax {
    static func isATXHeading(_ text: ArraySlice<UInt8>) -> Bool {
        var i = text.startIndex
        while i < text.endIndex && text[i] == UInt8(ascii: "#") { i += 1 }
        let level = i - text.startIndex
        return level >= 1 && level <= 6 && i < text.endIndex && text[i] == 0x20
    }

    static func hasLink(_ text: ArraySlice<UInt8>) -> Bool {
        var i = text.startIndex
        while i + 1 < text.endIndex {
            if text[i] == UInt8(ascii: "]") && text[i + 1] == UInt8(ascii: "(") { return true }
            i += 1
        }
        return false
    }

    static func hasStrong(_ text: ArraySlice<UInt8>) -> Bool {
        var i = text.startIndex
        while i + 2 < text.endIndex {
            if text[i] == UInt8(ascii: "*") && text[i + 1] == UInt8(ascii: "*") && text[i + 2] != 0x20 { return true }
            i += 1
        }
        return false
    }
}
