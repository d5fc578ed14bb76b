import Testing
import BriefCore
@testable import BriefUI

/// Notes in the reader: the one-line editor, gutter and outline marks, highlights, the
/// notes list. The store is the program's business: here its effects are checked, and
/// what it would store comes back as `Event.notesStored`.
@Suite("Notes in the reader")
struct NotesTests {
    func statusLine(_ state: AppState) -> String { AppView.render(state).rows().last ?? "" }

    /// Carries out `changeNotes` effects on an in-memory list, as Reader.swift does with the store.
    static func store(_ effects: [Effect], in notes: inout [Note], state: inout AppState) {
        for effect in effects {
            if case .changeNotes(let path, _, let change) = effect {
                change.apply(to: &notes)
                _ = state.apply(.notesStored(path: path, notes: notes))
            }
        }
    }

    @Test("a opens the editor (its passage marked); ASCII and wide characters are typed at the cursor")
    func typing() {
        var s = AppState(document: Fixtures.ports(), width: 40, height: 12)
        Fixtures.press(Fixtures.keys("]]]a") + Fixtures.keys("Key: 重要 é"), on: &s)
        #expect(s.noteEditor?.line.text == "Key: 重要 é")
        expectRows(s, [
            "▶✎week of closures. The reopening",
            "┃ should lower freight rates within a",
            "┃ month. Analysts said the backlog",
            "  would take weeks to clear.",
            "",
            "  What comes next",
            "",
            "  Insurers remain cautious, and",
            "  premiums reflect a risk that has not",
            "┣ gone away. The real question is",
            "┃ whether the calm will last through",
            " Note: Key: 重要 é",
        ])
        let screen = AppView.render(s)
        #expect(screen[11, 18].style.reverse)  // the cursor after the text
    }
}

extension NotesTests {
    @Test("Cursor keys, Home/End, Backspace and Delete edit at the cursor")
    func cursorEditing() {
        var s = AppState(document: Fixtures.ports(), width: 40, height: 12)
        Fixtures.press(Fixtures.keys("a") + Fixtures.keys("重要 note"), on: &s)
        Fixtures.press([.left, .left, .left, .left, .backspace], on: &s)   // the space goes
        #expect(s.noteEditor?.line.text == "重要note")
        Fixtures.press([.home, .delete] + Fixtures.keys("大"), on: &s)
        #expect(s.noteEditor?.line.text == "大要note")
        #expect(s.noteEditor?.line.cursor == 1)
        Fixtures.press([.end, .backspace, .control("a"), .right] + Fixtures.keys("!"), on: &s)
        #expect(s.noteEditor?.line.text == "大!要not")
        expectRows(s, [
            "  Ports Reopen as the Strait Calms",
            "",
            " ✎• Shipping through the strait resumed",
            "    on Monday.",
            "  • Insurers are still charging war-",
            "    risk premiums.",
            "",
            "  Traffic through the strait returned",
            "  to normal levels on Monday after a",
            "┣ week of closures. The reopening",
            "┃ should lower freight rates within a",
            " Note: 大!要not",
        ])
        #expect(AppView.render(s)[11, 10].style.reverse)  // the cursor on 要
    }

    @Test("A long note scrolls horizontally so the cursor stays on the line")
    func horizontalScroll() {
        var s = AppState(document: Fixtures.ports(), width: 30, height: 8)
        let text = "The calm will last through the winter, 冬まで続く"
        Fixtures.press(Fixtures.keys("a") + Fixtures.keys(text), on: &s)
        #expect(s.noteEditor?.line.text == text)
        #expect(AppView.render(s).rows()[7] == " Note: he winter, 冬まで続く")
        #expect(AppView.render(s)[7, 28].style.reverse)
        Fixtures.press([.home], on: &s)
        #expect(AppView.render(s).rows()[7] == " Note: The calm will last thr")
    }

    @Test("Esc cancels the editor: nothing is saved")
    func escapeCancels() {
        var s = AppState(document: Fixtures.ports(), width: 40, height: 12)
        let effects = Fixtures.press(Fixtures.keys("a") + Fixtures.keys("draft") + [.escape], on: &s)
        #expect(effects.isEmpty)
        #expect(s.noteEditor == nil)
        #expect(statusLine(s).contains("note cancelled"))
    }

