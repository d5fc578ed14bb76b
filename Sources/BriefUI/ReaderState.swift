import BriefCore

public struct ReaderState: Sendable {
    public enum Focus: Sendable, Equatable { case text, outline }

    public let document: ReaderDocument
    /// The text wrapped at the current width (replaced, never changed, when the width changes).
    public internal(set) var layout: ArticleLayout
    public var top: Position
    public var keyPoint: Int?
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

    init(document: ReaderDocument, top: Position, textWidth: Int) {
        self.document = document
        layout = ArticleLayout(document: document, width: textWidth)
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

    /// The visible outline entry for the text at the top of the view.
    public func trackedEntry() -> Int? {
        let entries = document.outlineEntries
        let after = visibleEntries.partitionPoint { entries[$0].position > top }
        return after > 0 ? after - 1 : (visibleEntries.isEmpty ? nil : 0)
    }
}
