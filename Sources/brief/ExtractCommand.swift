import ArgumentParser
import BriefCore

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print the article of each web page (or file): its text, Markdown or JSON.",
        discussion: """
            The article is found in the page the way Readability finds it; navigation, ads, share \
            and comment widgets, related links and cookie or newsletter boxes are left out.
            text: the title, a byline and date line, then one block a line with blank lines between.
            markdown: CommonMark that Brief reads back into the same outline.
            json: one object per input, one per line:
              {"source", "url", "title", "byline", "published", "site", "lang", "text", "words"}
            published is ISO-8601 (UTC when the page gives a zone) or null; text is the body, \
            one paragraph a line. A failure prints "brief: SOURCE: reason"; the other inputs are \
            still processed and the exit status is 1.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, json
    }

    @Argument(help: ArgumentHelp("Web pages (*.html, http(s) URLs), other article files or folders; \"-\" reads standard input.",
                                 valueName: "source"))
    var sources: [String]

    @Option(help: "Output format: text, markdown or json.")
    var format: Format = .text

    @Flag(help: "Fetch pages again even when a copy is kept in the page cache.")
    var refresh = false

    mutating func run() throws {
        let format = format
        if refresh { Web.refreshKeptPages() }
        let failed = ArticlePipeline.run(sources, makeContext: { () }, render: { _, source, article, sink in
            switch format {
            case .text: sink(Array(ArticleText.text(article).utf8))
            case .markdown: sink(Array(ArticleText.markdown(article).utf8))
            case .json: withoutActuallyEscaping(sink) { ArticleText.json(article, source: source, sink: $0) }
            }
        })
        Output.flush()
        if failed { throw ExitCode(1) }
    }
}