    @Test("^C and q in the editor are typed or refused, never quit")
    func editorKeepsText() {
        var s = AppState(document: Fixtures.ports(), width: 40, height: 12)
        let effects = Fixtures.press(Fixtures.keys("aq") + [.control("c")], on: &s)
        #expect(effects.isEmpty)
        #expect(s.noteEditor?.line.text == "q")
    }
}

extension NotesTests {
    @Test("Enter saves a note on the current key point's sentence; the gutter, outline and status show it")
    func saveOnKeyPoint() {
        var s = AppState(document: Fixtures.ports(), width: 80, height: 24)
        let effects = Fixtures.press(Fixtures.keys("]]]a") + Fixtures.keys("Lecture clé — 重要") + [.enter], on: &s)
        guard case .changeNotes(let path, let title, .add(let note))? = effects.first else {
            Issue.record("no note added: \(effects)"); return
        }
        #expect(path == "/articles/ports.md")
        #expect(title == "Ports Reopen as the Strait Calms")
        #expect(note.quote == "The reopening should lower freight rates within a month.")
        #expect(note.note == "Lecture clé — 重要")
        #expect(s.noteEditor == nil)
        var notes: [Note] = []
        Self.store(effects, in: &notes, state: &s)
        expectRows(s, [
            "• Shipping through the …│  • Insurers are still charging war-risk premiums.",
            "• Insurers are still ch…│",
            "¶ Traffic through the …✎│  Traffic through the strait returned to normal levels",
            "  ★ The reopening shou…✎│▶✎on Monday after a week of closures. The reopening",
            "▾ What comes next       │┃ should lower freight rates within a month. Analysts",
            "  ¶ Insurers remain cau…│  said the backlog would take weeks to clear.",
            "    ★ The real question…│",
            "  > \"We are watching cl…│  What comes next",
            "  ¶ Shipping lines expe…│",
            "▾ The longer view       │  Insurers remain cautious, and premiums reflect a",
            "  ¶ Ports that invested…│┣ risk that has not gone away. The real question is",
            "                        │┃ whether the calm will last through the winter.",
            "                        │",
            "                        │  │ \"We are watching closely,\" one broker said.",
            "                        │",
            "                        │  Shipping lines expect volumes to recover by",
            "                        │  December, and the fleets that diverted around the",
            "                        │  cape will return first.",
            "                        │",
            "                        │  The longer view",
            "                        │",
            "                        │  Ports that invested in deeper berths during the",
            "                        │  closure now hold an advantage over their rivals.",
            " note saved                                 key point 3/4 claim · 1 note · 100%",
        ])
    }

    @Test("Without a current key point, a note goes on the paragraph at the top of the view")
    func paragraphAtTop() {
        var s = AppState(document: Fixtures.ports(), width: 40, height: 12)
        Fixtures.press(Fixtures.keys("}jj"), on: &s)  // "Insurers remain cautious…" at the top
        let effects = Fixtures.press(Fixtures.keys("a") + Fixtures.keys("why?") + [.enter], on: &s)
        guard case .changeNotes(_, _, .add(let note))? = effects.first else { Issue.record("\(effects)"); return }
        #expect(note.quote.hasPrefix("Insurers remain cautious") && note.quote.hasSuffix("through the winter."))
        #expect(note.section == ["What comes next"])
        var notes: [Note] = []
        Self.store(effects, in: &notes, state: &s)
        expectRows(s, [
            " ✎Insurers remain cautious, and",
            "  premiums reflect a risk that has not",
            "┣ gone away. The real question is",
            "┃ whether the calm will last through",
            "┃ the winter.",
            "",
            "  │ \"We are watching closely,\" one",
            "  │ broker said.",
            "",
            "  Shipping lines expect volumes to",
            "  recover by December, and the fleets",
            " note saved",
        ])
    }

    @Test("A key point scrolled off screen is not the target: the top paragraph is")
    func keyPointOffScreen() {
        var s = AppState(document: Fixtures.ports(), width: 40, height: 12)
        Fixtures.press(Fixtures.keys("]]]") + Fixtures.keys("jjjjjjj"), on: &s)
        #expect(s.reader?.keyPoint == nil)  // it left the screen
        let effects = Fixtures.press(Fixtures.keys("m"), on: &s)
        guard case .changeNotes(_, _, .add(let note))? = effects.first else { Issue.record("\(effects)"); return }
        #expect(note.quote.hasPrefix("Insurers remain cautious"))
    }

