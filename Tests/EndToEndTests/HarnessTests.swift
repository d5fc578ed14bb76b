import Testing

/// The tmux harness itself. The three end-to-end suites run in parallel, each starting its
/// own tmux servers: two sessions given the same socket share a server, and one test's
/// kill-server then ends the other's pane (seen as an empty screen).
@Suite("End-to-end harness")
struct HarnessTests {
    @Test("Sessions started at the same time from many threads get distinct tmux sockets")
    func distinctSockets() async {
        let names = await withTaskGroup(of: [String].self) { group in
            for _ in 0..<8 {
                group.addTask { (0..<500).map { _ in TmuxSession.newSocketName() } }
            }
            var all: [String] = []
            for await batch in group { all += batch }
            return all
        }
        #expect(names.count == 4000)
        #expect(Set(names).count == names.count)
    }
}
