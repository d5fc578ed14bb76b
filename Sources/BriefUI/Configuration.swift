import TOMLKit

/// A colour as the configuration file names it: the terminal's default, or a palette index
/// (0–7 the eight basic colours, 8–15 their bright forms, up to 255 on 256-colour terminals).
public enum TerminalColor: Sendable, Equatable {
    case terminalDefault
    case index(Int)

    static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    init?(name: String) {
        let name = name.lowercased()
        if name == "default" { self = .terminalDefault; return }
        if let i = Self.names.firstIndex(of: name) { self = .index(i); return }
        if name.hasPrefix("bright-"), let i = Self.names.firstIndex(of: String(name.dropFirst(7))) {
            self = .index(i + 8); return
        }
        for prefix in ["color", "colour"] where name.hasPrefix(prefix) {
            if let n = Int(name.dropFirst(prefix.count)), (0...255).contains(n) { self = .index(n); return }
        }
        return nil
    }
}

/// What the configuration file says a colour role looks like: "bold cyan", "black on yellow".
public struct ColorSpec: Sendable, Equatable {
    public var foreground: TerminalColor?
    public var background: TerminalColor?
    public var bold = false
    public var underline = false
    public var reverse = false
    public var dim = false
    public var italic = false

    public init(foreground: TerminalColor? = nil, background: TerminalColor? = nil) {
        self.foreground = foreground
        self.background = background
    }

    struct Problem: Error { var reason: String }

    /// Words: attributes, a foreground colour, "on" and a background colour; else what is wrong.
    static func parse(_ text: String) -> Result<ColorSpec, Problem> {
        var spec = ColorSpec()
        var words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { String($0) }[...]
        guard !words.isEmpty else { return .failure(Problem(reason: "an empty colour")) }
        while let word = words.popFirst() {
            switch word.lowercased() {
            case "bold": spec.bold = true
            case "underline": spec.underline = true
            case "reverse": spec.reverse = true
            case "dim": spec.dim = true
            case "italic": spec.italic = true
            case "on":
                guard let name = words.popFirst(), let color = TerminalColor(name: name) else {
                    return .failure(Problem(reason: "\"on\" must be followed by a colour"))
                }
                spec.background = color
            default:
                guard spec.foreground == nil, let color = TerminalColor(name: word) else {
                    return .failure(Problem(reason: "unknown colour \"\(word.withoutControls)\""))
                }
                spec.foreground = color
            }
        }
        return .success(spec)
    }
}

extension Key {
    /// A key as the configuration file names it: a character ("J", "]"), a name ("space",
    /// "enter", "esc", "pgdn"…) or a control key ("ctrl-d", "C-d", "^D").
    public init?(configName name: String) {
        if name.count == 1, let character = name.first, !character.isWhitespace,
           !character.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            self = .char(character); return
        }
        let lower = name.lowercased()
        for prefix in ["ctrl-", "ctrl+", "c-", "^"] where lower.hasPrefix(prefix) {
            let rest = lower.dropFirst(prefix.count)
            guard rest.count == 1, let letter = rest.first, letter.isASCII, letter.isLetter else { return nil }
            self = .control(letter); return
        }
        let named: [String: Key] = [
            "space": .char(" "), "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape,
            "tab": .tab, "backtab": .backTab, "s-tab": .backTab, "backspace": .backspace, "bksp": .backspace,
            "delete": .delete, "del": .delete, "up": .up, "down": .down, "left": .left, "right": .right,
            "home": .home, "end": .end, "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown,
        ]
        guard let key = named[lower] else { return nil }
        self = key
    }
}

/// The configuration file (`$XDG_CONFIG_HOME/brief/config.toml`), read:
///
/// ```toml
/// [keys]
/// "J" = "next-key-point"
/// [colors]
/// claim = "yellow"
/// heading = "bold cyan"
/// ```
///
/// What it cannot use is a problem named by its line; everything else still applies, and
/// what failed keeps its default.
public struct Configuration: Sendable {
    public var keyOverrides: [KeyOverride] = []
    public var colors: [ColorRole: ColorSpec] = [:]
    /// One line each: "config.toml:3: unknown command "nxt"".
    public var problems: [String] = []
    /// How the problems name the file.
    var fileName = "config.toml"

    public init() {}

    public static func parse(_ text: String, fileName: String = "config.toml") -> Configuration {
        var configuration = Configuration()
        configuration.fileName = fileName
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func problem(_ line: Int?, _ message: String) {
            configuration.problems.append("\(fileName)\(line.map { ":\($0)" } ?? ""): \(message)")
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            problem(error.source.begin.line, error.description.withoutControls)
            return configuration
        } catch {
            problem(nil, "cannot be read as TOML")
            return configuration
        }
        for section in table.keys.sorted() {
            guard let inner = table[section]?.table, ["keys", "colors", "colours"].contains(section) else {
                problem(Self.line(of: section, in: lines, section: nil),
                        "unknown setting \"\(section.withoutControls)\" (Brief reads [keys] and [colors])")
                continue
            }
            let keys = inner.keys.sorted { Self.line(of: $0, in: lines, section: section) ?? 0 < Self.line(of: $1, in: lines, section: section) ?? 0 }
            for name in keys {
                let line = Self.line(of: name, in: lines, section: section)
                guard let value = inner[name]?.string else {
                    problem(line, "\"\(name.withoutControls)\" must be given a string")
                    continue
                }
                if section == "keys" {
                    guard let key = Key(configName: name) else {
                        problem(line, "unknown key name \"\(name.withoutControls)\""); continue
                    }
                    guard let command = Command(name: value) else {
                        problem(line, "unknown command \"\(value.withoutControls)\""); continue
                    }
                    configuration.keyOverrides.append(KeyOverride(key: key, command: command, line: line ?? 0))
                } else {
                    guard let role = ColorRole.allCases.first(where: { $0.name == name }) else {
                        problem(line, "unknown colour role \"\(name.withoutControls)\""); continue
                    }
                    switch ColorSpec.parse(value) {
                    case .success(let spec): configuration.colors[role] = spec
                    case .failure(let failure): problem(line, "\(failure.reason) for \(name)")
                    }
                }
            }
        }
        return configuration
    }

    /// The keymap with this file's keys applied; a key bound to a command no context has is
    /// a problem too.
    public mutating func keymap(from base: Keymap = .standard) -> Keymap {
        let (keymap, unapplied) = base.applying(keyOverrides)
        for override in unapplied {
            problems.append("\(fileName):\(override.line): \"\(override.command.name)\" cannot be bound to a key")
        }
        return keymap
    }

    /// The line that defines `key` (in `[section]`, or at the top level): found by reading the
    /// text, since the TOML library does not say where a key is.
    static func line(of key: String, in lines: [String], section: String?) -> Int? {
        var current: String?
        for (index, raw) in lines.enumerated() {
            let line = raw.drop { $0 == " " || $0 == "\t" }
            if line.hasPrefix("[") {
                let name = line.dropFirst().prefix { $0 != "]" }.trimmingCharacters()
                current = name
                if section == nil, name == key { return index + 1 }
                continue
            }
            guard current == section else { continue }
            let written = line.prefix { $0 != "=" }.trimmingCharacters()
            if written == key || written == "\"" + key + "\"" || written == "'" + key + "'" { return index + 1 }
        }
        return nil
    }
}

extension Substring {
    func trimmingCharacters() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
