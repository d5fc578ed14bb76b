/// Everything a key can ask for. Keys map to commands only through `CommandTable`.
/// Every command has a stable kebab-case name (`next-key-point`, `search`, `quit`): the name
/// a configuration file binds keys by.
public enum Command: String, Sendable, Equatable, CaseIterable {
    case lineDown = "line-down", lineUp = "line-up", pageDown = "page-down", pageUp = "page-up", top = "top", bottom = "bottom"
    case halfPageDown = "half-page-down", halfPageUp = "half-page-up", goToPercent = "go-to-percent", jumpBack = "jump-back"
    case scrollLeft = "scroll-left", scrollRight = "scroll-right", clearSearch = "clear-search"
    // Links
    case listLinks = "list-links", openLink = "open-link", copyLink = "copy-link", closeLinks = "close-links"
    case open = "open", filter = "filter", cycleSort = "cycle-sort"
    case nextKeyPoint = "next-key-point", previousKeyPoint = "previous-key-point", nextSection = "next-section", previousSection = "previous-section", followEvidence = "follow-evidence", explainKeyPoint = "explain-key-point"
    case search = "search", nextMatch = "next-match", previousMatch = "previous-match"
    case toggleOutline = "toggle-outline", switchFocus = "switch-focus", fold = "fold", unfold = "unfold", jumpToEntry = "jump-to-entry"
    case help = "help", quit = "quit", exit = "exit", suspend = "suspend", redraw = "redraw"
    // Notes
    case addNote = "add-note", addNoteInEditor = "add-note-in-editor", toggleHighlight = "toggle-highlight", listNotes = "list-notes", exportNotes = "export-notes"
    case jumpToNote = "jump-to-note", editNote = "edit-note", editNoteInEditor = "edit-note-in-editor", deleteNote = "delete-note", closeNotes = "close-notes"
    // The one-line note editor
    case cursorLeft = "cursor-left", cursorRight = "cursor-right", cursorHome = "cursor-home", cursorEnd = "cursor-end"
    case deleteBackward = "delete-backward", deleteForward = "delete-forward", saveNote = "save-note", cancelNote = "cancel-note"
    // Between articles
    case nextArticle = "next-article", previousArticle = "previous-article", nextUnreadArticle = "next-unread-article", markUnread = "mark-unread"
    // The help overlay and the prompt
    case closeHelp = "close-help", acceptPrompt = "accept-prompt", cancelPrompt = "cancel-prompt"

    /// The command named `name` (its raw value), for a configuration file.
    public init?(name: String) { self.init(rawValue: name) }
    public var name: String { rawValue }
}

/// Where a binding applies. Lookup tries the focused context first, then `.global`.
public enum CommandContext: String, Sendable, Equatable, CaseIterable {
    case library = "Library"
    case reader = "Reader"
    case outline = "Outline pane"
    case notes = "Notes list"
    case links = "Links list"
    case editor = "Note editor"
    case prompt = "Search and filter prompt"
    case help = "Help"
    case global = "Everywhere"
}

public struct CommandBinding: Sendable {
    public var command: Command
    public var keys: [Key]
    public var help: String
    public var context: CommandContext

    public init(_ command: Command, _ keys: [Key], _ help: String, _ context: CommandContext) {
        self.command = command
        self.keys = keys
        self.help = help
        self.context = context
    }

    /// The keys as the help screen shows them: "j ↓".
    public var keyLabel: String { keys.map(\.label).joined(separator: " ") }
}

