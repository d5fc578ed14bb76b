import Testing
#if canImport(Glibc)
import Glibc
#endif
import BriefCore
@testable import BriefUI

@Suite("Configuration file, keymap and escape sequences")
struct ConfigurationTests {
    @Test("[keys] binds a key to a command by name: it runs it, the help shows it, and the key's old command loses it")
    func keyOverride() {
        var configuration = Configuration.parse("""
            [keys]
            "J" = "next-key-point"
            "ctrl-d" = "page-down"
            """)
        #expect(configuration.problems == [])
        let keymap = configuration.keymap()
        #expect(keymap.command(for: .char("J"), in: [.reader]) == .nextKeyPoint)
        #expect(keymap.command(for: .control("d"), in: [.reader]) == .pageDown)
        #expect(keymap.command(for: .char("d"), in: [.reader]) == .halfPageDown, "d keeps its own binding")
        #expect(keymap.bindings.first { $0.context == .reader && $0.command == .nextArticle }?.keys.contains(.char("J")) == false)
        let help = keymap.helpLines(first: .reader).map(\.text)
        #expect(help.contains { $0.contains("] J") && $0.contains("next key point") }, "\(help)")

        var state = AppState(document: Fixtures.ports(), width: 40, height: 12)
        state.keymap = keymap
        Fixtures.press([.char("J")], on: &state)
        #expect(state.reader?.keyPoint == 0)
    }

    @Test("Problems name their line; what is right still applies")
    func problems() {
        let configuration = Configuration.parse("""
            # my settings
            [keys]
            "J" = "nxt-key-point"
            "F13" = "quit"
            "K" = "next-section"

            [colors]
            claim = "yelow"
            heading = "bold cyan"
            nosuchrole = "red"
            link = "underline on"

            [pager]
            x = "y"
            """, fileName: "config.toml")
        #expect(configuration.problems.contains("config.toml:3: unknown command \"nxt-key-point\""), "\(configuration.problems)")
        #expect(configuration.problems.contains("config.toml:4: unknown key name \"F13\""))
        #expect(configuration.problems.contains("config.toml:8: unknown colour \"yelow\" for claim"))
        #expect(configuration.problems.contains("config.toml:10: unknown colour role \"nosuchrole\""))
        #expect(configuration.problems.contains("config.toml:11: \"on\" must be followed by a colour for link"))
        #expect(configuration.problems.contains { $0.hasPrefix("config.toml:13: unknown setting \"pager\"") })
        #expect(configuration.keyOverrides == [KeyOverride(key: .char("K"), command: .nextSection, line: 5)])
        var heading = ColorSpec(foreground: .index(6))
        heading.bold = true
        #expect(configuration.colors == [.heading: heading])
    }

    @Test("A TOML syntax error is one problem with its line; nothing else applies")
    func syntaxError() {
        let configuration = Configuration.parse("[keys]\n\"J\" = \"next-key-point\"\n\"K\" = \n", fileName: "config.toml")
        #expect(configuration.problems.count == 1)
        #expect(configuration.problems[0].hasPrefix("config.toml:3: "), "\(configuration.problems)")
        #expect(configuration.keyOverrides.isEmpty)
    }

    @Test("Colour words: attributes, basic, bright and 256 colours, a background")
    func colorWords() throws {
        let configuration = Configuration.parse("""
            [colors]
            claim = "bright-yellow"
            code = "color208 on black"
            key-point = "reverse italic"
            """)
        #expect(configuration.problems == [])
        #expect(configuration.colors[.claim]?.foreground == .index(11))
        #expect(configuration.colors[.code] == ColorSpec(foreground: .index(208), background: .index(0)))
        #expect(configuration.colors[.keyPoint]?.reverse == true && configuration.colors[.keyPoint]?.italic == true)
    }

    @Test("Key names: characters, named keys, control keys in three spellings")
    func keyNames() {
        #expect(Key(configName: "J") == .char("J"))
        #expect(Key(configName: "space") == .char(" "))
        #expect(Key(configName: "PgDn") == .pageDown)
        #expect(Key(configName: "ctrl-d") == .control("d"))
        #expect(Key(configName: "C-u") == .control("u"))
        #expect(Key(configName: "^F") == .control("f"))
        #expect(Key(configName: "ctrl-1") == nil)
        #expect(Key(configName: "\u{1B}") == nil)
    }

    @Test("Escape sequences: every form of Home and End, arrows with modifiers; unknown ones are no key")
    func escapeSequences() {
        for (introducer, parameters, final, key) in [
            ("[", "1", "~", Key.home), ("[", "7", "~", .home), ("[", "", "H", .home), ("O", "", "H", .home),
            ("[", "4", "~", .end), ("[", "8", "~", .end), ("[", "", "F", .end), ("O", "", "F", .end),
            ("[", "1;5", "C", .right), ("[", "5", "~", .pageUp), ("[", "6", "~", .pageDown), ("[", "3", "~", .delete),
        ] as [(Character, String, Character, Key)] {
            #expect(EscapeSequence.key(introducer: introducer, parameters: parameters, final: final) == key,
                    "ESC \(introducer)\(parameters)\(final)")
        }
        #expect(EscapeSequence.key(introducer: "[", parameters: "200", final: "~") == nil)  // bracketed paste start
        #expect(EscapeSequence.key(introducer: "[", parameters: "?1;2", final: "c") == nil)
    }

    @Test("Without colour, code and struck text are shown by marks; emphasis too without italics")
    func plainMarks() {
        var state = ReadingKeysTests.plain("# M\n\nSome `code`, ~~gone~~ and *soft* words.\n", width: 60, height: 8)
        #expect(AppView.render(state).rows().contains { $0.contains("Some code, gone and soft words.") })
        state.showInlineMarks([.code, .strikethrough, .emphasis])
        #expect(AppView.render(state).rows().contains { $0.contains("Some `code`, ~~gone~~ and _soft_ words.") },
                "\(AppView.render(state).rows())")
    }
}

@Suite("The README's configuration section")
struct ConfigurationReadmeTests {
    static let readme: String = {
        let root = URLPath.packageRoot(from: #filePath)
        return (try? String(decodingFile: root + "/README.md")) ?? ""
    }()

    @Test("Every command name and colour role is in the README, so the list cannot go stale")
    func namesDocumented() {
        let section = Self.readme.components(separatedBy: "## Configuration").dropFirst().first ?? ""
        for command in Command.allCases { #expect(section.contains(command.name), "\(command.name)") }
        for role in ColorRole.allCases { #expect(section.contains(role.name), "\(role.name)") }
    }
}

/// Paths without Foundation: the package root is two folders above a test file.
enum URLPath {
    static func packageRoot(from file: String) -> String {
        var parts = file.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Tests/BriefUITests/File.swift
        return parts.joined(separator: "/")
    }
}

extension String {
    init(decodingFile path: String) throws {
        guard let file = fopen(path, "r") else { throw ReadError() }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&buffer, 1, buffer.count, file)
            if n <= 0 { break }
            bytes.append(contentsOf: buffer[0..<n])
        }
        self = String(decoding: bytes, as: UTF8.self)
    }
    struct ReadError: Error {}
}