    @Test("An empty note is not saved")
    func emptyNote() {
        var s = AppState(document: Fixtures.ports(), width: 40, height: 12)
        let effects = Fixtures.press(Fixtures.keys("a") + [.enter], on: &s)
        #expect(effects.isEmpty)
        #expect(statusLine(s).contains("empty note"))
    }

    @Test("m highlights the key point; m again removes that highlight")
    func highlightToggle() {
        var s = AppState(document: Fixtures.ports(), width: 40, height: 12)
        var notes: [Note] = []
        let first = Fixtures.press(Fixtures.keys("]]]m"), on: &s)
        guard case .changeNotes(_, _, .add(let highlight))? = first.first else { Issue.record("\(first)"); return }
        #expect(highlight.isHighlight)
        #expect(highlight.quote == "The reopening should lower freight rates within a month.")
        Self.store(first, in: &notes, state: &s)
        #expect(statusLine(s).contains("highlighted"))
        expectRows(s, [
            "▶▌week of closures. The reopening",
            "┃ should lower freight rates within a",
            "┃ month. Analysts said the backlog",
            "  would take weeks to clear.",
            "",
            "  What comes next",
            "",
            "  Insurers remain cautious, and",
            "  premiums reflect a risk that has not",
            "┣ gone away. The real question is",
            "┃ whether the calm will last through",
            " highlighted",
        ])
        let second = Fixtures.press(Fixtures.keys("m"), on: &s)
        #expect(second == [.changeNotes(path: "/articles/ports.md", title: "Ports Reopen as the Strait Calms",
                                        change: .remove(id: highlight.id))])
        Self.store(second, in: &notes, state: &s)
        #expect(notes.isEmpty)
        #expect(!statusLine(s).contains("note"))
    }

    @Test("A failed save gives the typed text back to the editor")
    func failedSaveKeepsText() {
        var s = AppState(document: Fixtures.ports(), width: 40, height: 12)
        let effects = Fixtures.press(Fixtures.keys("a") + Fixtures.keys("keep me") + [.enter], on: &s)
        guard case .changeNotes(_, _, let change)? = effects.first else { Issue.record("\(effects)"); return }
        _ = s.apply(.noteChangeFailed(change, reason: "disk full"))
        #expect(s.noteEditor?.line.text == "keep me")
        #expect(s.message == "note not saved: disk full")
        // Enter again tries again with the same passage.
        let retry = Fixtures.press([.enter], on: &s)
        guard case .changeNotes(_, _, .add(let note))? = retry.first, case .add(let original) = change else {
            Issue.record("\(retry)"); return
        }
        #expect(note.id == original.id && note.note == "keep me")
    }

    @Test("e asks to export the notes; without notes it says so")
    func export() {
        var s = AppState(document: Fixtures.ports(), width: 40, height: 12)
        #expect(Fixtures.press(Fixtures.keys("e"), on: &s).isEmpty)
        #expect(statusLine(s).contains("no notes to export"))
        var notes: [Note] = []
        Self.store(Fixtures.press(Fixtures.keys("]m"), on: &s), in: &notes, state: &s)
        #expect(Fixtures.press(Fixtures.keys("e"), on: &s) == [.exportNotes(path: "/articles/ports.md")])
    }

    @Test("The library's note count follows changes")
    func libraryCount() {
        var s = AppState(library: Fixtures.library(), width: 80, height: 24)
        let article = ArticleParser.parse(Fixtures.portsText, fileName: "ports.md")
        let note = NoteAnchor.note(on: article, blockIndex: 0, text: "x")
        _ = s.apply(.notesStored(path: "/a/ports.md", notes: [note]))
        #expect(AppView.render(s).rows()[2].hasSuffix("2 key points · 1 note"))
    }
}

extension NotesTests {
    /// The ports article with a note on a claim, a highlight on a bullet and an orphaned note.
    static func annotated(width: Int = 60, height: Int = 14) -> (AppState, [Note]) {
        var s = AppState(document: Fixtures.ports(), width: width, height: height)
        let article = s.reader!.document.article
        let claim = NoteAnchor.note(on: article, quote: "The reopening should lower freight rates within a month.",
                                    text: "Check against the freight index")!
        let bullet = NoteAnchor.note(on: article, blockIndex: 1, text: "")
        let orphan = Note(quote: "A sentence that was edited away.", line: 40, note: "gone")
        let notes = [orphan, claim, bullet]
        _ = s.apply(.notesStored(path: "/articles/ports.md", notes: notes))
        return (s, notes)
    }

