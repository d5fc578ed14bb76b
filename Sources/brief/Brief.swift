import ArgumentParser
import BriefCore
import BriefStore
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

@main
struct Brief: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "brief",
        abstract: "Read news and analysis in the terminal: outlines, key points and notes.",
        discussion: """
            With no subcommand, Brief shows the articles in PATH (default: ./Articles).
            Articles are Markdown (*.md, *.markdown), plain text (*.txt) or web pages (*.html, *.htm,
            or an http(s) URL); "-" reads standard input.
            """,
        version: version,
        subcommands: [ReadCommand.self, OutlineCommand.self, ClaimsCommand.self, NotesCommand.self, ExtractCommand.self,
                      ConfigCommand.self],
        defaultSubcommand: ReadCommand.self
    )

    /// The two commands people run most, `brief PATH…` and `brief outline [--format F] PATH…`,
    /// start without the argument parser: setting it up (it reflects over every command)
    /// takes longer than showing the first screen. Anything else, and any flag, goes to it.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let isPath = { (a: String) in a == "-" || !a.hasPrefix("-") }
        do {
            if let first = arguments.first, !["read", "outline", "claims", "notes", "extract", "config", "help"].contains(first),
               arguments.allSatisfy(isPath) {
                try ReadCommand.open(arguments)
                Glibc.exit(0)
            }
            if arguments.first == "outline" {
                var paths: [String] = []
                var format = OutputFormat.text
                var rest = arguments.dropFirst()
                var plain = true
                while let a = rest.popFirst() {
                    if a == "--format", let value = rest.popFirst(), let f = OutputFormat(rawValue: value) {
                        format = f
                    } else if isPath(a) {
                        paths.append(a)
                    } else {
                        plain = false
                        break
                    }
                }
                if plain && !paths.isEmpty {
                    try printOutlines(paths, format: format)
                    Glibc.exit(0)
                }
            }
        } catch let code as ExitCode {
            Glibc.exit(code.rawValue)
        } catch {
            Output.error("\(error)")
            Glibc.exit(1)
        }
        runParsed(arguments)
    }

    /// What `main(nil)` does, except that a usage error, which echoes what was typed
    /// (`--format $'\e]0;…'`), reaches the terminal without its control characters.
    static func runParsed(_ arguments: [String]) -> Never {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            Output.flush()
            Glibc.exit(0)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            Output.flush()
            if code == .success {
                // --help, --version, completion scripts: our own text, as it is.
                if !message.isEmpty { _ = FileIO.writeAll(1, Array((message + "\n").utf8)) }
            } else if !message.isEmpty {
                let lines = message.split(separator: "\n", omittingEmptySubsequences: false)
                _ = FileIO.writeAll(2, Array((lines.map { String($0).withoutControls }.joined(separator: "\n") + "\n").utf8))
            }
            Glibc.exit(code.rawValue)
        }
    }
}

/// `brief outlien`: a first argument that names no file but is a subcommand mistyped.
enum SubcommandSuggestion {
    static let names = ["read", "outline", "claims", "notes", "extract", "config", "help"]

    /// The subcommand `word` is probably a misspelling of: at most one edit away for short
    /// names, two for longer ones (a swap of neighbours counts as one); nil when none is.
    static func suggestion(for word: String) -> String? {
        let typed = Array(word.lowercased())
        guard !typed.isEmpty, typed.count <= 12 else { return nil }
        var best: (name: String, distance: Int)?
        for name in names {
            let distance = editDistance(typed, Array(name))
            let allowed = name.count <= 5 ? 1 : 2
            if distance <= allowed, distance < (best?.distance ?? Int.max) { best = (name, distance) }
        }
        return best?.name
    }

    /// Edits (insert, delete, replace, swap two neighbours) turning `a` into `b`.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }

    /// Stops with a usage error when `path`, the first argument, names nothing on disk and
    /// looks like a subcommand; a file of that name opens as any other.
    static func check(_ path: String) throws {
        guard path != "-", !ArticleSource.isURL(path), !path.contains("/"), !exists(path),
              let name = suggestion(for: path) else { return }
        Output.error("no such file or subcommand '\(path)' (did you mean '\(name)'?)")
        throw ExitCode(64)
    }

    /// Whether anything (a dangling link too) has that name.
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }
}

struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Open articles (the default command): brief [PATH…]."
    )

    @Argument(help: "Article files or folders (default: ./Articles).")
    var paths: [String] = []

    mutating func run() throws {
        try Self.open(paths)
    }

    /// Shows `paths` in the reader, or prints their outlines when not on a terminal.
    ///
    /// As less does, the reader needs only its output to be a terminal: keys come from
    /// /dev/tty, so `cat article | brief -` (or `cat article | brief`) reads the article from
    /// the pipe and then reads keys from the terminal.
    static func open(_ paths: [String]) throws {
        if let first = paths.first { try SubcommandSuggestion.check(first) }
        let interactive = Terminal.canRunReader
        var targets = paths
        if targets.isEmpty {
            if interactive && Terminal.inputIsPipeOrFile {
                targets = ["-"]
            } else {
                guard ArticleFiles.isDirectory("Articles") else {
                    Output.error("no ./Articles folder here; name articles or folders to read: brief PATH…")
                    throw ExitCode(1)
                }
                targets = ["Articles"]
            }
        }
        // Scripts, CI and terminals that cannot place the cursor get the outlines; so does
        // standard input among other articles, which the library could not read a second time.
        guard interactive, isatty(0) == 1 || targets == ["-"] || !targets.contains("-") else {
            try printOutlines(targets, format: .text)
            return
        }
        let status = ReaderApp.run(targets, environment: .process)
        if status != 0 { throw ExitCode(status) }
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

struct OutlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outline",
        abstract: "Print the outline of each article: title, sections, bullets, paragraphs.",
        discussion: """
            JSON: one object per article, one per line:
              {"source", "title", "reading", "outline": [{"kind", "text", "line", "level", "children"}]}
            """
    )

    // Required: a missing path is a usage error reported with this command's usage.
    @Argument(help: ArgumentHelp("Article files or folders; \"-\" reads standard input.", valueName: "path"))
    var paths: [String]

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    mutating func run() throws {
        try printOutlines(paths, format: format)
    }
}

func printOutlines(_ paths: [String], format: OutputFormat) throws {
    let width = Terminal.outputWidth()
    let failed = ArticlePipeline.run(paths, makeContext: {
        // The outline shows scores, not reasons.
        (analyzer: ClaimAnalyzer(explains: false), renderer: OutlineTextRenderer(width: width))
    }, render: { context, source, article, sink in
        // Analysed before the outline is built, so the analysis's working memory is gone by then.
        let analysis = context.analyzer.analyze(article)
        var outline = Outline(article: article)
        outline.attach(analysis)
        switch format {
        case .json:
            withoutActuallyEscaping(sink) { outline.writeJSON(source: source, reading: article.reading, sink: $0) }
        case .text:
            sink(Array((context.renderer.render(outline, article: article, source: source) + "\n").utf8))
        }
    })
    Output.flush()
    if failed { throw ExitCode(1) }
}

/// Reads every article named on the command line; reports each failure on one line.
enum ArticleInputs {
    /// One input of a command: a file to read, or why a path named on the command line gave none.
    enum Input: Sendable, Equatable {
        /// `named`: given on the command line (not found in a folder given there).
        case file(String, named: Bool)
        case failure(String)
    }

    /// The files the paths stand for, in order (a folder: its articles, sorted). URLs stay
    /// themselves; those not kept yet are fetched now, several at once (`WebAccess.prefetch`).
    static func expand(_ paths: [String]) -> [Input] {
        var inputs: [Input] = []
        let urls = paths.filter(ArticleSource.isURL)
        if !urls.isEmpty { Web.prefetch(urls) }
        for path in paths {
            if ArticleSource.isURL(path) {
                inputs.append(.file(path, named: true))
                continue
            }
            switch ArticleFiles.expand(path) {
            case .failure(let error): inputs.append(.failure(error.description))
            case .success(let files): inputs += files.map { .file($0, named: files == [path]) }
            }
        }
        return inputs
    }

    /// Parses each article in turn and hands it to `body`, so only one is in memory at a time.
    /// With `unreadableInFolder`, a file found in a folder that cannot be read goes there
    /// instead of being reported (the library lists it); named paths are always reported.
    static func forEach(_ paths: [String], failed: inout Bool,
                        unreadableInFolder: ((String, StoreError) -> Void)? = nil,
                        _ body: (String, Article) throws -> Void) rethrows {
        for input in expand(paths) {
            switch input {
            case .failure(let message):
                Output.error(message)
                failed = true
            case .file(let file, let named):
                switch article(file) {
                case .failure(let error) where unreadableInFolder != nil && !named:
                    unreadableInFolder?(file, error)
                case .failure(let error):
                    Output.error(error.description)
                    failed = true
                case .success(let article):
                    try body(file, article)
                }
            }
        }
    }

    /// Reads and parses one article: a file ("-": standard input) or a web page.
    static func article(_ file: String) -> Result<Article, StoreError> {
        Web.read(file).map { loaded in
            if let warning = loaded.warning { Output.error(warning) }
            return loaded.article
        }
    }

    static func load(_ paths: [String], failed: inout Bool) -> [(String, Article)] {
        var result: [(String, Article)] = []
        forEach(paths, failed: &failed) { result.append(($0, $1)) }
        return result
    }
}

