import BriefCore

public struct ReaderState: Sendable {
    public enum Focus: Sendable, Equatable { case text, outline }

    public let document: ReaderDocument
    /// The text wrapped at the current width (replaced, never changed, when the width changes).
    public internal(set) var layout: ArticleLayout
    public var top: Position
    /// The selected key point; cleared whenever it leaves the screen (`settle`), so the
    /// status line and the next `]` always start from what is in view.
    public var keyPoint: Int?
    /// Where the view was before the last jump (`''` and Backspace go back, and back again).
    public var jumpOrigin: Position?
    /// Where the view was when the search prompt opened (Esc goes back there).
    public var searchOrigin: Position?
    /// Where the search last put the view.
    var searchTop: Position?
    /// Columns the unwrapped lines (tables, code) are scrolled sideways.
    public var sideways = 0
    public var search: SearchState?
    /// nil: shown when the window is at least 80 columns wide.
    public var outlineChoice: Bool?
    public var focus: Focus = .text
    public var folded: Set<Int> = []
    /// Indices into `document.outlineEntries` not hidden by a fold.
    public private(set) var visibleEntries: [Int] = []
    /// Index into `visibleEntries` while the outline has focus.
    public var selectedEntry = 0
    /// The article's notes, placed in the document, in reading order.
    public internal(set) var notes: [ReaderNote] = []

    init(document: ReaderDocument, top: Position, textWidth: Int, marks: InlineMarks = []) {
        self.document = document
        layout = ArticleLayout(document: document, width: textWidth, marks: marks)
        self.top = top
        refreshEntries()
    }

    mutating func refreshEntries() {
        let entries = document.outlineEntries
        var visible: [Int] = []
        visible.reserveCapacity(entries.count)
        var i = 0
        while i < entries.count {
            visible.append(i)
            i = folded.contains(i) ? entries[i].subtreeEnd : i + 1
        }
        visibleEntries = visible
        selectedEntry = min(selectedEntry, max(0, visible.count - 1))
    }

    /// The visible outline entry the view is on: the selected key point's entry; else the
    /// entry at the top of the view, or, once the view reaches the end, the last entry on
    /// screen (so the last paragraph can become current).
    public func trackedEntry(height: Int) -> Int? {
        let entries = document.outlineEntries
        var place = top
        if let k = keyPoint, k < document.keyPoints.count {
            place = document.keyPoints[k].position
        } else if top >= layout.lastTop(height: height), let last = layout.lines(from: top, count: height).last {
            place = Position(item: last.item, offset: last.line.start + max(0, last.line.text.utf8.count - 1))
        }
        let after = visibleEntries.partitionPoint { entries[$0].position > place }
        return after > 0 ? after - 1 : (visibleEntries.isEmpty ? nil : 0)
    }

    /// The first and last line starts on screen.
    func visibleSpan(height: Int) -> (first: Position, last: Position) {
        let lines = layout.lines(from: top, count: max(1, height))
        let last = lines.last.map { Position(item: $0.item, offset: $0.line.start) } ?? top
        return (layout.lineStart(top), last)
    }

    /// Whether the line showing `position` is on screen.
    func isVisible(_ position: Position, height: Int) -> Bool {
        let span = visibleSpan(height: height)
        let start = layout.lineStart(position)
        return start >= span.first && start <= span.last
    }

    /// The key points whose first line is on screen.
    public func keyPointsInView(height: Int) -> Range<Int> {
        let points = document.keyPoints
        let span = visibleSpan(height: height)
        let first = points.partitionPoint { layout.lineStart($0.position) >= span.first }
        var end = first
        while end < points.count, layout.lineStart(points[end].position) <= span.last { end += 1 }
        return first..<end
    }

    /// After anything moved the view: a selected key point that left the screen is no longer
    /// selected.
    mutating func settle(height: Int) {
        if let k = keyPoint, k >= document.keyPoints.count || !isVisible(document.keyPoints[k].position, height: height) {
            keyPoint = nil
        }
    }
}
