import BriefCore
import Synchronization

/// One screen line of laid-out text: a prefix (indent, bullet marker, quote bar) and the
/// text drawn after it, which starts at UTF-8 offset `start` of the item's text. A spacer
/// (blank line after a block) has start = text size + 1 so every line has its own position.
public struct DisplayLine: Sendable, Equatable {
    public var prefix: String
    public var text: String
    public var start: Int
    public var isSpacer: Bool
    /// Tables and code: cut at the edge instead of wrapped, scrolled sideways with ← →.
    public var isUnwrapped = false
    /// What each stretch of `text` is, in order; empty when all of it is the item's text
    /// from `start` on. Link numbers and table padding and rules are not in the item's text.
    public var pieces: [LinePiece] = []

    public init(prefix: String, text: String, start: Int, isSpacer: Bool, isUnwrapped: Bool = false,
                pieces: [LinePiece] = []) {
        self.prefix = prefix
        self.text = text
        self.start = start
        self.isSpacer = isSpacer
        self.isUnwrapped = isUnwrapped
        self.pieces = pieces
    }

    /// Each character of `text` with the offset in the item's text it shows (nil for what
    /// the layout added) and the kind of piece it is in.
    public func characters() -> [(character: Character, source: Int?, kind: LinePiece.Kind)] {
        var result: [(Character, Int?, LinePiece.Kind)] = []
        if pieces.isEmpty {
            var offset = start
            for character in text {
                result.append((character, offset, .text))
                offset += character.utf8.count
            }
            return result
        }
        var piece = 0
        var used = 0  // bytes of the current piece consumed
        for character in text {
            while piece < pieces.count - 1, used >= pieces[piece].length { piece += 1; used = 0 }
            let current = pieces[min(piece, pieces.count - 1)]
            result.append((character, current.kind == .text ? current.source + used : nil, current.kind))
            used += character.utf8.count
        }
        return result
    }
}

/// Inline styles the reader shows by marks in the text (where the terminal has no colour or no
/// italics): `code`, ~~struck~~, _emphasis_.
public struct InlineMarks: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public static let code = InlineMarks(rawValue: 1)
    public static let strikethrough = InlineMarks(rawValue: 2)
    public static let emphasis = InlineMarks(rawValue: 4)
}

/// Text the layout puts into an item's text at a UTF-8 offset.
public struct Insertion: Sendable, Equatable {
    public var at: Int
    public var text: String
    public var kind: LinePiece.Kind
}

/// A stretch of a display line's text: the item's own text from `source`, or something the
/// layout put in.
public struct LinePiece: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The item's text.
        case text
        /// A link's number after its text, "[3]".
        case linkNumber
        /// A mark standing for a style the terminal cannot show: `code`, ~~struck~~, _emphasis_.
        case styleMark
        /// Table padding and column rules.
        case rule
    }
    public var kind: Kind
    /// UTF-8 bytes of the line's text this piece covers.
    public var length: Int
    /// For `.text`: where it starts in the item's text.
    public var source: Int

    public init(_ kind: Kind, length: Int, source: Int = 0) {
        self.kind = kind
        self.length = length
        self.source = source
    }
}

/// Lays items out at one width, lazily: an item is wrapped only when a view or a
/// movement reaches it, and kept. This is what lets a huge article open at once.
///
/// The width never changes (another width is another layout, `resized(to:)`), so copies of
/// a state that share a layout see the same lines; the cache of wrapped items is behind a
/// lock, so a layout may be read from any thread.
public final class ArticleLayout: Sendable {
    public let document: ReaderDocument
    public let width: Int
    /// Wrapped items by index, and the wrapper (ICU's line breaker is not thread-safe).
    private struct Cache {
        var lines: [Int: [DisplayLine]] = [:]
        let wrapper = TextWrapper()
    }
    private let cache = Mutex(Cache())

    /// Widest text column: long lines are hard to read.
    public static let maximumTextWidth = 96

    /// Inline styles shown by marks in the text, where the terminal cannot show them.
    public let marks: InlineMarks

    public init(document: ReaderDocument, width: Int, marks: InlineMarks = []) {
        self.document = document
        self.width = max(1, width)
        self.marks = marks
    }

    /// This layout at `width`: itself when the width is the same, else a new one.
    public func resized(to width: Int) -> ArticleLayout {
        max(1, width) == self.width ? self : ArticleLayout(document: document, width: width, marks: marks)
    }

