import BriefCore

/// What a cell's colour means; the terminal backend maps roles to colours when the
/// terminal has them (and NO_COLOR is unset), so views never name colours.
public enum ColorRole: Sendable, Equatable, CaseIterable {
    case normal, heading, claim, keyPoint, match, currentMatch, status, selection, dim, mark
    /// Link text, inline and block code.
    case link, code

    /// The role's name in the configuration file (`[colors]`): kebab-case.
    public var name: String {
        switch self {
        case .normal: return "normal"
        case .heading: return "heading"
        case .claim: return "claim"
        case .keyPoint: return "key-point"
        case .match: return "match"
        case .currentMatch: return "current-match"
        case .status: return "status"
        case .selection: return "selection"
        case .dim: return "dim"
        case .mark: return "mark"
        case .link: return "link"
        case .code: return "code"
        }
    }
}

public struct Style: Sendable, Equatable {
    public var bold = false
    public var reverse = false
    public var underline = false
    public var dim = false
    /// Emphasis. Terminals without italics show it as they can (ncurses decides).
    public var italic = false
    public var role: ColorRole = .normal

    public init(bold: Bool = false, reverse: Bool = false, underline: Bool = false, dim: Bool = false,
                italic: Bool = false, role: ColorRole = .normal) {
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
        self.italic = italic
        self.role = role
    }

    public static let plain = Style()
}

/// One terminal cell. A wide character sits in its first cell with width 2; the cell
/// after it is a continuation (empty text, width 0) that the backend skips.
public struct Cell: Sendable, Equatable {
    public var text: String
    public var width: Int
    public var style: Style

    public static let blank = Cell(text: " ", width: 1, style: .plain)
    public var isContinuation: Bool { width == 0 }
}

/// A grid of cells that views draw into and the backend copies to the terminal.
public struct Screen: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(row: Int, column: Int) -> Cell {
        cells[row * width + column]
    }

    /// Writes `text` from `column` on `row`, never past `limit` (exclusive; default the
    /// right edge); clusters never split. A wide cluster that does not fit leaves the
    /// rest blank. Returns the column after the last cell written.
    @discardableResult
    public mutating func put(_ text: some StringProtocol, row: Int, column: Int, style: Style = .plain,
                             limit: Int? = nil) -> Int {
        guard row >= 0, row < height else { return column }
        let end = min(limit ?? width, width)
        var col = max(0, column)
        for character in text {
            let w = DisplayWidth.of(character)
            if w == 0 {
                // A lone combining mark or zero-width character: nothing to place.
                continue
            }
            if col + w > end { break }
            clearWide(row: row, column: col)
            cells[row * width + col] = Cell(text: String(character), width: w, style: style)
            if w == 2 {
                clearWide(row: row, column: col + 1)
                cells[row * width + col + 1] = Cell(text: "", width: 0, style: style)
            }
            col += w
        }
        return col
    }

    /// Fills columns `from..<to` of `row` with spaces in `style`.
    public mutating func fill(row: Int, from: Int = 0, to: Int? = nil, style: Style = .plain) {
        guard row >= 0, row < height else { return }
        let to = min(to ?? width, width)
        var col = max(0, from)
        while col < to {
            clearWide(row: row, column: col)
            cells[row * width + col] = Cell(text: " ", width: 1, style: style)
            col += 1
        }
    }

    /// Overwriting half of a wide character blanks its other half, so no cell is left
    /// pointing at a character that is no longer there.
    private mutating func clearWide(row: Int, column: Int) {
        let i = row * width + column
        if cells[i].width == 2, column + 1 < width {
            cells[i + 1] = Cell(text: " ", width: 1, style: cells[i + 1].style)
        } else if cells[i].width == 0, column > 0 {
            cells[i - 1] = Cell(text: " ", width: 1, style: cells[i - 1].style)
        }
    }

    /// The text of each row, trailing spaces dropped (for tests and plain dumps).
    public func rows() -> [String] {
        (0..<height).map { row in
            var line = ""
            for col in 0..<width { line += self[row, col].text }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }

    /// The text of one row, trailing spaces dropped.
    public func row(_ row: Int) -> String { rows()[row] }
}
