import BriefCore

/// A line being typed at the bottom: the library filter or a search.
public struct Prompt: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case filter, search }
    public var kind: Kind
    public var text: String
}

/// What is shown over the library or the reader and takes the keys first. Overlays form
/// one stack: the last one gets the keys, and they are drawn from the first to the last.
public enum Overlay: Sendable, Equatable {
    /// The one-line note editor on the bottom line (`a`, `e` in the notes list).
    case editor(NoteEditor)
    /// The key help (`?`), scrolled by this many lines.
    case help(scroll: Int)
    /// The filter or search being typed.
    case prompt(Prompt)
    /// The notes list (`L`).
    case notesList(NotesListState)
    /// Why a key point was chosen (`w`), by index in the document's key points.
    case why(keyPoint: Int)
    /// The article's links (`u`).
    case links(LinksListState)

    enum Kind { case editor, help, prompt, notesList, why, links }

    var kind: Kind {
        switch self {
        case .editor: .editor
        case .help: .help
        case .prompt: .prompt
        case .notesList: .notesList
        case .why: .why
        case .links: .links
        }
    }
}

extension AppState {
    /// The overlay on top of the stack, which the next key goes to.
    public var topOverlay: Overlay? { overlays.last }

    func index(of kind: Overlay.Kind) -> Int? { overlays.lastIndex { $0.kind == kind } }

    mutating func close(_ kind: Overlay.Kind) { overlays.removeAll { $0.kind == kind } }

    /// Puts `overlay` on top, replacing one of its kind.
    mutating func push(_ overlay: Overlay) {
        close(overlay.kind)
        overlays.append(overlay)
    }

    /// Changes the overlay of `overlay`'s kind in place (pushes it when there is none).
    mutating func replace(_ overlay: Overlay) {
        if let i = index(of: overlay.kind) { overlays[i] = overlay } else { overlays.append(overlay) }
    }

    public var noteEditor: NoteEditor? {
        guard let i = index(of: .editor), case .editor(let editor) = overlays[i] else { return nil }
        return editor
    }

    public var helpScroll: Int? {
        guard let i = index(of: .help), case .help(let scroll) = overlays[i] else { return nil }
        return scroll
    }

    public var prompt: Prompt? {
        guard let i = index(of: .prompt), case .prompt(let prompt) = overlays[i] else { return nil }
        return prompt
    }

    public var notesList: NotesListState? {
        guard let i = index(of: .notesList), case .notesList(let list) = overlays[i] else { return nil }
        return list
    }

    public var linksList: LinksListState? {
        guard let i = index(of: .links), case .links(let list) = overlays[i] else { return nil }
        return list
    }

    public var whyShown: Int? {
        guard let i = index(of: .why), case .why(let k) = overlays[i] else { return nil }
        return k
    }
}