    public var itemCount: Int { document.items.count }

    public func linesOf(_ index: Int) -> [DisplayLine] {
        cache.withLock { cache in
            if let lines = cache.lines[index] { return lines }
            let lines = layout(index, wrapper: cache.wrapper)
            cache.lines[index] = lines
            return lines
        }
    }

    /// Number of items laid out so far (for tests and the benchmark).
    public var cachedItemCount: Int { cache.withLock { $0.lines.count } }

    private func layout(_ index: Int, wrapper: TextWrapper) -> [DisplayLine] {
        let items = document.items
        let item = items[index]
        var prefix = ""
        var hanging = ""
        switch item.kind {
        case .bullet:
            let indent = String(repeating: "  ", count: min(max(item.level - 1, 0), 6))
            let marker = (item.marker ?? "•") + " "
            prefix = indent + marker
            hanging = indent + String(repeating: " ", count: DisplayWidth.of(marker))
        case .quote:
            prefix = Self.quotePrefix(level: item.level)
            hanging = prefix
        case .code, .table:
            prefix = "  "
            hanging = prefix
        case .paragraph where item.level > 0:
            prefix = String(repeating: "  ", count: min(item.level, 6))
            hanging = prefix
        default:
            break
        }
        let available = max(1, width - DisplayWidth.of(prefix))
        var result: [DisplayLine] = []
        switch item.kind {
        case .code:
            var base = 0
            for codeLine in item.text.split(separator: "\n", omittingEmptySubsequences: false) {
                var line = DisplayLine(prefix: prefix, text: Self.expandingTabs(codeLine), start: base,
                                       isSpacer: false, isUnwrapped: true)
                // Tabs expanded: the line is no longer the item's text byte for byte.
                if codeLine.contains("\t") { line.pieces = [LinePiece(.rule, length: line.text.utf8.count)] }
                result.append(line)
                base += codeLine.utf8.count + 1
            }
        case .table:
            result = TableLayout.lines(of: item, prefix: prefix)
        default:
            let inserted = document.insertions(in: index, marks: marks)
            let shown = inserted.isEmpty ? item.text : Self.inserting(inserted, into: item.text)
            let utf8 = shown.utf8
            var offset = 0  // in `shown`
            var index = utf8.startIndex
            for (n, piece) in wrapper.wrap(shown, width: available).enumerated() {
                if n > 0 {
                    // The wrapper dropped the spaces at the break.
                    while index < utf8.endIndex, utf8[index] == 0x20 { index = utf8.index(after: index); offset += 1 }
                }
                let count = piece.utf8.count
                var line = DisplayLine(prefix: n == 0 ? prefix : hanging, text: piece, start: offset, isSpacer: false)
                if !inserted.isEmpty {
                    (line.start, line.pieces) = Self.pieces(offset..<offset + count, of: inserted)
                }
                result.append(line)
                offset += count
                index = utf8.index(index, offsetBy: count, limitedBy: utf8.endIndex) ?? utf8.endIndex
            }
        }
        // A blank line after each block, except between items of one list; inside a quote
        // that goes on, the blank line keeps the quote's bar.
        let next = index + 1 < items.count ? items[index + 1] : nil
        let listContinues = item.kind == .bullet && (next?.kind == .bullet
            || (next?.kind == .paragraph && (next?.level ?? 0) > 0))
        let inList = item.kind == .paragraph && item.level > 0 && next?.kind == .bullet
        if !listContinues && !inList && next != nil || item.kind == .title && next == nil {
            let quoteGoesOn = item.kind == .quote && next?.kind == .quote
            let spacerPrefix = quoteGoesOn ? Self.quotePrefix(level: min(item.level, next!.level)) : ""
            result.append(DisplayLine(prefix: spacerPrefix, text: "", start: item.text.utf8.count + 1, isSpacer: true))
        }
        return result
    }

    static func quotePrefix(level: Int) -> String { String(repeating: "│ ", count: min(max(level, 1), 4)) }

    /// A code line with its tabs expanded to the next multiple of 4 columns.
    static func expandingTabs(_ line: Substring) -> String {
        guard line.contains("\t") else { return String(line) }
        var result = ""
        var column = 0
        for character in line {
            if character == "\t" {
                let spaces = 4 - column % 4
                result += String(repeating: " ", count: spaces)
                column += spaces
            } else {
                result.append(character)
                column += DisplayWidth.of(character)
            }
        }
        return result
    }

