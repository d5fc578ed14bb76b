import BriefCore

/// What the program around the state must do after an event: the state itself never
/// touches files or the terminal. What an effect brings back returns as an `Event`.
public enum Effect: Sendable, Equatable {
    case quit
    /// Leave at once with this status (a signal).
    case exit(status: Int32)
    /// Load the article at this path: `Event.opened` (or `openFailed`).
    case open(path: String)
    /// Remember the reading position of an article, and whether it counts as read.
    case saveReading(path: String, block: Int, offset: Int, read: Bool = true)
    /// Mark an article read or unread, keeping its remembered position.
    case setRead(path: String, read: Bool)
    /// Read the stored notes of the article at `path`: `Event.notesLoaded` (or `notesFailed`).
    case loadNotes(path: String, title: String)
    case suspend
    case redraw
    /// Change the notes of the article at `path` (title `title`) in the note store:
    /// `Event.notesStored` with what is stored now (or `noteChangeFailed`).
    case changeNotes(path: String, title: String, change: NoteChange)
    /// Write the open article's notes to a text file: `Event.notesExported` (or `exportFailed`).
    case exportNotes(path: String)
    /// Edit `text` in $VISUAL/$EDITOR: `Event.editorFinished` (or `editorFailed`).
    case editNoteExternally(path: String, title: String, target: NoteTarget, text: String)
    /// Remove a file that is no longer needed (the editor's, once its text is saved).
    case removeFile(String)
    /// Only the beginning of the large article at `path` is parsed yet and its end was asked
    /// for: parse its end, `Event.tailParsed`.
    case showEnd(path: String)
    /// Open a web address in $BROWSER, else xdg-open (arguments passed directly, no shell).
    case openURL(String)
    /// Put `text` on the clipboard (through the terminal: OSC 52).
    case copyToClipboard(String)
}

/// Everything that changes the state: keys and the terminal, and the results of effects and
/// of work in the background. `AppState.apply` is the only place they are handled.
public enum Event: Sendable {
    case key(Key)
    /// The terminal now has this size.
    case resized(width: Int, height: Int)
    /// Nothing came within the input timeout: time for work done in slices (a long search).
    case idle
    /// SIGINT, SIGTERM, SIGHUP (or the terminal hung up): leave, remembering the place.
    case signal(Int32)
    /// An article was read (at start or after `Effect.open`), with its remembered place. A
    /// large one is a parse of its beginning (`preview == .head`) until `parsed` comes.
    case opened(ReaderDocument, remembered: ReadingRecord?)
    case openFailed(path: String)
    /// The whole parse of the large article that is open, then (`analysed`) with its analysis.
    case parsed(ReaderDocument, analysed: Bool)
    /// The parse of the end of a large article (`Effect.showEnd`).
    case tailParsed(ReaderDocument)
    /// The rest of a large article could not be read: only its beginning will be shown.
    case readFailed(path: String, reason: String)
    case notesLoaded(path: String, notes: [Note])
    case notesFailed(reason: String)
    case notesStored(path: String, notes: [Note])
    case noteChangeFailed(NoteChange, reason: String)
    case notesExported(file: String)
    case exportFailed(reason: String)
    /// The external editor exited with `text` in `file`, for `target`.
    case editorFinished(text: String, file: String, target: NoteTarget)
    case editorFailed(reason: String)
    case readingNotSaved(reason: String)
    /// What became of `Effect.openURL` or `copyToClipboard`, in words.
    case linkHandled(message: String)
    /// The library's background work filled in these rows.
    case libraryFilled([LibraryDetails])
}
