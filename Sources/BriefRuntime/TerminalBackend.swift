import BriefUI

/// What the terminal gives the loop besides keys.
public enum TerminalInput: Sendable, Equatable {
    case key(Key)
    /// The window changed size (read the new one from `size`).
    case resized
    /// SIGINT, SIGTERM or SIGHUP arrived.
    case signal(Int32)
    /// The terminal went away without a signal reaching us.
    case hungUp
}

/// The terminal as the loop needs it: ncurses in the program (`CursesTerminal`), a fake one
/// in tests that scripts inputs and keeps every screen drawn.
public protocol TerminalBackend: AnyObject {
    var size: (width: Int, height: Int) { get }
    /// Shows `screen` (a backend may copy out only what changed since the last one).
    func draw(_ screen: Screen)
    /// Forgets what is shown, so that the next draw repaints everything (`^L`).
    func invalidate()
    /// The next input, waiting at most `timeout` milliseconds; nil when none came.
    func nextInput(timeout milliseconds: Int32) -> TerminalInput?
    /// `^Z`: gives the terminal back and stops until continued.
    func suspend()
    /// Gives the terminal to another program (an editor) for the time of `body`.
    func runOutside<T>(_ body: () -> T) -> T
    /// Puts `text` on the clipboard through the terminal (OSC 52); false when it cannot be sent.
    func copyToClipboard(_ text: String) -> Bool
    /// Restores the terminal. Safe to call twice.
    func end()
}
