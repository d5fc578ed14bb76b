import BriefCore

/// A rectangle of cells: where a view draws, and where the state finds what a page or a
/// click means. Each view's rectangles come from one function used by both.
public struct Rect: Sendable, Equatable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }

    public func contains(row: Int, column: Int) -> Bool {
        row >= y && row < maxY && column >= x && column < maxX
    }

    /// The rectangle `dx` columns and `dy` rows in from each side.
    public func inset(dx: Int, dy: Int) -> Rect {
        Rect(x: x + dx, y: y + dy, width: width - 2 * dx, height: height - 2 * dy)
    }

    /// A box of at most `width` × `height` centred in a screen of `screenWidth` × `screenHeight`,
    /// above the status line.
    static func centredBox(width: Int, height: Int, screenWidth: Int, screenHeight: Int) -> Rect {
        let boxWidth = min(screenWidth - 2, width)
        let boxHeight = min(screenHeight - 1, height)
        return Rect(x: (screenWidth - boxWidth) / 2, y: max(0, (screenHeight - 1 - boxHeight) / 2),
                    width: boxWidth, height: boxHeight)
    }
}

/// Sizes the views and the state must agree on, named once.
public enum Metrics {
    /// From this width on the reader shows the outline pane unless `o` hid it.
    public static let outlineMinimumWidth = 80
    /// Lines (or entries) one turn of the mouse wheel moves.
    public static let wheelStep = 3
    public static let helpBoxWidth = 64
    public static let notesBoxWidth = 76
    public static let whyBoxWidth = 72
    /// Below this the views show a notice instead of garbage.
    public static let minimumWidth = 20
    public static let minimumHeight = 6
}

/// Where the reader's columns go at a given size.
public struct ReaderGeometry: Sendable, Equatable {
    public var width: Int
    public var height: Int
    public var outlineShown: Bool

    public var paneWidth: Int { outlineShown ? min(34, max(16, width * 3 / 10)) : 0 }
    /// First column of the text area (gutter included).
    public var textAreaX: Int { outlineShown ? paneWidth + 1 : 0 }
    public static let gutter = 2
    public var textX: Int { textAreaX + Self.gutter }
    public var textWidth: Int { max(1, min(ArticleLayout.maximumTextWidth, width - textX - 1)) }
    /// Rows of text: all but the status line.
    public var textHeight: Int { max(1, height - 1) }
    /// The outline pane, without its separator column.
    public var outlinePane: Rect { Rect(x: 0, y: 0, width: paneWidth, height: textHeight) }
}

/// The help overlay at a screen size: its box and the rows its lines scroll in.
public struct HelpLayout: Sendable, Equatable {
    public let box: Rect
    /// Where the lines go: inside the border, a blank row above and below.
    public let text: Rect
    public let lineCount: Int

    public init(width: Int, height: Int, lineCount: Int) {
        self.lineCount = lineCount
        box = Rect.centredBox(width: Metrics.helpBoxWidth, height: lineCount + 4, screenWidth: width, screenHeight: height)
        text = box.inset(dx: 2, dy: 2)
    }

    /// Columns of text in the box at a screen width (as `text.width`, before the lines are known).
    public static func textWidth(screenWidth: Int) -> Int {
        HelpLayout(width: screenWidth, height: Metrics.minimumHeight, lineCount: 0).text.width
    }

    /// Rows a page moves.
    public var page: Int { max(1, text.height) }
    /// The scroll that shows the last line at the bottom.
    public var maximumScroll: Int { max(0, lineCount - text.height) }
}

/// The notes list overlay at a screen size.
public struct NotesListLayout: Sendable, Equatable {
    /// Rows per note: where it is and its passage, then the note.
    public static let rowsPerNote = 2
    public let box: Rect

    public init(width: Int, height: Int) {
        let boxWidth = min(width - 2, Metrics.notesBoxWidth)
        box = Rect(x: (width - boxWidth) / 2, y: 0, width: boxWidth, height: max(3, height - 1))
    }

    public var notesPerPage: Int { max(1, (box.height - 2) / Self.rowsPerNote) }
}

/// The library at a screen size: a header row, the list, the status line.
public struct LibraryLayout: Sendable, Equatable {
    public let list: Rect

    public init(width: Int, height: Int) {
        list = Rect(x: 0, y: 1, width: width, height: max(1, height - 2))
    }

    /// Rows a page moves: one row of the page before stays in view.
    public var page: Int { max(1, list.height - 1) }
    /// First entry shown when `selected` is selected (whole pages).
    public func firstIndex(selected: Int) -> Int { (selected / max(1, list.height)) * max(1, list.height) }
}
