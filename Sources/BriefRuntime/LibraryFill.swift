import BriefCore
import BriefStore
import BriefUI
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The library's rows before any article is parsed: what the file system says (name, size,
/// time) and the first heading line of each file's beginning, so the first screen shows at
/// once however many articles there are. `LibraryFill` fills in the rest.
public enum LibraryListing {
    /// Bytes of a file's beginning read for its provisional title.
    static let headSize = 4096

    /// One row per path. The first heading lines are read for `budget` seconds at most (a
    /// cold disk can take long for thousands of files); later rows keep a title made from
    /// their file name until they are filled.
    public static func entries(_ paths: [String], reading: ReadingStateStore?, budget: Double = 0.2) -> [LibraryEntry] {
        let deadline = TimingLog.now() + UInt64(budget * 1_000_000)
        return paths.map { path in
            let read = reading?.record(for: path)?.read ?? false
            if ArticleSource.isURL(path) {
                return LibraryEntry(path: path, provisionalTitle: path, size: 0, modified: 0, date: nil, read: read)
            }
            var info = stat()
            let known = stat(path, &info) == 0
            let modified = known ? Int(info.st_mtim.tv_sec) : 0
            var title: String?
            // Only a regular file is opened (a FIFO or a device could block or never end).
            if known, info.st_mode & S_IFMT == S_IFREG, TimingLog.now() < deadline,
               case .success(let head) = ArticleFiles.readPrefix(path, count: headSize) {
                title = provisionalTitle(head: head, fileName: path)
            }
            return LibraryEntry(path: path, provisionalTitle: title ?? titleFromName(path),
                                size: known ? Int(info.st_size) : 0, modified: modified,
                                date: known ? day(of: modified) : nil, read: read)
        }
    }

    /// The local calendar day of a time (seconds since 1970).
    public static func day(of seconds: Int) -> CalendarDay? {
        var time = time_t(seconds)
        var parts = tm()
        guard localtime_r(&time, &parts) != nil else { return nil }
        return CalendarDay(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
    }

    /// "brexit-deal_explained.md" → "Brexit Deal Explained" (what the parser calls an
    /// article with no title line).
    public static func titleFromName(_ path: String) -> String {
        var base = Substring(path.split(separator: "/").last ?? Substring(path))
        if let dot = base.lastIndex(of: "."), dot != base.startIndex { base = base[..<dot] }
        let words = base.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == " " })
        guard !words.isEmpty else { return String(base) }
        return words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }

    /// The title a cheap look at the beginning finds: a web page's `<title>`, a Markdown
    /// heading (`# Title`, or a line over `===`), or a short first line of plain text. The
    /// parse may decide otherwise; its title replaces this one when the row is filled.
    static func provisionalTitle(head: [UInt8], fileName: String) -> String? {
        if WebArticleParser.isHTML(head, fileName: fileName) {
            let folded = TextSearch.folded(String(decoding: head, as: UTF8.self))
            func find(_ needle: String, from: Int) -> Int? {
                let needle = Array(needle.utf8)
                guard folded.count >= needle.count, from <= folded.count - needle.count else { return nil }
                return (from...(folded.count - needle.count)).first { folded[$0..<$0 + needle.count].elementsEqual(needle) }
            }
            guard let open = find("<title", from: 0), let close = folded[open...].firstIndex(of: 0x3E),
                  let end = find("</title", from: close) else { return nil }
            // Entities decoded and white space collapsed as a paragraph's are.
            let title = TitleLine.visible(String(decoding: head[(close + 1)..<end], as: UTF8.self)).withoutControls
            return title.isEmpty ? nil : title
        }
        // Bytes, not characters: this runs on every file of the folder before the first screen.
        func trimmed(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
            let blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
            guard let start = line.firstIndex(where: { !blank($0) }) else { return [] }
            return line[start...(line.lastIndex(where: { !blank($0) })!)]
        }
        let lines = head.split(separator: 0x0A, maxSplits: 40, omittingEmptySubsequences: false).map(trimmed)
        guard let first = lines.firstIndex(where: { !$0.isEmpty }) else { return nil }
        let markdown = ArticleParser.fileExtension(fileName).map { $0 == "md" || $0 == "markdown" } ?? false
        func inline(_ raw: ArraySlice<UInt8>) -> String? {
            let text = TitleLine.visible(String(decoding: raw, as: UTF8.self)).withoutControls
            return text.isEmpty ? nil : text
        }
        for k in first..<lines.count {
            let line = lines[k]
            if line.first == 0x23 {  // "#"
                let hashes = line.prefix { $0 == 0x23 }.count
                var rest = line.dropFirst(hashes)
                if hashes <= 6, rest.first == 0x20 {
                    while rest.last == 0x23 { rest = rest.dropLast() }
                    if let title = inline(trimmed(rest)) { return title }
                }
            } else if k + 1 < lines.count, !line.isEmpty, lines[k + 1].count >= 2, lines[k + 1].allSatisfy({ $0 == 0x3D }) {
                return inline(line)
            }
            if !markdown { break }  // plain text: only its first line can be the title
        }
        let line = lines[first]
        guard !markdown, line.count <= 200, line.count(where: { $0 == 0x20 }) < 25 else { return nil }
        return inline(line)
    }
}

