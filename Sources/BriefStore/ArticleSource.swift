import BriefCore

/// Where an article comes from: a file (or standard input), or a web page named by its URL.
/// Pages are fetched once and kept in the page cache, so they open again offline and notes
/// on them re-anchor; the URL is the article's source.
public enum ArticleSource {
    /// The bytes of an article and what tells how to read them.
    public struct Loaded: Sendable {
        public var bytes: [UInt8]
        /// The file name (for its extension and a fallback title); nil for standard input.
        public var fileName: String?
        /// For a web page: the URL it was read from at last (after redirects).
        public var url: String?
        /// For a web page: the charset its HTTP response declared.
        public var charset: String?
        /// For a web page: its Content-Type, if the server sent one.
        public var contentType: String?
        /// Something the user should know that did not stop the reading (the page could not be kept).
        public var warning: String?

        public init(bytes: [UInt8], fileName: String?, url: String? = nil, charset: String? = nil,
                    contentType: String? = nil, warning: String? = nil) {
            self.bytes = bytes
            self.fileName = fileName
            self.url = url
            self.charset = charset
            self.contentType = contentType
            self.warning = warning
        }

        /// The article these bytes hold. A web page is read as HTML unless its server says it is
        /// plain text or Markdown.
        public var article: Article {
            guard let url else { return ArticleParser.parse(bytes: bytes, fileName: fileName) }
            let type = (contentType ?? "").lowercased()
            if type.hasPrefix("text/plain") || type.hasPrefix("text/markdown") {
                var article = ArticleParser.parse(bytes: bytes, fileName: fileName)
                article.url = url
                return article
            }
            return WebArticleParser.parse(bytes: bytes, url: url, charset: charset, fileName: fileName)
        }
    }

    /// Whether `source` names a web page (an http or https URL) rather than a file.
    public static func isURL(_ source: String) -> Bool {
        let lower = source.prefix(8).lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    /// Reads `source`: a file through `ArticleFiles`, a URL through the page cache and `web`.
    public static func read(_ source: String, web: WebAccess) -> Result<Loaded, StoreError> {
        guard isURL(source) else {
            return ArticleFiles.read(source).map { Loaded(bytes: $0, fileName: source == "-" ? nil : source) }
        }
        switch web.cache.fetch(source, client: web.client, offline: web.offline, refresh: web.refresh) {
        case .failure(let error):
            return .failure(StoreError(path: error.url, reason: error.reason))
        case .success(let fetched):
            let warning = fetched.storeError.map { "\(source.withoutControls): not kept for offline reading: \($0.description)" }
            return .success(Loaded(bytes: fetched.page.body, fileName: source, url: fetched.page.finalURL,
                                   charset: fetched.page.charset, contentType: fetched.page.contentType,
                                   warning: warning))
        }
    }
}

/// How Brief reaches the web: one HTTP client and the page cache, set from the environment.
public struct WebAccess: Sendable {
    public let client: HTTPClient
    public let cache: PageCache
    /// Only kept pages are read; nothing is fetched.
    public var offline = false
    /// Pages are fetched again even when a copy is kept.
    public var refresh = false

    public init(client: HTTPClient, cache: PageCache) {
        self.client = client
        self.cache = cache
    }

    /// `BRIEF_CONNECT_TIMEOUT` and `BRIEF_TIMEOUT` (seconds, default 10 and 30), `BRIEF_MAX_PAGE`
    /// (bytes, default 20 MB), `BRIEF_OFFLINE=1` and `BRIEF_REFRESH=1` override the defaults; proxies come from
    /// the usual `http_proxy`/`https_proxy`/`no_proxy` variables.
    public static func standard(environment: Environment, version: String) -> WebAccess {
        var options = HTTPOptions(userAgent: "Brief/\(version) (terminal news reader)")
        if let value = environment["BRIEF_CONNECT_TIMEOUT"].flatMap(Double.init), value > 0 { options.connectTimeout = value }
        if let value = environment["BRIEF_TIMEOUT"].flatMap(Double.init), value > 0 { options.totalTimeout = value }
        if let value = environment["BRIEF_MAX_PAGE"].flatMap(Int.init), value > 0 { options.maxBodyBytes = value }
        var access = WebAccess(client: HTTPClient(options: options), cache: PageCache.standard(environment: environment))
        access.offline = environment["BRIEF_OFFLINE"] == "1"
        access.refresh = environment["BRIEF_REFRESH"] == "1"
        return access
    }
}