    /// `text` with each insertion put in at its offset (offsets ascending).
    static func inserting(_ insertions: [Insertion], into text: String) -> String {
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + insertions.count * 4)
        var from = 0
        for insertion in insertions {
            let at = min(max(insertion.at, from), bytes.count)
            result.append(contentsOf: bytes[from..<at])
            result.append(contentsOf: insertion.text.utf8)
            from = at
        }
        result.append(contentsOf: bytes[from...])
        return String(decoding: result, as: UTF8.self)
    }

    /// For a range of the text with insertions, where it starts in the item's own text and
    /// its pieces.
    static func pieces(_ range: Range<Int>, of insertions: [Insertion]) -> (start: Int, pieces: [LinePiece]) {
        var pieces: [LinePiece] = []
        var shown = 0  // offset in the shown text
        var source = 0  // the same place in the item's text
        var start: Int?
        func add(_ kind: LinePiece.Kind, _ from: Int, _ to: Int, source: Int) {
            let lower = max(from, range.lowerBound), upper = min(to, range.upperBound)
            guard lower < upper else { return }
            let sourceAt = source + (lower - from)
            if start == nil { start = kind == .text ? sourceAt : source }
            pieces.append(LinePiece(kind, length: upper - lower, source: kind == .text ? sourceAt : 0))
        }
        for insertion in insertions {
            let textLength = insertion.at - source
            add(.text, shown, shown + textLength, source: source)
            shown += textLength
            source = insertion.at
            let length = insertion.text.utf8.count
            add(insertion.kind, shown, shown + length, source: source)
            shown += length
        }
        add(.text, shown, Int.max / 2, source: source)
        // A line that is only a link number is placed at the end of the link before it.
        return (start ?? source, pieces)
    }

    /// The widest unwrapped line (table row, code line) among `count` lines from `position`,
    /// prefix included.
    public func widestUnwrappedLine(from position: Position, count: Int) -> Int {
        lines(from: position, count: count).reduce(0) { widest, entry in
            entry.line.isUnwrapped ? max(widest, DisplayWidth.of(entry.line.prefix) + DisplayWidth.of(entry.line.text)) : widest
        }
    }

    /// Index of the line of `item` that shows `offset`.
    public func lineIndex(item: Int, offset: Int) -> Int {
        let after = linesOf(item).partitionPoint { $0.start > offset }
        return max(0, after - 1)
    }

    /// The position of the start of the line that shows `position`.
    public func lineStart(_ position: Position) -> Position {
        let item = min(max(position.item, 0), itemCount - 1)
        let lines = linesOf(item)
        return Position(item: item, offset: lines[lineIndex(item: item, offset: position.offset)].start)
    }

    /// The line start `count` lines after (or before, if negative) `position`, stopping at the ends.
    public func move(_ position: Position, by count: Int) -> Position {
        var item = position.item
        var line = lineIndex(item: item, offset: position.offset)
        var remaining = count
        while remaining > 0 {
            if line + 1 < linesOf(item).count { line += 1 }
            else if item + 1 < itemCount { item += 1; line = 0 }
            else { break }
            remaining -= 1
        }
        while remaining < 0 {
            if line > 0 { line -= 1 }
            else if item > 0 { item -= 1; line = linesOf(item).count - 1 }
            else { break }
            remaining += 1
        }
        return Position(item: item, offset: linesOf(item)[line].start)
    }

    /// Up to `count` lines from `position` on, with their items.
    public func lines(from position: Position, count: Int) -> [(item: Int, line: DisplayLine)] {
        var result: [(Int, DisplayLine)] = []
        var item = position.item
        var line = lineIndex(item: item, offset: position.offset)
        while result.count < count, item < itemCount {
            let lines = linesOf(item)
            while line < lines.count, result.count < count {
                result.append((item, lines[line]))
                line += 1
            }
            item += 1
            line = 0
        }
        return result
    }

    /// The furthest top position: the one that shows the last line at the bottom.
    public func lastTop(height: Int) -> Position {
        let lastItem = itemCount - 1
        let end = Position(item: lastItem, offset: linesOf(lastItem).last?.start ?? 0)
        return move(end, by: -(max(1, height) - 1))
    }
}