/// The one table that maps keys to commands and generates the help screen (like tig's
/// request table): add a binding here and it works and is documented.
public enum CommandTable {
    public static let bindings: [CommandBinding] = [
        // Library
        .init(.lineDown, [.char("j"), .down], "next article", .library),
        .init(.lineUp, [.char("k"), .up], "previous article", .library),
        .init(.pageDown, [.pageDown, .char(" ")], "page down", .library),
        .init(.pageUp, [.pageUp, .char("b")], "page up", .library),
        .init(.top, [.char("g"), .home], "first article", .library),
        .init(.bottom, [.char("G"), .end], "last article", .library),
        .init(.open, [.enter], "open the article", .library),
        .init(.filter, [.char("/")], "filter by title and text (Esc clears)", .library),
        .init(.cycleSort, [.char("s")], "sort: title, date, unread first", .library),
        .init(.markUnread, [.char("U")], "mark read or unread", .library),
        .init(.quit, [.char("q")], "quit", .library),
        // Reader
        .init(.lineDown, [.char("j"), .down, .control("n")], "line down (5j: five lines)", .reader),
        .init(.lineUp, [.char("k"), .up, .control("p")], "line up", .reader),
        .init(.pageDown, [.char(" "), .pageDown, .char("f"), .control("f")], "page down", .reader),
        .init(.pageUp, [.char("b"), .pageUp, .control("b")], "page up", .reader),
        .init(.top, [.char("g"), .home], "top", .reader),
        .init(.bottom, [.char("G"), .end], "end", .reader),
        .init(.nextKeyPoint, [.char("]")], "next key point", .reader),
        .init(.previousKeyPoint, [.char("[")], "previous key point", .reader),
        .init(.nextSection, [.char("}")], "next section", .reader),
        .init(.previousSection, [.char("{")], "previous section", .reader),
        .init(.followEvidence, [.enter], "summary bullet: jump to its evidence", .reader),
        .init(.explainKeyPoint, [.char("w")], "why this key point: its role and reasons", .reader),
        .init(.jumpBack, [.backspace], "back to where the last jump started ('' too)", .reader),
        .init(.search, [.char("/")], "search (Enter keeps it; Esc goes back)", .reader),
        .init(.nextMatch, [.char("n")], "next match", .reader),
        .init(.previousMatch, [.char("N")], "previous match", .reader),
        .init(.clearSearch, [.escape], "clear the search (back to its start if not moved)", .reader),
        .init(.listLinks, [.char("u")], "list the article's links (3u: link 3)", .reader),
        .init(.halfPageDown, [.char("d"), .control("d")], "half a page down", .reader),
        .init(.halfPageUp, [.control("u")], "half a page up", .reader),
        .init(.goToPercent, [.char("%")], "50%: half way through the article", .reader),
        .init(.scrollRight, [.right], "wide table or code: scroll right", .reader),
        .init(.scrollLeft, [.left], "wide table or code: scroll left", .reader),
        .init(.toggleOutline, [.char("o")], "show or hide the outline", .reader),
        .init(.switchFocus, [.tab], "focus outline or text", .reader),
        .init(.addNote, [.char("a")], "note the key point (else the top paragraph)", .reader),
        .init(.addNoteInEditor, [.char("A")], "write a long note in $VISUAL/$EDITOR", .reader),
        .init(.toggleHighlight, [.char("m")], "highlight it (again: remove the highlight)", .reader),
        .init(.listNotes, [.char("L")], "list this article's notes", .reader),
        .init(.exportNotes, [.char("e")], "export the notes to a text file", .reader),
        .init(.nextArticle, [.char("J")], "next article in the library", .reader),
        .init(.previousArticle, [.char("K")], "previous article in the library", .reader),
        .init(.nextUnreadArticle, [.char(".")], "next unread article", .reader),
        .init(.markUnread, [.char("U")], "mark unread (again: read)", .reader),
        .init(.quit, [.char("q")], "back to the library (or quit)", .reader),
        // Outline pane (when focused)
        .init(.lineDown, [.char("j"), .down], "next entry", .outline),
        .init(.lineUp, [.char("k"), .up], "previous entry", .outline),
        .init(.pageDown, [.char(" "), .pageDown], "page down", .outline),
        .init(.pageUp, [.char("b"), .pageUp], "page up", .outline),
        .init(.top, [.char("g"), .home], "first entry", .outline),
        .init(.bottom, [.char("G"), .end], "last entry", .outline),
        .init(.jumpToEntry, [.enter], "show this entry in the text", .outline),
        .init(.fold, [.char("h"), .left], "fold", .outline),
        .init(.unfold, [.char("l"), .right], "unfold", .outline),
        .init(.switchFocus, [.tab], "focus the text", .outline),
        // Notes list (L)
        .init(.lineDown, [.char("j"), .down], "next note", .notes),
        .init(.lineUp, [.char("k"), .up], "previous note", .notes),
        .init(.jumpToNote, [.enter], "show the note's passage", .notes),
        .init(.editNote, [.char("e")], "edit the note", .notes),
        .init(.editNoteInEditor, [.char("A")], "edit the note in $VISUAL/$EDITOR", .notes),
        .init(.deleteNote, [.char("d")], "delete the note (asks y/n)", .notes),
        .init(.closeNotes, [.escape, .char("q"), .char("L")], "close the list", .notes),
        // Links list (u)
        .init(.lineDown, [.char("j"), .down], "next link", .links),
        .init(.lineUp, [.char("k"), .up], "previous link", .links),
        .init(.pageDown, [.char(" "), .pageDown], "page down", .links),
        .init(.pageUp, [.char("b"), .pageUp], "page up", .links),
        .init(.top, [.char("g"), .home], "first link", .links),
        .init(.bottom, [.char("G"), .end], "last link", .links),
        .init(.openLink, [.enter], "open it ($BROWSER, else xdg-open); #anchor: jump there", .links),
        .init(.copyLink, [.char("y")], "copy its address", .links),
        .init(.closeLinks, [.escape, .char("q"), .char("u")], "close the list", .links),
        // Note editor (a, e)
        .init(.cursorLeft, [.left], "cursor left", .editor),
        .init(.cursorRight, [.right], "cursor right", .editor),
        .init(.cursorHome, [.home, .control("a")], "start of the note", .editor),
        .init(.cursorEnd, [.end, .control("e")], "end of the note", .editor),
        .init(.deleteBackward, [.backspace], "delete before the cursor", .editor),
        .init(.deleteForward, [.delete, .control("d")], "delete at the cursor", .editor),
        .init(.saveNote, [.enter], "save the note", .editor),
        .init(.cancelNote, [.escape], "cancel", .editor),
        // Search and filter prompt (/)
        .init(.acceptPrompt, [.enter], "keep the search (or the filter)", .prompt),
        .init(.cancelPrompt, [.escape], "clear it and close the prompt", .prompt),
        .init(.deleteBackward, [.backspace], "delete a character (when empty: close)", .prompt),
        // Help (?)
        .init(.lineDown, [.char("j"), .down], "scroll down", .help),
        .init(.lineUp, [.char("k"), .up], "scroll up", .help),
        .init(.pageDown, [.char(" "), .pageDown], "page down", .help),
        .init(.pageUp, [.char("b"), .pageUp], "page up", .help),
        .init(.closeHelp, [.escape, .char("q"), .char("?")], "close the help (so does any other key)", .help),
        // Everywhere
        .init(.help, [.char("?")], "this help", .global),
        .init(.suspend, [.control("z")], "suspend (fg resumes)", .global),
        .init(.exit, [.control("c")], "quit at once", .global),
        .init(.redraw, [.control("l")], "redraw the screen", .global),
    ]