/// The web as the commands reach it: one client and the page cache for the whole run, and
/// the pages fetched ahead of the articles that need them.
enum Web {
    private static let configured = Mutex(WebAccess.standard(environment: .process, version: Brief.version))
    static var access: WebAccess { configured.withLock { $0 } }

    /// `--refresh`: pages kept in the cache are fetched again (and kept anew).
    static func refreshKeptPages() { configured.withLock { $0.refresh = true } }
    private static let fetched = Mutex<[String: Result<ArticleSource.Loaded, StoreError>]>([:])

    /// Fetches the pages of `urls` that are not kept yet, several at once (at most two per host).
    static func prefetch(_ urls: [String]) {
        let missing = Array(Set(urls.filter { access.refresh || access.cache.load(url: $0) == nil })).sorted()
        guard missing.count > 1, !access.offline else { return }
        let results = access.client.fetchAll(missing.map { HTTPRequest(url: $0) })
        fetched.withLock { fetched in
            for (url, result) in zip(missing, results) {
                switch result {
                case .failure(let error):
                    fetched[url] = .failure(StoreError(path: error.url, reason: error.reason))
                case .success(let response):
                    var warning: String?
                    do { try access.cache.store(response) } catch let error as StoreError {
                        warning = "\(url.withoutControls): not kept for offline reading: \(error.description)"
                    } catch {}
                    fetched[url] = .success(ArticleSource.Loaded(
                        bytes: response.body, fileName: url, url: response.url, charset: response.charset,
                        contentType: response.contentType, warning: warning))
                }
            }
        }
    }

    static func read(_ source: String) -> Result<ArticleSource.Loaded, StoreError> {
        if let result = fetched.withLock({ $0.removeValue(forKey: source) }) { return result }
        return ArticleSource.read(source, web: access)
    }
}

/// Buffered standard output; errors go to standard error as "brief: …".
///
/// The buffer is behind a lock, so any thread may write; in practice one thread writes at a
/// time (the pipeline's writer), so the lock is never contended and costs one atomic
/// exchange per call: calls come once per article or per 64 KB chunk, not per node.
enum Output {
    private static let buffer = Mutex<[UInt8]>([])

    static func write(_ text: String) {
        buffer.withLock { buffer in
            buffer.append(contentsOf: text.utf8)
            if buffer.count >= 1 << 16 { flush(&buffer) }
        }
    }

    static func write(_ bytes: [UInt8]) {
        buffer.withLock { buffer in
            buffer.append(contentsOf: bytes)
            if buffer.count >= 1 << 16 { flush(&buffer) }
        }
    }

    static func flush() {
        buffer.withLock { flush(&$0) }
    }

    private static func flush(_ buffer: inout [UInt8]) {
        _ = FileIO.writeAll(1, buffer)  // a failure (a closed pipe) leaves nothing more to do
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes what is buffered first, so the line comes after the output before it.
    static func error(_ message: String) {
        let line = "brief: " + message.withoutControls + "\n"
        buffer.withLock { buffer in
            flush(&buffer)
            _ = FileIO.writeAll(2, Array(line.utf8))
        }
    }
}

enum Terminal {
    /// Whether the reader can run: output to a terminal that places the cursor, and a
    /// controlling terminal (/dev/tty) to read keys from.
    static var canRunReader: Bool {
        let term = Environment.process["TERM"] ?? ""
        guard isatty(1) == 1, !term.isEmpty, term != "dumb" else { return false }
        let tty = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard tty >= 0 else { return false }
        close(tty)
        return true
    }

    /// Standard input is a pipe, a socket or a regular file: text given to read (not
    /// /dev/null, not a terminal).
    static var inputIsPipeOrFile: Bool {
        var info = stat()
        guard fstat(0, &info) == 0 else { return false }
        let type = info.st_mode & S_IFMT
        return type == S_IFIFO || type == S_IFREG || type == S_IFSOCK
    }

    /// Once the article has been read from a pipe, standard input becomes the terminal, so
    /// that what the reader starts (`$EDITOR` for a long note) gets a terminal, not the
    /// spent pipe. Returns whether standard input is a terminal afterwards.
    @discardableResult
    static func takeInputFromTerminal() -> Bool {
        if isatty(0) == 1 { return true }
        let tty = open("/dev/tty", O_RDWR | O_NOCTTY)
        guard tty >= 0 else { return false }
        defer { if tty != 0 { close(tty) } }
        return dup2(tty, 0) == 0
    }

    /// Columns of the terminal on standard output, or 80 when it is not a terminal.
    static func outputWidth() -> Int {
        guard isatty(1) == 1 else { return 80 }
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }
}
