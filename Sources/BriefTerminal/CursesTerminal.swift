import BriefRuntime
import BriefStore
import BriefUI
import CNcursesw
#if canImport(Glibc)
import Glibc
#endif

/// The only code that talks to ncurses: opens the terminal on /dev/tty, copies
/// `Screen`s out (only rows that changed), reads keys, and always restores the
/// terminal in `end()`.
public final class CursesTerminal: TerminalBackend {
    private let ttyFile: UnsafeMutablePointer<FILE>
    private let session: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private var previous: Screen?
    private var colorPairs: [ColorRole: Int16] = [:]
    private var ended = false

    /// Sets the locale, installs signal handlers (before ncurses, which would otherwise
    /// install its own that exit), and starts ncurses on /dev/tty.
    public init(environment: Environment, colors: [ColorRole: ColorSpec] = [:]) throws(RuntimeFailure) {
        // Only the character type: ncursesw needs it for wide characters; the other categories
        // would cost a file each to load and could change how C formats numbers.
        setlocale(LC_CTYPE, "")
        if let codeset = nl_langinfo(nl_item(CODESET)), String(cString: codeset) != "UTF-8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
        cn_unblock_signals()
        cn_install_signal_handlers()
        guard let tty = fopen("/dev/tty", "r+") else {
            throw RuntimeFailure("cannot open /dev/tty: \(String(cString: strerror(errno)))")
        }
        guard let session = newterm(nil, tty, tty) else {
            fclose(tty)
            let term = environment["TERM"] ?? "(unset)"
            throw RuntimeFailure("cannot start the terminal (TERM=\(term))")
        }
        ttyFile = tty
        self.session = session
        window = cn_stdscr()
        raw()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)
        curs_set(0)
        wtimeout(window, 200)
        mouseinterval(0)
        mousemask(cn_BUTTON1_PRESSED | cn_BUTTON4_PRESSED | cn_BUTTON5_PRESSED, nil)
        configured = colors
        if has_colors(), environment["NO_COLOR"] == nil, cn_colors() >= 8 {
            start_color()
            use_default_colors()
            setUpColors()
            hasColors = true
        }
        hasItalics = cn_has_italics() != 0
    }

    /// Colour roles from the configuration file, over the defaults.
    private let configured: [ColorRole: ColorSpec]
    /// Whether colours are in use (not under NO_COLOR, nor on a terminal with fewer than 8).
    public private(set) var hasColors = false
    public private(set) var hasItalics = false

    /// What the view cannot show by colour or italics is shown by marks in the text.
    public var inlineMarks: InlineMarks {
        var marks: InlineMarks = []
        if !hasColors { marks.formUnion([.code, .strikethrough]) }
        if !hasItalics { marks.insert(.emphasis) }
        return marks
    }

    deinit { end() }

    /// OSC 52 with the text in base64, written after what ncurses has sent: base64 has no
    /// control bytes, so nothing of the text can act on the terminal. tmux passes it on
    /// when its `set-clipboard` option is on.
    public func copyToClipboard(_ text: String) -> Bool {
        guard !ended else { return false }
        let sequence = Array("\u{1B}]52;c;".utf8) + Base64.encode(Array(text.utf8)) + [0x07]
        fflush(ttyFile)
        return FileIO.writeAll(fileno(ttyFile), sequence) == 0
    }

    /// Foreground colours per role, from the eight every colour terminal has, then the
    /// configuration file's; the background stays the terminal's own (-1) unless it names one.
    private func setUpColors() {
        let defaults: [(ColorRole, Int32)] = [
            (.heading, COLOR_CYAN), (.claim, COLOR_YELLOW), (.keyPoint, COLOR_YELLOW),
            (.match, COLOR_MAGENTA), (.currentMatch, COLOR_GREEN), (.mark, COLOR_YELLOW),
            (.link, COLOR_BLUE), (.code, COLOR_GREEN),
        ]
        var foregrounds = Dictionary(uniqueKeysWithValues: defaults.map { ($0.0, Int16($0.1)) })
        var backgrounds: [ColorRole: Int16] = [:]
        for (role, spec) in configured {
            if let color = spec.foreground { foregrounds[role] = Self.number(color) }
            if let color = spec.background { backgrounds[role] = Self.number(color) }
        }
        for (n, role) in ColorRole.allCases.enumerated() where n + 1 < cn_color_pairs() {
            guard foregrounds[role] != nil || backgrounds[role] != nil else { continue }
            init_pair(Int16(n + 1), foregrounds[role] ?? -1, backgrounds[role] ?? -1)
            colorPairs[role] = Int16(n + 1)
        }
    }

    /// A configured colour as this terminal can show it: beyond its palette, the nearest of
    /// the eight basic colours.
    static func number(_ color: TerminalColor) -> Int16 {
        guard case .index(let n) = color else { return -1 }
        if n < cn_colors() { return Int16(n) }
        if n < 16 { return Int16(n - 8) }
        if n >= 232 { return n < 244 ? Int16(COLOR_BLACK) : Int16(COLOR_WHITE) }  // the grey ramp
        // The 6×6×6 cube: each of red, green and blue on or off.
        let cube = n - 16
        let (r, g, b) = (cube / 36 >= 3 ? 1 : 0, (cube / 6) % 6 >= 3 ? 1 : 0, cube % 6 >= 3 ? 1 : 0)
        return Int16(r | g << 1 | b << 2)
    }

    public var size: (width: Int, height: Int) {
        (Int(cn_cols(window)), Int(cn_rows(window)))
    }

    /// Copies `screen` to the terminal, rewriting only rows that changed since the last draw.
    public func draw(_ screen: Screen) {
        let full = previous.map { $0.width != screen.width || $0.height != screen.height } ?? true
        if full { werase(window) }
        var cell = cchar_t()
        for row in 0..<screen.height {
            if !full, let previous, (0..<screen.width).allSatisfy({ previous[row, $0] == screen[row, $0] }) {
                continue
            }
            for column in 0..<screen.width {
                let c = screen[row, column]
                if c.isContinuation { continue }
                let attrs = attributes(c.style)
                let pair = colorPairs[c.style.role] ?? 0
                let scalars = c.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
                if scalars.count == 2, scalars.allSatisfy({ (0x1F1E6...0x1F1FF).contains($0) }) {
                    // A flag: two regional indicators, one column each to ncurses and the terminal.
                    for (i, scalar) in scalars.enumerated() {
                        setcchar(&cell, [scalar, 0], attrs, pair, nil)
                        mvwadd_wch(window, Int32(row), Int32(column + i), &cell)
                    }
                    continue
                }
                // ncurses takes one spacing character and the zero-width ones that follow
                // it (combining marks, joiners, selectors); other parts are left out.
                var chars: [wchar_t] = [scalars.first ?? 0x20]
                for scalar in scalars.dropFirst() where wcwidth(scalar) == 0 && chars.count < Int(CCHARW_MAX) {
                    chars.append(scalar)
                }
                chars.append(0)
                setcchar(&cell, chars, attrs, pair, nil)
                mvwadd_wch(window, Int32(row), Int32(column), &cell)
            }
        }
        wnoutrefresh(window)
        doupdate()
        previous = screen
    }

    private func attributes(_ style: Style) -> attr_t {
        var attrs = cn_A_NORMAL
        if let spec = configured[style.role] {
            if spec.bold { attrs |= cn_A_BOLD }
            if spec.underline { attrs |= cn_A_UNDERLINE }
            if spec.reverse { attrs |= cn_A_REVERSE }
            if spec.dim { attrs |= cn_A_DIM }
            if spec.italic { attrs |= cn_A_ITALIC }
        }
        if !hasColors {
            // Without colour each role keeps a look of its own (the views set the rest).
            switch style.role {
            case .heading, .claim, .keyPoint: attrs |= cn_A_BOLD
            case .link: attrs |= cn_A_UNDERLINE
            case .match, .currentMatch, .selection, .status: attrs |= cn_A_REVERSE
            default: break
            }
        }
        if style.bold { attrs |= cn_A_BOLD }
        if style.reverse { attrs |= cn_A_REVERSE }
        if style.underline { attrs |= cn_A_UNDERLINE }
        if style.dim { attrs |= cn_A_DIM }
        if style.italic { attrs |= cn_A_ITALIC }
        return attrs
    }

    /// Forgets what is on the terminal so the next draw repaints everything.
    public func invalidate() {
        previous = nil
        clearok(window, true)
    }

    public func nextInput(timeout milliseconds: Int32) -> TerminalInput? {
        setInputTimeout(milliseconds: milliseconds)
        let key = readKey()
        let signal = takePendingSignal()
        if signal != 0 { return .signal(signal) }
        if let key { return .key(key) }
        if isHungUp { return .hungUp }
        return followTerminalSize() ? .resized : nil
    }

    /// How long `readKey` waits: 0 while there is background work to do between keys.
    private func setInputTimeout(milliseconds: Int32) {
        if milliseconds != inputTimeout {
            inputTimeout = milliseconds
            wtimeout(window, milliseconds)
        }
    }
    private var inputTimeout: Int32 = 200

    /// The next key, or nil when none came within the timeout (or a signal arrived).
    func readKey() -> Key? {
        var input: wint_t = 0
        let status = wget_wch(window, &input)
        if status == ERR { return nil }
        if status == KEY_CODE_YES {
            switch Int32(input) {
            case KEY_UP: return .up
            case KEY_DOWN: return .down
            case KEY_LEFT: return .left
            case KEY_RIGHT: return .right
            case KEY_PPAGE: return .pageUp
            case KEY_NPAGE: return .pageDown
            case KEY_HOME: return .home
            case KEY_END: return .end
            case KEY_ENTER: return .enter
            case KEY_BACKSPACE: return .backspace
            case KEY_DC: return .delete
            case KEY_BTAB: return .backTab
            case KEY_RESIZE: return .resize
            case KEY_MOUSE: return mouseEvent()
            default: return nil
            }
        }
        switch input {
        case 10, 13: return .enter
        case 9: return .tab
        case 27: return escapeSequence()
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(input) + 0x60)))
        default:
            guard let scalar = Unicode.Scalar(UInt32(input)), input >= 0x20 else { return nil }
            return .char(Character(scalar))
        }
    }

    /// After ESC: a lone Esc, or the rest of a sequence ncurses did not know (it hands those
    /// on byte by byte), decoded or dropped whole. Any other key right after Esc is put back:
    /// it is the next key.
    private func escapeSequence() -> Key? {
        wtimeout(window, 15)
        defer { wtimeout(window, inputTimeout) }
        var input: wint_t = 0
        guard wget_wch(window, &input) == OK else { return .escape }
        switch input {
        case 27: return escapeSequence()
        case 0x5B, 0x4F:  // "[" or "O"
            let introducer = Character(Unicode.Scalar(UInt8(input)))
            var parameters = ""
            while parameters.count < 32 {
                guard wget_wch(window, &input) == OK, let scalar = Unicode.Scalar(UInt32(input)) else { return nil }
                if introducer == "O" || EscapeSequence.isFinal(UInt32(input)) {
                    return EscapeSequence.key(introducer: introducer, parameters: parameters, final: Character(scalar))
                }
                parameters.unicodeScalars.append(scalar)
            }
            return nil
        default:
            // Esc, then a key typed (or sent by a script) at once: both count.
            unget_wch(wchar_t(bitPattern: UInt32(input)))
            return .escape
        }
    }

    private func mouseEvent() -> Key? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let kind: MouseEvent.Kind
        if event.bstate & cn_BUTTON4_PRESSED != 0 { kind = .wheelUp }
        else if event.bstate & cn_BUTTON5_PRESSED != 0 { kind = .wheelDown }
        else if event.bstate & cn_BUTTON1_PRESSED != 0 { kind = .press }
        else { return nil }
        return .mouse(MouseEvent(kind, row: Int(event.y), column: Int(event.x)))
    }

    /// Catches a size change that came without KEY_RESIZE (SIGWINCH ignored by whoever
    /// started us, so ncurses installed no handler): asks the terminal and resizes.
    /// Returns whether the size changed.
    func followTerminalSize() -> Bool {
        var size = winsize()
        guard ioctl(fileno(ttyFile), UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0, size.ws_col > 0 else { return false }
        let (width, height) = self.size
        guard Int(size.ws_col) != width || Int(size.ws_row) != height else { return false }
        resizeterm(Int32(size.ws_row), Int32(size.ws_col))
        invalidate()
        return true
    }

    /// Whether the terminal has gone away (its window closed) without a SIGHUP reaching us.
    var isHungUp: Bool {
        var descriptor = pollfd(fd: fileno(ttyFile), events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 0) >= 0 else { return false }
        return descriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    /// SIGINT, SIGTERM or SIGHUP received since the last call, or 0.
    func takePendingSignal() -> Int32 { cn_take_pending_signal() }

    /// Ctrl-Z: gives the terminal back, stops, and repaints when continued (`fg`).
    public func suspend() {
        endwin()
        raise(SIGSTOP)
        invalidate()
        wrefresh(window)
    }

    /// Gives the terminal to another program (an editor) for the time of `body`, then
    /// takes it back and repaints everything on the next draw.
    public func runOutside<T>(_ body: () -> T) -> T {
        endwin()
        let result = body()
        // ^C typed in an editor that lets the terminal signal is the editor's, not ours;
        // another signal is raised again, to be taken by the next `nextInput`.
        let signal = takePendingSignal()
        if signal != 0 && signal != SIGINT { raise(signal) }
        invalidate()
        wrefresh(window)
        _ = followTerminalSize()
        return result
    }

    /// Restores the terminal (leaves the alternate screen). Safe to call twice.
    public func end() {
        guard !ended else { return }
        ended = true
        endwin()
        delscreen(session)
        fclose(ttyFile)
    }
}