    /// The binding of `key` in the first of `contexts` (then `.global`) that binds it.
    public static func binding(for key: Key, in contexts: [CommandContext]) -> CommandBinding? {
        Keymap.standard.binding(for: key, in: contexts)
    }

    /// The command bound to `key` in `context` alone (no `.global` fallback).
    public static func command(for key: Key, only context: CommandContext) -> Command? {
        Keymap.standard.command(for: key, only: context)
    }

    /// The command bound to `key` in the first of `contexts` (then `.global`) that binds it.
    public static func command(for key: Key, in contexts: [CommandContext]) -> Command? {
        Keymap.standard.command(for: key, in: contexts)
    }

    /// The help screen's lines (see `Keymap.helpLines`).
    public static func helpLines(first: CommandContext = .library) -> [(text: String, isHeading: Bool)] {
        Keymap.standard.helpLines(first: first)
    }
}

/// A key bound to a command by the configuration file (`"J" = "next-key-point"`).
public struct KeyOverride: Sendable, Equatable {
    public var key: Key
    public var command: Command
    /// The line of the configuration file that says so.
    public var line: Int

    public init(key: Key, command: Command, line: Int) {
        self.key = key
        self.command = command
        self.line = line
    }
}

/// The bindings in force: the command table, with the configuration file's keys applied.
/// Lookup and the help screen go through it, so what the help shows is what the keys do.
public struct Keymap: Sendable {
    public private(set) var bindings: [CommandBinding]

