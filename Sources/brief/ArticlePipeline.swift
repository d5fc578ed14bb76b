import BriefCore
import BriefRuntime
import BriefStore
import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Reads, parses and renders many articles on several threads, and writes what each gives
/// in command-line order, as one thread would. Articles are independent, so the outline of
/// a folder takes about 1/jobs of the time; a single article goes straight through on the
/// calling thread.
///
/// At most `window` results wait to be written, so memory stays bounded by a few articles
/// whatever the number of files.
enum ArticlePipeline {
    /// What one article gives: bytes for standard output, or a one-line error; or, for a
    /// large file, the item itself, left for the writer to stream (see `largeFile`).
    enum Result: Sendable {
        case output([UInt8])
        case failure(String)
        case deferred(Item)
    }

    /// Files at least this large are rendered by the writer thread straight to standard
    /// output, so that their output is never held whole in memory.
    static let largeFile = 4 << 20

    /// Worker threads: one per processor, at most 8, or `BRIEF_JOBS` when set (1 turns it off).
    static func defaultJobs() -> Int {
        if let value = Environment.process["BRIEF_JOBS"], let jobs = Int(value), jobs > 0 {
            return min(jobs, 64)
        }
        return max(1, min(Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))), 8))
    }

    /// Renders each article of `paths` with `render`, which hands its output to the sink it
    /// is given, using a context that `makeContext` builds once per thread (analysers and
    /// segmenters are not thread-safe), and writes the results in order. Returns whether
    /// anything failed.
    static func run<Context>(_ paths: [String], jobs: Int = defaultJobs(),
                             makeContext: @escaping @Sendable () -> Context,
                             render: @escaping @Sendable (Context, String, Article, _ sink: ([UInt8]) -> Void) -> Void)
        -> Bool {
        let items = ArticleInputs.expand(paths)
        /// Reads and parses the item's file, hands the article to `render`; nil when it worked.
        let process: @Sendable (Item, Context, ([UInt8]) -> Void) -> String? = { item, context, sink in
            switch item {
            case .failure(let message):
                return message
            case .file(let file, _):
                switch ArticleInputs.article(file) {
                case .failure(let error): return error.description
                case .success(let article):
                    render(context, file, article, sink)
                    return nil
                }
            }
        }
        var failed = false
        var writerContext: Context?
        /// Renders an item on this thread, straight to standard output.
        func stream(_ item: Item) {
            if writerContext == nil { writerContext = makeContext() }
            if let message = process(item, writerContext!, Output.write) {
                Output.error(message)
                failed = true
            }
        }
        let fileCount = items.count { if case .file = $0 { true } else { false } }
        if jobs <= 1 || fileCount <= 1 {
            for item in items { stream(item) }
            return failed
        }
        let queue = WorkQueue(items: items, window: 4 * jobs)
        var threads: [pthread_t] = []
        for _ in 0..<min(jobs, fileCount) {
            let thread = startThread {
                let context = makeContext()
                while let (index, item) = queue.next() {
                    if case .file(let file, _) = item, file != "-", ArticleFiles.size(file) ?? 0 >= largeFile {
                        queue.finish(index, .deferred(item))
                        continue
                    }
                    var bytes: [UInt8] = []
                    let message = process(item, context) { bytes.append(contentsOf: $0) }
                    queue.finish(index, message.map { .failure($0) } ?? .output(bytes))
                }
            }
            if let thread { threads.append(thread) }
        }
        if threads.isEmpty {  // no thread could start: do it all here
            for item in items { stream(item) }
            return failed
        }
        for index in items.indices {
            switch queue.result(index) {
            case .output(let bytes): Output.write(bytes)
            case .failure(let message):
                Output.error(message)
                failed = true
            case .deferred(let item): stream(item)
            }
        }
        for thread in threads { pthread_join(thread, nil) }
        return failed
    }

    typealias Item = ArticleInputs.Input

    /// Hands out items in order to the workers and collects their results for the writer.
    /// A worker waits while `window` results are ahead of the writer.
    ///
    /// Its state is behind one `Mutex`; a thread that has to wait says so in the state and
    /// sleeps on a semaphore outside the lock, and the thread that makes progress possible
    /// signals it once per waiter. A signal given before the wait only makes the wait return
    /// at once, so no wake-up is lost.
    final class WorkQueue: Sendable {
        private struct State {
            var results: [Result?]
            var nextItem = 0
            var written = 0
            /// Workers asleep on `workerWake`, each owed one signal when `written` moves.
            var waitingWorkers = 0
            /// The item the writer sleeps on `writerWake` for.
            var writerWaitsFor: Int?
        }
        private let items: [Item]
        private let window: Int
        private let state: Mutex<State>
        private let workerWake = DispatchSemaphore(value: 0)
        private let writerWake = DispatchSemaphore(value: 0)

        init(items: [Item], window: Int) {
            self.items = items
            self.window = max(1, window)
            self.state = Mutex(State(results: Array(repeating: nil, count: items.count)))
        }

        /// The next item to process, or nil when there are none left.
        func next() -> (Int, Item)? {
            let (items, window) = (items, window)
            while true {
                // nil: wait for the writer; .some(nil): no items left.
                let taken: (Int, Item)?? = state.withLock { s in
                    guard s.nextItem < items.count else { return .some(nil) }
                    guard s.nextItem < s.written + window else {
                        s.waitingWorkers += 1
                        return nil
                    }
                    s.nextItem += 1
                    return (s.nextItem - 1, items[s.nextItem - 1])
                }
                if let taken { return taken }
                workerWake.wait()
            }
        }

        func finish(_ index: Int, _ result: Result) {
            let wakeWriter = state.withLock { s in
                s.results[index] = result
                guard s.writerWaitsFor == index else { return false }
                s.writerWaitsFor = nil
                return true
            }
            if wakeWriter { writerWake.signal() }
        }

        /// Waits for the result of item `index` (taken in order by the one writer).
        func result(_ index: Int) -> Result {
            while true {
                let (result, wake): (Result?, Int) = state.withLock { s in
                    guard let result = s.results[index] else {
                        s.writerWaitsFor = index
                        return (nil, 0)
                    }
                    s.results[index] = nil
                    s.written = index + 1
                    let waiting = s.waitingWorkers
                    s.waitingWorkers = 0
                    return (result, waiting)
                }
                if let result {
                    for _ in 0..<wake { workerWake.signal() }
                    return result
                }
                writerWake.wait()
            }
        }
    }
}
