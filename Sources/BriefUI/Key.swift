/// A key press or mouse event, decoded by the backend.
public enum Key: Sendable, Hashable {
    case char(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    /// Ctrl + a letter (lowercase), e.g. `.control("z")`.
    case control(Character)
    case resize
    case mouse(MouseEvent)

    /// How the key is written in the help screen.
    public var label: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .backspace: return "Bksp"
        case .delete: return "Del"
        case .control(let c): return "^" + String(c).uppercased()
        case .resize: return "resize"
        case .mouse: return "mouse"
        }
    }
}

public struct MouseEvent: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case press, wheelUp, wheelDown }
    public var kind: Kind
    public var row: Int
    public var column: Int

    public init(_ kind: Kind, row: Int, column: Int) {
        self.kind = kind
        self.row = row
        self.column = column
    }
}

/// The keys of escape sequences that a terminal's terminfo entry may not list (tmux sends
/// `ESC [ 4 ~` for End even where TERM=xterm-256color says `ESC O F`), so that no sequence
/// ever arrives as Esc followed by stray characters.
public enum EscapeSequence {
    /// The key of `ESC [ parameters final` (`introducer` "[") or `ESC O final` (`introducer`
    /// "O"); nil for a complete sequence that is no key Brief knows (it is then dropped).
    /// Modifiers (`ESC [ 1 ; 5 H`) are ignored: the base key.
    public static func key(introducer: Character, parameters: String, final: Character) -> Key? {
        let first = Int(parameters.split(separator: ";").first ?? "")
        switch final {
        case "A": return .up
        case "B": return .down
        case "C": return .right
        case "D": return .left
        case "H": return .home
        case "F": return .end
        case "Z": return introducer == "[" ? .backTab : nil
        case "M": return introducer == "O" ? .enter : nil
        case "~" where introducer == "[":
            switch first {
            case 1, 7: return .home
            case 4, 8: return .end
            case 3: return .delete
            case 5: return .pageUp
            case 6: return .pageDown
            default: return nil
            }
        default: return nil
        }
    }

    /// Whether `byte` ends a CSI sequence (ECMA-48: 0x40–0x7E).
    public static func isFinal(_ byte: UInt32) -> Bool { (0x40...0x7E).contains(byte) }
}