/// Fills in the library's rows on background threads: each article read, parsed and analysed
/// in turn (its title, words, kind, key points, notes, date and the words the filter
/// matches), the results posted as `Event.libraryFilled` in batches. The rows in view go
/// first (`prefer`); articles of `LargeArticle.backgroundSize` or more go last, and for those
/// only the beginning is parsed (title, date, kind, the filter's words) and the words are
/// counted over the raw file: their key points are counted when they are opened.
public final class LibraryFill: Sendable {
    /// Work for one row: what the fill finds out about the article at a path.
    public typealias Analyse = (_ path: String) -> LibraryDetails
    /// Makes each thread's `Analyse` (a thread keeps its own analyser: building one costs
    /// more than analysing a short article).
    public typealias MakeAnalyse = @Sendable () -> Analyse

    struct Queue {
        var order: [String]
        var next = 0
        /// Rows in view, taken before `order`.
        var preferred: [String] = []
        var large: [String]
        var taken: Set<String> = []
        var running = 0
    }

    private let queue: Mutex<Queue>
    private let started = Mutex(false)
    private let events: EventQueue
    private let makeAnalyse: MakeAnalyse
    private let threads: Int
    /// How long a thread gathers results before it posts them.
    static let batchInterval: UInt64 = 50_000

    /// `entries` in the order they are shown (the first ones are filled first).
    public init(entries: [LibraryEntry], events: EventQueue, threads: Int = LibraryFill.defaultThreads,
                analyse makeAnalyse: @escaping MakeAnalyse) {
        let large = entries.filter { $0.size >= LargeArticle.backgroundSize }.map(\.path)
        let small = entries.filter { $0.size < LargeArticle.backgroundSize }.map(\.path)
        queue = Mutex(Queue(order: small, large: large))
        self.events = events
        self.makeAnalyse = makeAnalyse
        self.threads = max(1, threads)
    }

