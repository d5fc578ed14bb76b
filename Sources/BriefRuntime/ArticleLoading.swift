import BriefCore
import BriefStore
import BriefUI
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Events posted from other threads, taken by the loop between inputs.
public final class EventQueue: Sendable {
    private let events = Mutex<[Event]>([])

    public init() {}

    public func post(_ event: Event) { events.withLock { $0.append(event) } }

    public func take() -> [Event] {
        events.withLock { events in
            defer { events.removeAll() }
            return events
        }
    }
}

/// Reads articles for the reader. A small one is parsed (and analysed) at once; a large
/// one opens on a parse of its beginning, and `BackgroundParse` posts the rest.
public struct ArticleLoader: Sendable {
    let timing: TimingLog?
    /// How web pages are fetched; nil where no page is read (URLs then fail).
    let web: WebAccess?

    public init(timing: TimingLog?, web: WebAccess? = nil) {
        self.timing = timing
        self.web = web
    }

    /// The document for `path` ("-": standard input), and the background work that will
    /// post its whole parse and its analysis when it is large.
    public func load(_ path: String, events: EventQueue) -> Result<(ReaderDocument, BackgroundParse?), StoreError> {
        let fileName = path == "-" ? nil : path
        let noAnalysis = ArticleAnalysis(claims: [], evidence: [:])
        // A web page is fetched (or taken from the page cache) and extracted whole.
        if ArticleSource.isURL(path) {
            guard let web else { return .failure(StoreError(path: path, reason: "web pages cannot be read here")) }
            return ArticleSource.read(path, web: web).map { loaded in
                timing?.write("read")
                return (ReaderDocument(path: path, article: loaded.article), nil)
            }
        }
        // A large file: only its beginning is read before the first screen; the rest is read
        // in the background (reading 20 MB takes longer than showing a screen).
        if path != "-", let size = ArticleFiles.size(path), size >= LargeArticle.backgroundSize,
           case .success(let head) = ArticleFiles.readPrefix(path, count: LargeArticle.previewSize),
           !WebArticleParser.isHTML(head, fileName: fileName) {  // a page's beginning is markup, not a preview
            timing?.write("read")
            let preview = ArticleParser.parse(bytes: head[..<LargeArticle.previewEnd(head)], fileName: fileName)
            timing?.write("preview")
            return .success((ReaderDocument(path: path, article: preview, analysis: noAnalysis, preview: .head),
                             BackgroundParse(path: path, bytes: nil, fileName: fileName, title: preview.title, events: events)))
        }
        switch ArticleFiles.read(path) {
        case .failure(let error):
            return .failure(error)
        case .success(let bytes):
            timing?.write("read")
            if bytes.count < LargeArticle.backgroundSize || WebArticleParser.isHTML(bytes, fileName: fileName) {
                return .success((ReaderDocument(path: path, article: ArticleParser.parse(bytes: bytes, fileName: fileName)), nil))
            }
            let preview = ArticleParser.parse(bytes: bytes[..<LargeArticle.previewEnd(bytes)], fileName: fileName)
            timing?.write("preview")
            return .success((ReaderDocument(path: path, article: preview, analysis: noAnalysis, preview: .head),
                             BackgroundParse(path: path, bytes: bytes, fileName: fileName, title: preview.title, events: events)))
        }
    }
}

/// The whole parse of a large article and then its analysis, on another thread, posted as
/// `Event.parsed`; the parse of its end is kept for `G` (`tail`).
public final class BackgroundParse: Sendable {
    public let path: String
    private let events: EventQueue
    private let started = Mutex(false)
    /// The preview of the end, ready before the whole parse; or why the article could not be read.
    private let tailResult = Mutex<Result<ReaderDocument, RuntimeFailure>?>(nil)
    /// The article's bytes when they were read already (standard input), until the work takes them.
    private let givenBytes: Mutex<[UInt8]?>
    private let fileName: String?
    private let title: String

    init(path: String, bytes: [UInt8]?, fileName: String?, title: String, events: EventQueue) {
        self.path = path
        self.givenBytes = Mutex(bytes)
        self.fileName = fileName
        self.title = title
        self.events = events
    }

    public var isStarted: Bool { started.withLock { $0 } }

    /// Starts the work (once; later calls do nothing). The loop calls it once the first
    /// screen has had a moment to show, so that the work does not delay it; the thread runs at
    /// a lower priority, so that keys are handled at once while it works.
    public func start() {
        guard started.withLock({ let was = $0; $0 = true; return !was }) else { return }
        let ran = startThread(niceness: 5) { [self] in self.work() }
        if let ran { pthread_detach(ran) } else { fail("no thread to read it") }
    }

    private func work() {
        // Held here only, and dropped once parsed: a large article is not kept twice.
        var bytes: [UInt8]
        if let given = givenBytes.withLock({ value -> [UInt8]? in defer { value = nil }; return value }) {
            bytes = given
        } else {
            switch ArticleFiles.read(path) {
            case .success(let read): bytes = read
            case .failure(let error): fail(error.description); return
            }
        }
        let tail = LargeArticle.tail(of: bytes, fileName: fileName, title: title)
        let noAnalysis = ArticleAnalysis(claims: [], evidence: [:])
        tailResult.withLock { $0 = .success(ReaderDocument(path: path, article: tail, analysis: noAnalysis, preview: .tail)) }
        let article = ArticleParser.parse(bytes: bytes, fileName: fileName)
        bytes = []
        releaseFreeMemory()  // the parse's freed memory: this thread's heap would keep it
        events.post(.parsed(ReaderDocument(path: path, article: article, analysis: noAnalysis), analysed: false))
        // The reader shows the reasons in words (`w`), never the signals behind them.
        let analysis = ClaimAnalyzer(explains: true, signals: false).analyze(article)
        releaseFreeMemory()
        events.post(.parsed(ReaderDocument(path: path, article: article, analysis: analysis), analysed: true))
    }

    private func fail(_ reason: String) {
        tailResult.withLock { $0 = .failure(RuntimeFailure(reason)) }
        events.post(.readFailed(path: path, reason: reason))
    }

    /// The preview of the end, waiting at most `seconds` for the file to be read; nil if it
    /// could not be.
    public func tail(waitingAtMost seconds: Double = 2) -> ReaderDocument? {
        let deadline = TimingLog.now() + UInt64(seconds * 1_000_000)
        while true {
            switch tailResult.withLock({ $0 }) {
            case .success(let tail): return tail
            case .failure: return nil
            case nil:
                if TimingLog.now() >= deadline { return nil }
                usleep(1000)
            }
        }
    }
}
