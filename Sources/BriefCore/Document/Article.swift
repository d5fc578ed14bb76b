/// How the parser read a document. Decided once per document, never per line,
/// and recorded so that `brief outline` can show it and tests can assert it.
public enum Reading: String, Sendable, Equatable, CaseIterable {
    /// CommonMark block structure: blank lines separate paragraphs, lines are joined.
    case markdown
    /// Scraped news: every non-blank line is a paragraph of its own.
    case onePerLine = "one-paragraph-per-line"
    /// Plain text wrapped at a fixed width: blank lines separate paragraphs.
    case hardWrapped = "hard-wrapped"
    /// A web page: the article extracted from its HTML.
    case html

    /// Words for people, as shown in `brief outline`.
    public var label: String {
        switch self {
        case .markdown: return "Markdown"
        case .onePerLine: return "one paragraph per line"
        case .hardWrapped: return "hard-wrapped text"
        case .html: return "web page"
        }
    }
}

/// A link found in inline text: the visible text and where it points.
public struct Link: Sendable, Equatable {
    public var text: String
    public var destination: String

    public init(text: String, destination: String) {
        self.text = text
        self.destination = destination
    }
}

/// A styled or linked stretch of a block's visible text.
public struct InlineSpan: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case emphasis, strong, code, strikethrough
        /// A link: the index of its entry in the block's `links`.
        case link(Int)
    }

    public var kind: Kind
    /// UTF-8 offsets into `Block.text` (the final, visible, whitespace-collapsed text); never empty.
    public var range: Range<Int>

    public init(kind: Kind, range: Range<Int>) {
        self.kind = kind
        self.range = range
    }
}

/// How a table column's cells are aligned (GFM's delimiter row, HTML's `align` or `text-align`).
public enum ColumnAlignment: String, Sendable, Equatable {
    case none, left, center, right
}

/// One block of an article, in reading order. Lists and quotes are flattened:
/// a bullet carries its nesting depth in `level`, a quote its quote depth.
public struct Block: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        case heading, paragraph, bullet, quote, code, table
    }

    public var kind: Kind
    /// Visible text: markers, emphasis and link syntax removed, whitespace collapsed.
    /// For code, the code lines joined with "\n" (indentation kept).
    public var text: String
    /// 1-based line of the block's first line in the source file.
    public var line: Int
    /// Heading level (1–6), bullet depth (from 1), quote depth (from 1);
    /// for paragraphs the depth of the list item they continue (0 at top level).
    public var level: Int
    /// The marker of an ordered list item as written ("3." or "3)"); nil otherwise.
    public var marker: String?
    /// Link targets of the inline text (kept for the model; not part of `text`).
    public var links: [Link]
    /// Info string of a fenced code block ("swift", "text"), if any.
    public var info: String?
    /// The cells of a table, row by row (the first row is the header when it has one);
    /// `text` then holds the rows, one a line, cells separated by " | ".
    public var rows: [[String]]
    /// Emphasis, strong, code, strikethrough and links in `text`, sorted by where they start
    /// (an outer span before the inner ones starting at the same place); they may nest or
    /// overlap. Images and table cells have none.
    public var spans: [InlineSpan]
    /// Tables only: the alignment of each column.
    public var columnAlignments: [ColumnAlignment]
    /// Web pages: the `id` of the block's element (or of an element or `<a id>`/`<a name>` at
    /// its start), the target of `#anchor` links; nil for Markdown and text.
    public var anchor: String?

    public init(kind: Kind, text: String, line: Int, level: Int = 0, marker: String? = nil,
                links: [Link] = [], info: String? = nil, rows: [[String]] = [],
                spans: [InlineSpan] = [], columnAlignments: [ColumnAlignment] = [], anchor: String? = nil) {
        self.kind = kind
        self.text = text
        self.line = line
        self.level = level
        self.marker = marker
        self.links = links
        self.info = info
        self.rows = rows
        self.spans = spans
        self.columnAlignments = columnAlignments
        self.anchor = anchor
    }
}

/// A parsed article: what every other part of Brief works from.
public struct Article: Sendable, Equatable {
    /// The article's title: its first heading or title line, or else a name made from the file.
    public var title: String
    /// The source line the title was taken from; nil when no block of the text is the title.
    public var titleLine: Int?
    public var byline: String?
    public var dateline: String?
    public var reading: Reading
    /// Body blocks in reading order (the title is not among them).
    public var blocks: [Block]
    /// For web pages: where the article was read from (its canonical URL when the page
    /// names one), the site's name, the language, and the publication date (ISO-8601).
    public var url: String?
    public var site: String?
    public var language: String?
    public var published: String?

    public init(title: String, titleLine: Int? = nil, byline: String? = nil, dateline: String? = nil,
                reading: Reading, blocks: [Block]) {
        self.title = title
        self.titleLine = titleLine
        self.byline = byline
        self.dateline = dateline
        self.reading = reading
        self.blocks = blocks
    }

    /// Number of words in the title and body (whitespace-separated), for reading-time estimates.
    public var wordCount: Int {
        var count = 0
        for block in blocks { count += Article.countWords(block.text) }
        return count + Article.countWords(title)
    }

    static func countWords(_ text: String) -> Int {
        var text = text  // withUTF8: a plain loop over the bytes, no per-byte view overhead
        return text.withUTF8 { bytes in
            var count = 0
            var inWord = false
            for byte in bytes {
                let space = byte == 0x20 || byte == 0x0A || byte == 0x09
                if !space && !inWord { count += 1 }
                inWord = !space
            }
            return count
        }
    }
}