    public static let standard = Keymap(bindings: CommandTable.bindings)

    public init(bindings: [CommandBinding]) {
        self.bindings = bindings
    }

    /// This keymap with `overrides` applied: in every context where the command has a binding,
    /// the key now runs it (and no longer what it ran there before). Overrides naming a command
    /// no context binds come back unapplied.
    public func applying(_ overrides: [KeyOverride]) -> (keymap: Keymap, unapplied: [KeyOverride]) {
        var bindings = self.bindings
        var unapplied: [KeyOverride] = []
        for override in overrides {
            let contexts = Set(bindings.filter { $0.command == override.command }.map(\.context))
            guard !contexts.isEmpty else { unapplied.append(override); continue }
            for context in contexts {
                for i in bindings.indices where bindings[i].context == context {
                    bindings[i].keys.removeAll { $0 == override.key }
                }
                if let i = bindings.firstIndex(where: { $0.context == context && $0.command == override.command }) {
                    bindings[i].keys.append(override.key)
                }
            }
        }
        return (Keymap(bindings: bindings), unapplied)
    }

    /// The binding of `key` in the first of `contexts` (then `.global`) that binds it.
    public func binding(for key: Key, in contexts: [CommandContext]) -> CommandBinding? {
        for context in contexts + [.global] {
            if let binding = bindings.first(where: { $0.context == context && $0.keys.contains(key) }) {
                return binding
            }
        }
        return nil
    }

    /// The command bound to `key` in `context` alone (no `.global` fallback).
    public func command(for key: Key, only context: CommandContext) -> Command? {
        bindings.first { $0.context == context && $0.keys.contains(key) }?.command
    }

    /// The command bound to `key` in the first of `contexts` (then `.global`) that binds it.
    public func command(for key: Key, in contexts: [CommandContext]) -> Command? {
        binding(for: key, in: contexts)?.command
    }

    /// The help screen's lines: for each context, its heading and "keys  help" rows.
    /// `first` (the context in use) comes first, so its keys show without scrolling.
    /// In a box narrower than the keys and a readable description (`width` columns of text),
    /// each description goes on a line of its own under its keys.
    public func helpLines(first: CommandContext = .library, width: Int? = nil) -> [(text: String, isHeading: Bool)] {
        let keyWidth = bindings.map { $0.keyLabel.count }.max() ?? 0
        let stacked = width.map { $0 < 2 + keyWidth + 2 + 30 } ?? false
        var lines: [(String, Bool)] = []
        for context in [first] + CommandContext.allCases.filter({ $0 != first }) {
            if !lines.isEmpty { lines.append(("", false)) }
            lines.append((context.rawValue, true))
            for binding in bindings where binding.context == context {
                let label = binding.keys.isEmpty ? "—" : binding.keyLabel
                if stacked {
                    lines.append(("  " + label, false))
                    lines.append(("      " + binding.help, false))
                } else {
                    lines.append(("  " + label + String(repeating: " ", count: keyWidth - label.count + 2)
                                  + binding.help, false))
                }
            }
        }
        return lines + Legend.helpLines(width: width)
    }
}
