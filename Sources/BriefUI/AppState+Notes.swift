import BriefCore

// MARK: Notes

extension AppState {
    /// Columns of the note editor's text on the bottom line.
    var editorWidth: Int {
        let label = noteEditor.map { DisplayWidth.of($0.label) } ?? 0
        return max(1, width - 2 - label)
    }

    /// Puts the stored notes of the article at `path` in (after loading or a change), and
    /// keeps the library's count in step.
    mutating func setNotes(_ notes: [Note], path: String) {
        library?.setNotes(path, count: notes.count)
        guard var reader, reader.document.path == path else { return }
        reader.notes = reader.document.place(notes)
        self.reader = reader
        if var list = notesList {
            list.selected = min(list.selected, max(0, reader.notes.count - 1))
            replace(.notesList(list))
        }
    }

    /// A change could not be stored: say so, and give typed text back to the editor.
    mutating func noteChangeFailed(_ change: NoteChange, reason: String) {
        switch change {
        case .add(let note) where !note.note.isEmpty:
            var blank = note
            blank.note = ""
            openEditor(NoteEditor(target: .new(blank), line: LineEditor(text: note.note)))
        case .setText(let note, let text):
            openEditor(NoteEditor(target: .existing(note), line: LineEditor(text: text)))
        default:
            break
        }
        message = "note not saved: \(reason)"
    }

    /// The text came back from the external editor: save it.
    mutating func noteEdited(_ text: String, target: NoteTarget) -> [Effect] {
        guard let reader else { return [] }
        let title = reader.document.article.title
        let path = reader.document.path
        switch target {
        case .new(var note):
            guard !text.isEmpty else { message = "empty note: not saved"; return [] }
            note.note = text
            message = "note saved"
            return [.changeNotes(path: path, title: title, change: .add(note))]
        case .existing(let note):
            guard text != note.note else { message = "note unchanged"; return [] }
            guard !text.isEmpty else { message = "empty note: not saved (d in the list deletes it)"; return [] }
            message = "note saved"
            return [.changeNotes(path: path, title: title, change: .setText(note, text: text))]
        }
    }

    mutating func openEditor(_ editor: NoteEditor) {
        var editor = editor
        push(.editor(editor))  // first: the editor's label sets the room
        editor.line.keepCursorVisible(width: editorWidth)
        replace(.editor(editor))
    }

    /// The passage a new note or highlight goes on: the current key point when it is on
    /// screen, else the paragraph at the top of the view. Block index and UTF-8 range.
    func notePassage(_ reader: ReaderState) -> (block: Int, range: Range<Int>?)? {
        let document = reader.document
        let lines = reader.layout.lines(from: reader.top, count: geometry.textHeight).filter { !$0.line.isSpacer }
        if let k = reader.keyPoint, k < document.keyPoints.count {
            let point = document.keyPoints[k]
            let shown = lines.contains { item, line in
                item == point.item && point.range.overlaps(line.start..<(line.start + max(1, line.text.utf8.count)))
            }
            if shown, let block = document.items[point.item].blockIndex { return (block, point.range) }
        }
        var blocks: [(block: Int, isHeading: Bool)] = []
        for (item, _) in lines {
            if let block = document.items[item].blockIndex { blocks.append((block, document.items[item].kind == .heading)) }
        }
        if let chosen = blocks.first(where: { !$0.isHeading }) ?? blocks.first { return (chosen.block, nil) }
        return nil
    }

    mutating func applyNoteCommand(_ command: Command) -> [Effect] {
        guard let reader else { return [] }
        let document = reader.document
        let title = document.article.title
        switch command {
        case .addNote, .addNoteInEditor, .toggleHighlight:
            guard let (block, range) = notePassage(reader) else {
                message = "nothing to annotate here"; return []
            }
            let anchored = NoteAnchor.note(on: document.article, blockIndex: block, range: range, text: "")
            let item = block + document.firstBlockItem
            let wanted = range ?? 0..<document.items[item].text.utf8.count
            if command == .addNote {
                openEditor(NoteEditor(target: .new(anchored), line: LineEditor(), passage: (item, wanted)))
                return []
            }
            if command == .addNoteInEditor {
                return [.editNoteExternally(path: document.path, title: title, target: .new(anchored), text: "")]
            }
            if let existing = reader.notes.first(where: { $0.note.isHighlight && $0.item == item && $0.range == wanted }) {
                message = "highlight removed"
                return [.changeNotes(path: document.path, title: title, change: .remove(id: existing.note.id))]
            }
            message = "highlighted"
            return [.changeNotes(path: document.path, title: title, change: .add(anchored))]
        case .listNotes:
            push(.notesList(NotesListState()))
            return []
        case .exportNotes:
            guard !reader.notes.isEmpty else { message = "no notes to export"; return [] }
            return [.exportNotes(path: document.path)]
        default:
            return []
        }
    }

    mutating func applyEditor(_ key: Key) -> [Effect] {
        guard var editor = noteEditor else { return [] }
        if case .char(let c) = key {
            editor.line.insert(c)
        } else if case .mouse = key {
            return []
        } else {
            switch keymap.command(for: key, only: .editor) {
            case .cursorLeft: editor.line.moveLeft()
            case .cursorRight: editor.line.moveRight()
            case .cursorHome: editor.line.moveHome()
            case .cursorEnd: editor.line.moveEnd()
            case .deleteBackward: editor.line.deleteBackward()
            case .deleteForward: editor.line.deleteForward()
            case .cancelNote:
                close(.editor)
                message = "note cancelled"
                return []
            case .saveNote:
                close(.editor)
                return noteEdited(editor.line.text, target: editor.target)
            default:
                message = "Enter saves the note · Esc cancels"
            }
        }
        editor.line.keepCursorVisible(width: editorWidth)
        replace(.editor(editor))
        return []
    }

    mutating func applyNotesList(_ key: Key) -> [Effect] {
        guard var list = notesList, var reader else { return [] }
        let notes = reader.notes
        if list.confirmingDelete {
            list.confirmingDelete = false
            replace(.notesList(list))
            guard key == .char("y"), notes.indices.contains(list.selected) else {
                message = "not deleted"; return []
            }
            message = "note deleted"
            return [.changeNotes(path: reader.document.path, title: reader.document.article.title,
                                 change: .remove(id: notes[list.selected].note.id))]
        }
        if case .mouse = key { return [] }
        guard let binding = keymap.binding(for: key, in: [.notes]) else { return [] }
        if binding.context == .global { return applyGlobal(binding.command) }
        let selected = notes.indices.contains(list.selected) ? notes[list.selected] : nil
        switch binding.command {
        case .lineDown, .lineUp:
            list.selected = Self.moved(list.selected, count: notes.count, page: 1, binding.command) ?? list.selected
        case .closeNotes:
            close(.notesList)
            return []
        case .jumpToNote:
            guard let selected else { return [] }
            guard let position = selected.position else {
                message = "orphaned: this passage is no longer in the article"; return []
            }
            close(.notesList)
            jump(&reader, to: position)
            self.reader = reader
            return []
        case .editNote:
            guard let selected else { return [] }
            openEditor(NoteEditor(target: .existing(selected.note), line: LineEditor(text: selected.note.note)))
        case .editNoteInEditor:
            guard let selected else { return [] }
            replace(.notesList(list))
            return [.editNoteExternally(path: reader.document.path, title: reader.document.article.title,
                                        target: .existing(selected.note), text: selected.note.note)]
        case .deleteNote:
            guard selected != nil else { return [] }
            list.confirmingDelete = true
        default:
            return []
        }
        replace(.notesList(list))
        return []
    }
}
