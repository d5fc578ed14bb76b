#if canImport(Glibc)
import Glibc
#endif

/// Starts `body` on a new thread; with `niceness` above 0 the thread runs at that lower
/// priority (on Linux the nice value is per thread), so background work leaves the
/// processor to the reader and the terminal. Nil when no thread could be started.
@discardableResult
public func startThread(niceness: Int32 = 0, _ body: @escaping @Sendable () -> Void) -> pthread_t? {
    final class Work: Sendable {
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

/// Returns freed heap memory to the system (glibc's `malloc_trim`, looked up at run time so
/// that other C libraries simply skip it). A thread's own heap keeps what it freed, so after
/// parsing a 100 MB article in the background the process would stay that much larger.
public func releaseFreeMemory() {
    typealias Trim = @convention(c) (Int) -> Int32
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
    _ = unsafeBitCast(symbol, to: Trim.self)(0)
}
