import BriefCore
import FoundationEssentials

/// A line of text being edited: characters (grapheme clusters), a cursor between them
/// and the first character shown when the line is wider than its room.
public struct LineEditor: Sendable, Equatable {
    public private(set) var text: String
    /// Characters before the cursor.
    public private(set) var cursor: Int
    /// First character shown (horizontal scroll).
    public private(set) var scroll = 0

    public init(text: String = "") {
        self.text = text
        cursor = text.count
    }

    /// Inserts at the cursor. A combining mark joins the character before it.
    public mutating func insert(_ character: Character) {
        var characters = Array(text)
        let before = characters.count
        characters.insert(character, at: cursor)
        text = String(characters)
        cursor = min(text.count, cursor + max(0, text.count - before))
    }

    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    public mutating func moveRight() { cursor = min(text.count, cursor + 1) }
    public mutating func moveHome() { cursor = 0 }
    public mutating func moveEnd() { cursor = text.count }

    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        var characters = Array(text)
        characters.remove(at: cursor - 1)
        text = String(characters)
        cursor -= 1
    }

    public mutating func deleteForward() {
        var characters = Array(text)
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
        text = String(characters)
    }

    /// Scrolls so the cursor's cell fits in `width` columns, using the room on the left
    /// when the end of the text is shown.
    public mutating func keepCursorVisible(width: Int) {
        let width = max(1, width)
        let characters = Array(text)
        func columns(_ range: Range<Int>) -> Int { characters[range].reduce(0) { $0 + Self.width(of: $1) } }
        let cursorWidth = cursor < characters.count ? Self.width(of: characters[cursor]) : 1
        scroll = min(scroll, cursor)
        while scroll < cursor, columns(scroll..<cursor) + cursorWidth > width { scroll += 1 }
        // Fill the room on the left when the rest of the text fits.
        while scroll > 0, columns((scroll - 1)..<characters.count) + (cursor == characters.count ? 1 : 0) <= width {
            scroll -= 1
        }
    }

    /// Columns a character takes in the editor (a line break shows as "↵").
    static func width(of character: Character) -> Int {
        character == "\n" ? 1 : DisplayWidth.of(character)
    }
}

/// What a note editor (one-line or external) writes to.
public enum NoteTarget: Sendable, Equatable {
    /// A new note, already anchored; its text is what is typed.
    case new(Note)
    /// An existing note's text.
    case existing(Note)
}

/// The one-line note editor on the bottom line.
public struct NoteEditor: Sendable, Equatable {
    public var target: NoteTarget
    public var line: LineEditor
    /// Item and UTF-8 range of a new note's passage, marked in the gutter while typing.
    public var passage: (item: Int, range: Range<Int>)? {
        get { passageItem.map { ($0, passageRange) } }
        set { passageItem = newValue?.item; passageRange = newValue?.range ?? 0..<0 }
    }
    private var passageItem: Int?
    private var passageRange: Range<Int> = 0..<0

    public init(target: NoteTarget, line: LineEditor, passage: (item: Int, range: Range<Int>)? = nil) {
        self.target = target
        self.line = line
        self.passage = passage
    }

    public var label: String {
        if case .new = target { return "Note: " }
        return "Edit note: "
    }
}

/// A stored note placed in the open document.
public struct ReaderNote: Sendable, Equatable {
    public var note: Note
    public var placement: NotePlacement
    /// Layout item and UTF-8 range of the passage, when it was found.
    public var item: Int?
    public var range: Range<Int>?

    public var isOrphaned: Bool { item == nil }
    public var position: Position? { item.map { Position(item: $0, offset: range?.lowerBound ?? 0) } }
}

/// The notes list overlay (`L`).
public struct NotesListState: Sendable, Equatable {
    public var selected = 0
    /// `d` was pressed: the next key answers y/n.
    public var confirmingDelete = false
}

extension ReaderDocument {
    /// Stored notes placed in this document, in reading order (orphaned notes last).
    public func place(_ notes: [Note]) -> [ReaderNote] {
        let report = NotesReport(stored: ArticleNotes(title: article.title, source: path, notes: notes), article: article)
        return report.notes.map { placed in
            let item = placed.placement.blockIndex.map { $0 + firstBlockItem }
            return ReaderNote(note: placed.note, placement: placed.placement, item: item,
                              range: item == nil ? nil : placed.placement.range)
        }
    }
}
