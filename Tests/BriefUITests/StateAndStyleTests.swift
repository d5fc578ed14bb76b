import Testing
import BriefCore
@testable import BriefUI

@Suite("State is a value; layouts agree with the views; styles carry meaning")
struct StateAndStyleTests {
    @Test("Copying the state and changing the copy never changes the original")
    func stateIsAValue() {
        let original = AppState(document: Fixtures.ports(), width: 80, height: 24)
        let before = AppView.render(original)
        var copy = original
        copy.resize(width: 40, height: 12)
        Fixtures.press(Fixtures.keys("]/strait"), on: &copy)
        #expect(original.reader!.layout.width == before.width - ReaderGeometry(width: 80, height: 24, outlineShown: true).textX - 1)
        #expect(original.reader!.layout !== copy.reader!.layout, "another width is another layout")
        #expect(AppView.render(original) == before)
        #expect(original.reader?.keyPoint == nil && original.prompt == nil && original.reader?.search == nil)
    }

    @Test("At 80×24 the help scrolls to its last line (was: it stopped a line short)")
    func helpScrollsToTheEnd() {
        var state = AppState(document: Fixtures.ports(), width: 80, height: 24)
        Fixtures.press([.char("?")] + Array(repeating: Key.char(" "), count: 20), on: &state)
        let last = CommandTable.helpLines(first: state.helpContext).last!.text
        #expect(AppView.render(state).rows().contains { $0.contains(last.trimmingPrefixSpaces) })
        #expect(state.helpScroll == state.helpLayout.maximumScroll)
        Fixtures.press([.char("j")], on: &state)
        #expect(state.helpScroll == state.helpLayout.maximumScroll, "no scrolling past the end")
        Fixtures.press([.char("x")], on: &state)
        #expect(state.helpScroll == nil)
    }

    @Test("The help shows the keys of the help and the prompt too")
    func helpDocumentsOverlays() {
        let lines = CommandTable.helpLines().map(\.text)
        #expect(lines.contains("Help") && lines.contains("Search and filter prompt"))
        #expect(lines.contains { $0.contains("Esc") && $0.hasSuffix("clear it and close the prompt") })
    }

    @Test("Every command has a stable kebab-case name, found again from it")
    func commandNames() {
        #expect(Command.nextKeyPoint.name == "next-key-point")
        #expect(Command.previousKeyPoint.name == "previous-key-point")
        #expect(Command.nextSection.name == "next-section")
        #expect(Command.search.name == "search" && Command.help.name == "help" && Command.quit.name == "quit")
        for command in Command.allCases {
            #expect(Command(name: command.name) == command)
            #expect(command.name.allSatisfy { $0.isLowercase || $0 == "-" }, "\(command.name)")
        }
        #expect(Set(Command.allCases.map(\.name)).count == Command.allCases.count)
    }

    @Test("Overlays are one stack: the top takes the keys and is drawn last")
    func overlayStack() {
        var state = AppState(document: Fixtures.ports(), width: 80, height: 24)
        Fixtures.press([.char("L")], on: &state)
        Fixtures.press([.char("?")], on: &state)
        #expect(state.overlays.count == 2 && state.topOverlay == .help(scroll: 0))
        #expect(AppView.render(state).rows().contains { $0.contains("─ Keys ─") })
        Fixtures.press([.escape], on: &state)
        #expect(state.topOverlay == .notesList(NotesListState()))
        Fixtures.press([.escape], on: &state)
        #expect(state.overlays.isEmpty)
    }

    /// Where `text` first stands on the screen.
    func cell(_ screen: Screen, _ text: String) -> Cell? {
        for (row, line) in screen.rows().enumerated() {
            guard let range = line.firstRange(of: text) else { continue }
            let column = line[..<range.lowerBound].reduce(0) { $0 + DisplayWidth.of($1) }
            return screen[row, column]
        }
        return nil
    }

    @Test("Styles: headings, claims, the current key point, matches and the current match")
    func styles() {
        var state = AppState(document: Fixtures.ports(), width: 100, height: 30)
        var screen = AppView.render(state)
        let heading = cell(screen, "What comes next  ")  // the section heading in the text, not the pane
        #expect(heading?.style.role == .heading && heading?.style.bold == true)
        let claim = cell(screen, "The reopening should lower")
        #expect(claim?.style.role == .claim && claim?.style.bold == true && claim?.style.reverse == false)
        let plain = cell(screen, "Analysts said the backlog")
        #expect(plain?.style == .plain)

        Fixtures.press([.char("]"), .char("]"), .char("]")], on: &state)
        screen = AppView.render(state)
        let current = cell(screen, "The reopening should lower")
        #expect(current?.style.role == .keyPoint && current?.style.reverse == true)
        let other = cell(screen, "The real question")
        #expect(other?.style.role == .claim && other?.style.reverse == false, "only the current key point is reversed")

        Fixtures.press(Fixtures.keys("/strait") + [.enter], on: &state)
        screen = AppView.render(state)
        let rows = screen.rows()
        var roles: [ColorRole] = []
        for (r, line) in rows.enumerated() {
            var column = 0
            for character in line {
                if screen[r, column].style.role == .match || screen[r, column].style.role == .currentMatch,
                   character == "s" || character == "S" { roles.append(screen[r, column].style.role) }
                column += DisplayWidth.of(character)
            }
        }
        #expect(roles.filter { $0 == .currentMatch }.count == 1, "one current match")
        #expect(roles.contains(.match), "the other matches are marked too")
    }
}

extension String {
    var trimmingPrefixSpaces: String { String(drop { $0 == " " }) }
}