    /// One thread per processor but one (the reader and the terminal need one), at most 4.
    public static var defaultThreads: Int { max(1, min(4, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) - 1)) }

    public var isStarted: Bool { started.withLock { $0 } }

    /// Whether every row is taken and done.
    public var isFinished: Bool {
        queue.withLock { $0.running == 0 && $0.taken.count == $0.order.count + $0.large.count }
    }

    /// Rows to fill before the others (those in view), most wanted first.
    public func prefer(_ paths: [String]) {
        queue.withLock { $0.preferred = paths.filter { [taken = $0.taken] in !taken.contains($0) } }
    }

    /// Starts the threads (once; later calls do nothing), at a lower priority than the reader.
    public func start() {
        guard started.withLock({ let was = $0; $0 = true; return !was }) else { return }
        for _ in 0..<threads {
            queue.withLock { $0.running += 1 }
            if let thread = startThread(niceness: 5, { [self] in self.work() }) {
                pthread_detach(thread)
            } else {
                queue.withLock { $0.running -= 1 }
            }
        }
    }

    private func take() -> String? {
        queue.withLock { queue in
            while let path = queue.preferred.first {
                queue.preferred.removeFirst()
                if queue.taken.insert(path).inserted { return path }
            }
            while queue.next < queue.order.count {
                let path = queue.order[queue.next]
                queue.next += 1
                if queue.taken.insert(path).inserted { return path }
            }
            for path in queue.large where queue.taken.insert(path).inserted { return path }
            return nil
        }
    }

    private func work() {
        let analyse = makeAnalyse()
        var batch: [LibraryDetails] = []
        var posted = TimingLog.now()
        while let path = take() {
            batch.append(analyse(path))
            if TimingLog.now() - posted >= Self.batchInterval {
                events.post(.libraryFilled(batch))
                batch = []
                posted = TimingLog.now()
            }
        }
        releaseFreeMemory()  // this thread's heap keeps what the parses freed
        // Posted before `running` drops, so that a finished fill has posted everything.
        if !batch.isEmpty { events.post(.libraryFilled(batch)) }
        queue.withLock { $0.running -= 1 }
    }

    // MARK: One article

    /// What the library shows of the article at `path` (see the type's comment for large ones).
    /// `analyzer` lists only the kind and the number of key points: `ClaimAnalyzer(explains: false)`.
    public static func details(path: String, analyzer: ClaimAnalyzer, notes: NoteStore, web: WebAccess?) -> LibraryDetails {
        let size = ArticleSource.isURL(path) ? 0 : (ArticleFiles.size(path) ?? 0)
        var info = stat()
        let fileDay = stat(path, &info) == 0 ? LibraryListing.day(of: Int(info.st_mtim.tv_sec)) : nil
        func noteCount(_ title: String) -> Int {
            (try? notes.load(title: title, source: FileIO.absolutePath(path)))??.notes.count ?? 0
        }
        if size >= LargeArticle.backgroundSize, case .success(let head) = ArticleFiles.readPrefix(path, count: LargeArticle.previewSize),
           !WebArticleParser.isHTML(head, fileName: path) {
            let article = ArticleParser.parse(bytes: head[..<LargeArticle.previewEnd(head)], fileName: path)
            let analysis = analyzer.analyze(article)
            let words = countWords(path) ?? article.wordCount
            return LibraryDetails(path: path, title: article.title, words: words, wordsEstimated: true, keyPoints: nil,
                                  kind: analysis.kind, notes: noteCount(article.title),
                                  date: CalendarDay.of(published: article.published, dateline: article.dateline, near: fileDay),
                                  vocabulary: LibraryDetails.vocabulary(article.blocks.lazy.map(\.text)))
        }
        let loaded: Result<Article, StoreError>
        if ArticleSource.isURL(path) {
            guard let web else { return LibraryDetails(path: path, problem: "web pages cannot be read here") }
            loaded = ArticleSource.read(path, web: web).map(\.article)
        } else {
            loaded = ArticleFiles.read(path).map { ArticleParser.parse(bytes: $0, fileName: path) }
        }
        switch loaded {
        case .failure(let error):
            return LibraryDetails(path: path, problem: error.reason)
        case .success(let article):
            let analysis = analyzer.analyze(article)
            return LibraryDetails(path: path, title: article.title, words: article.wordCount,
                                  keyPoints: analysis.claims.count, kind: analysis.kind, notes: noteCount(article.title),
                                  date: CalendarDay.of(published: article.published, dateline: article.dateline, near: fileDay),
                                  vocabulary: LibraryDetails.vocabulary(article.blocks.lazy.map(\.text)))
        }
    }

    /// Words (runs between spaces, tabs and line ends) in a file, read a megabyte at a time.
    static func countWords(_ path: String) -> Int? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var count = 0
        var inWord = false
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; return nil }
            if n == 0 { return count }
            for byte in buffer[..<n] {
                let space = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
                if !space && !inWord { count += 1 }
                inWord = !space
            }
        }
    }
}
