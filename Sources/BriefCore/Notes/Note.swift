import FoundationEssentials

/// A reader's note on a passage of an article. A note without text is a highlight.
///
/// The passage is anchored the way the W3C Web Annotation `TextQuoteSelector` does it:
/// the exact quote plus some text before and after it, with the section path and
/// source line as hints, so it can be found again after the article file changes.
public struct Note: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    /// The exact passage, whitespace collapsed as in the article model.
    public var quote: String
    /// Up to `NoteAnchor.contextLength` characters before and after the passage.
    public var prefix: String
    public var suffix: String
    /// Titles of the sections that contain the passage, outermost first.
    public var section: [String]
    /// 1-based source line of the passage when the note was last attached.
    public var line: Int
    /// The note itself; empty for a highlight.
    public var note: String
    public var created: Date
    public var updated: Date

    public var isHighlight: Bool { note.isEmpty }

    public init(id: String = Note.newID(), quote: String, prefix: String = "", suffix: String = "",
                section: [String] = [], line: Int, note: String, created: Date = Date(), updated: Date? = nil) {
        self.id = id
        self.quote = quote
        self.prefix = prefix
        self.suffix = suffix
        self.section = section
        self.line = line
        self.note = note
        self.created = created
        self.updated = updated ?? created
    }

    /// Eight hex digits: short enough to type in `brief notes rm ID`.
    public static func newID() -> String {
        var generator = SystemRandomNumberGenerator()
        let value = generator.next() as UInt32
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}

/// Where a note's passage is in the current version of its article.
public struct NotePlacement: Sendable, Equatable {
    public enum Status: String, Sendable {
        /// The exact quote was found.
        case attached
        /// A close variant of the quote was found (edited inside the passage).
        case approximate
        /// The passage is no longer in the article; the note is kept with its quote.
        case orphaned
        /// The article file could not be read; the stored line is shown.
        case articleMissing = "article-missing"
    }

    public var status: Status
    public var blockIndex: Int?
    /// UTF-8 offsets of the passage in `article.blocks[blockIndex].text`.
    public var range: Range<Int>?
    public var line: Int
    public var section: [String]

    public var isOrphaned: Bool { status == .orphaned }
}

/// The notes of one article as stored on disk (pretty-printed JSON, one file per article).
public struct ArticleNotes: Codable, Sendable, Equatable {
    public var format = "brief-notes/1"
    public var title: String
    /// Where the article was last seen (absolute path).
    public var source: String
    public var notes: [Note]

    public init(title: String, source: String, notes: [Note] = []) {
        self.title = title
        self.source = source
        self.notes = notes
    }
}

/// A change to the open article's notes, carried out under the note store's lock.
public enum NoteChange: Sendable, Equatable {
    case add(Note)
    /// Replaces the text of the note with this id (adds the note when it was removed meanwhile).
    case setText(Note, text: String)
    case remove(id: String)

    /// Applies the change to stored notes.
    public func apply(to notes: inout [Note], now: Date = Date()) {
        switch self {
        case .add(let note):
            notes.append(note)
        case .setText(let note, let text):
            if let index = notes.firstIndex(where: { $0.id == note.id }) {
                notes[index].note = text
                notes[index].updated = now
            } else {
                var kept = note
                kept.note = text
                kept.updated = now
                notes.append(kept)
            }
        case .remove(let id):
            notes.removeAll { $0.id == id }
        }
    }
}
