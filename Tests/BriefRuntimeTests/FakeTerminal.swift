import BriefRuntime
import BriefUI
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A terminal for tests: inputs come from a script, every screen drawn is kept. A step can
/// wait (polling, with a deadline) until the screen shows something, for results that come
/// from background work.
final class FakeTerminal: TerminalBackend {
    enum Step {
        case input(TerminalInput)
        /// The window becomes this size.
        case resize(width: Int, height: Int)
        /// Wait until the last screen satisfies the condition (at most `seconds`).
        case waitUntil(String, seconds: Double, (Screen) -> Bool)
        /// Run this (release a blocked background job) and go on.
        case perform(() -> Void)
    }

    private(set) var size: (width: Int, height: Int)
    private var script: [Step]
    private(set) var screens: [Screen] = []
    private(set) var invalidations = 0
    private(set) var suspensions = 0
    private(set) var timesOutside = 0
    private(set) var ended = false
    private var waitStarted: UInt64?
    /// Inputs asked for after the script ran out (the loop is then stopped with SIGTERM).
    private(set) var overran = false

    init(width: Int = 80, height: Int = 24, _ script: [Step]) {
        size = (width, height)
        self.script = script
    }

    var lastScreen: Screen { screens.last ?? Screen(width: 0, height: 0) }

    func draw(_ screen: Screen) { screens.append(screen) }
    func invalidate() { invalidations += 1 }
    func suspend() { suspensions += 1 }
    func end() { ended = true }
    /// What was put on the clipboard, in order.
    private(set) var copied: [String] = []
    func copyToClipboard(_ text: String) -> Bool { copied.append(text); return true }

    func runOutside<T>(_ body: () -> T) -> T {
        timesOutside += 1
        return body()
    }

    func nextInput(timeout milliseconds: Int32) -> TerminalInput? {
        guard let step = script.first else {
            overran = true
            return .signal(SIGTERM)
        }
        switch step {
        case .input(let input):
            script.removeFirst()
            return input
        case .resize(let width, let height):
            script.removeFirst()
            size = (width, height)
            return .resized
        case .perform(let body):
            script.removeFirst()
            body()
            return nil
        case .waitUntil(let what, let seconds, let condition):
            if condition(lastScreen) {
                script.removeFirst()
                waitStarted = nil
                return nil
            }
            let now = TimingLog.now()
            let started = waitStarted ?? now
            waitStarted = started
            if now - started > UInt64(seconds * 1_000_000) {
                Issue.record("timed out waiting for \(what); last screen:\n\(lastScreen.rows().joined(separator: "\n"))")
                script.removeFirst()
                waitStarted = nil
                return nil
            }
            usleep(UInt32(max(1, min(Int(milliseconds), 10)) * 1000))  // as a real terminal waits for input
            return nil
        }
    }
}

extension FakeTerminal.Step {
    static func key(_ key: Key) -> Self { .input(.key(key)) }
    static func keys(_ text: String) -> [Self] { text.map { .input(.key(.char($0))) } }
    static func waitFor(_ text: String, seconds: Double = 20) -> Self {
        .waitUntil("“\(text)”", seconds: seconds) { $0.rows().contains { $0.contains(text) } }
    }
}