    @Test("L lists the notes in reading order, orphaned last and marked")
    func notesList() {
        var (s, _) = Self.annotated()
        Fixtures.press(Fixtures.keys("L"), on: &s)
        expectRows(s, Snapshots.notesListOfThree(footer: " └─────────── Enter jump · e edit · d delete · Esc close ─┘"))
        Fixtures.press(Fixtures.keys("j"), on: &s)
        #expect(s.notesList?.selected == 1)
        Fixtures.press([.enter], on: &s)
        #expect(s.notesList == nil)
        #expect(AppView.render(s).rows()[0] == "┣✎Monday after a week of closures. The reopening should")
    }

    @Test("Enter on an orphaned note says so and stays in the list")
    func orphanedJump() {
        var (s, _) = Self.annotated()
        Fixtures.press(Fixtures.keys("Ljj") + [.enter], on: &s)
        #expect(s.notesList != nil)
        #expect(statusLine(s).contains("orphaned"))
    }

    @Test("d asks for confirmation: n keeps the note, y deletes it")
    func deleteConfirmation() {
        var (s, notes) = Self.annotated()
        #expect(Fixtures.press(Fixtures.keys("Ljd"), on: &s).isEmpty)
        expectRows(s, Snapshots.notesListOfThree(footer: " └──────────────────────────────── Delete this note? y/n ─┘"))
        #expect(Fixtures.press(Fixtures.keys("n"), on: &s).isEmpty)
        #expect(statusLine(s).contains("not deleted"))
        let effects = Fixtures.press(Fixtures.keys("dy"), on: &s)
        #expect(effects == [.changeNotes(path: "/articles/ports.md", title: "Ports Reopen as the Strait Calms",
                                         change: .remove(id: notes[1].id))])
        Self.store(effects, in: &notes, state: &s)
        #expect(s.reader?.notes.count == 2)
        #expect(AppView.render(s).rows()[0].contains("Notes · 2"))
    }

    @Test("e in the list edits the note's text in the one-line editor")
    func editFromList() {
        var (s, notes) = Self.annotated()
        Fixtures.press(Fixtures.keys("Lje"), on: &s)
        #expect(s.noteEditor?.line.text == "Check against the freight index")
        #expect(AppView.render(s).rows().last == " Edit note: Check against the freight index")
        let effects = Fixtures.press([.backspace, .backspace, .backspace, .backspace, .backspace] + Fixtures.keys("data") + [.enter], on: &s)
        Self.store(effects, in: &notes, state: &s)
        #expect(notes.first { $0.id == notes[1].id }?.note == "Check against the freight data")
        #expect(s.notesList != nil)
        Fixtures.press([.escape], on: &s)
        #expect(s.notesList == nil)
    }

    @Test("A in the reader and in the list asks for the external editor")
    func externalEditor() {
        var (s, notes) = Self.annotated()
        let effects = Fixtures.press(Fixtures.keys("LjA"), on: &s)
        #expect(effects == [.editNoteExternally(path: "/articles/ports.md", title: "Ports Reopen as the Strait Calms",
                                                target: .existing(notes[1]), text: "Check against the freight index")])
        let saved = s.noteEdited("A longer note\nover two lines", target: .existing(notes[1]))
        Self.store(saved, in: &notes, state: &s)
        #expect(notes[1].note == "A longer note\nover two lines")
        Fixtures.press([.escape], on: &s)
        let new = Fixtures.press(Fixtures.keys("]A"), on: &s)
        guard case .editNoteExternally(_, _, .new(let draft), "")? = new.first else { Issue.record("\(new)"); return }
        #expect(draft.quote == "Shipping through the strait resumed on Monday.")
    }

    @Test("The help lists the note keys")
    func helpListsNoteKeys() {
        let lines = CommandTable.helpLines(first: .reader).map(\.text)
        for key in ["a", "A", "m", "L", "e"] {
            #expect(lines.contains { $0.hasPrefix("  \(key) ") })
        }
        #expect(lines.contains("Notes list") && lines.contains("Note editor"))
    }
}
