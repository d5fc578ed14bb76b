import BriefCore
import Synchronization

/// One screen line of laid-out text: a prefix (indent, bullet marker, quote bar) and a
/// piece of the item's text starting at UTF-8 offset `start`. A spacer (blank line
/// after a block) has start = text size + 1 so every line has its own position.
public struct DisplayLine: Sendable, Equatable {
    public var prefix: String
    public var text: String
    public var start: Int
    public var isSpacer: Bool
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

    public init(document: ReaderDocument, width: Int) {
        self.document = document
        self.width = max(1, width)
    }

    /// This layout at `width`: itself when the width is the same, else a new one.
    public func resized(to width: Int) -> ArticleLayout {
        max(1, width) == self.width ? self : ArticleLayout(document: document, width: width)
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
            prefix = String(repeating: "│ ", count: min(max(item.level, 1), 4))
            hanging = prefix
        case .code:
            prefix = "    "
            hanging = prefix
        case .paragraph where item.level > 0:
            prefix = String(repeating: "  ", count: min(item.level, 6))
            hanging = prefix
        default:
            break
        }
        let available = max(1, width - DisplayWidth.of(prefix))
        var result: [DisplayLine] = []
        if item.kind == .code {
            var base = 0
            for codeLine in item.text.split(separator: "\n", omittingEmptySubsequences: false) {
                var start = base
                for piece in wrapper.wrap(String(codeLine), width: available) {
                    result.append(DisplayLine(prefix: prefix, text: piece, start: start, isSpacer: false))
                    start += piece.utf8.count
                }
                base += codeLine.utf8.count + 1
            }
        } else {
            let utf8 = item.text.utf8
            var offset = 0
            var index = utf8.startIndex
            for (n, piece) in wrapper.wrap(item.text, width: available).enumerated() {
                if n > 0 {
                    // The wrapper dropped the spaces at the break.
                    while index < utf8.endIndex, utf8[index] == 0x20 { index = utf8.index(after: index); offset += 1 }
                }
                result.append(DisplayLine(prefix: n == 0 ? prefix : hanging, text: piece, start: offset, isSpacer: false))
                let count = piece.utf8.count
                offset += count
                index = utf8.index(index, offsetBy: count, limitedBy: utf8.endIndex) ?? utf8.endIndex
            }
        }
        // A blank line after each block, except between items of one list.
        let next = index + 1 < items.count ? items[index + 1] : nil
        let listContinues = item.kind == .bullet && (next?.kind == .bullet
            || (next?.kind == .paragraph && (next?.level ?? 0) > 0))
        let inList = item.kind == .paragraph && item.level > 0 && next?.kind == .bullet
        if !listContinues && !inList && next != nil || item.kind == .title && next == nil {
            result.append(DisplayLine(prefix: "", text: "", start: item.text.utf8.count + 1, isSpacer: true))
        }
        return result
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
