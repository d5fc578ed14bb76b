#if canImport(Glibc)
import Glibc
#endif

/// Starts `body` on a new thread; with `niceness` above 0 the thread runs at that lower
/// priority (on Linux the nice value is per thread), so background work leaves the
/// processor to the reader and the terminal. Nil when no thread could be started.
@discardableResult
func startThread(niceness: Int32 = 0, _ body: @escaping @Sendable () -> Void) -> pthread_t? {
    final class Work: @unchecked Sendable {
        let body: @Sendable () -> Void
        let niceness: Int32
        init(_ body: @escaping @Sendable () -> Void, niceness: Int32) {
            self.body = body
            self.niceness = niceness
        }
    }
    let work = Unmanaged.passRetained(Work(body, niceness: niceness))
    var thread = pthread_t()
    let started = pthread_create(&thread, nil, { raw in
        let work = Unmanaged<Work>.fromOpaque(raw!).takeRetainedValue()
        if work.niceness > 0 { _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, work.niceness) }
        work.body()
        return nil
    }, work.toOpaque())
    guard started == 0 else {
        work.release()  // the thread never took it
        return nil
    }
    return thread
}
