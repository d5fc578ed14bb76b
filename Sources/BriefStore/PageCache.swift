#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A page as it was fetched, kept so that it opens again offline.
public struct CachedPage: Sendable, Equatable {
    public var url: String  // the URL requested
    public var finalURL: String  // where redirects ended
    public var contentType: String?
    public var fetched: Int  // seconds since 1970
    public var body: [UInt8]

    public init(url: String, finalURL: String, contentType: String?, fetched: Int, body: [UInt8]) {
        self.url = url
        self.finalURL = finalURL
        self.contentType = contentType
        self.fetched = fetched
        self.body = body
    }

    /// The `charset` parameter of the Content-Type, lower-cased, if any.
    public var charset: String? { HTTPResponse.charset(ofContentType: contentType) }
}

/// What `PageCache.fetch` gives: the page, whether it came from the cache, and why it could
/// not be kept if it was fetched but not stored (it can be read now, but not offline later).
public struct PageFetch: Sendable, Equatable {
    public var page: CachedPage
    public var fromCache: Bool
    public var storeError: StoreError?
}

/// Fetched pages, one file per URL in one folder. A file is `HASH.page`, HASH the 64-bit
/// FNV-1a of the URL in hex; it starts with a header naming the URL (a hash collision is a
/// miss, not another page), then the body.
public struct PageCache: Sendable {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// `$XDG_CACHE_HOME/brief/pages`, else `~/.cache/brief/pages`.
    public static func standard(environment: Environment) -> PageCache {
        PageCache(directory: environment.cacheHome + "/brief/pages")
    }

    /// The file that holds `url`'s page.
    public func path(for url: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in url.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return "\(directory)/\(String(repeating: "0", count: 16 - hex.count))\(hex).page"
    }

    /// Keeps `response` under its requested URL and, after a redirect, under its final URL
    /// too. A 304 has no body: the copy already kept stays.
    public func store(_ response: HTTPResponse) throws(StoreError) {
        guard response.status != 304 else { return }
        let page = CachedPage(url: response.requestedURL, finalURL: response.url, contentType: response.contentType,
                              fetched: Int(time(nil)), body: response.body)
        try store(page)
    }

    public func store(_ page: CachedPage) throws(StoreError) {
        let fields = [page.url, page.finalURL, page.contentType ?? ""]
        if fields.contains(where: { $0.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) }) {
            throw StoreError(path: path(for: page.url), reason: "a line break in the page's URL or type")
        }
        try FileIO.makeDirectories(directory)
        let bytes = PageCache.encode(page)
        try FileIO.writeAtomically(bytes, to: path(for: page.url))
        if page.finalURL != page.url {
            try FileIO.writeAtomically(bytes, to: path(for: page.finalURL))
        }
    }

    /// The page kept for `url` (requested or final); nil when there is none or its file is
    /// unreadable, damaged or another URL's.
    public func load(url: String) -> CachedPage? {
        guard let bytes = try? FileIO.readFile(path(for: url)), let page = PageCache.decode(bytes),
              page.url == url || page.finalURL == url else { return nil }
        return page
    }

    /// The kept copy of `url` when there is one (unless `refresh`); else (unless `offline`)
    /// fetched and kept.
    public func fetch(_ url: String, client: HTTPClient, offline: Bool = false, refresh: Bool = false)
        -> Result<PageFetch, HTTPError> {
        if !refresh || offline, let page = load(url: url) {
            return .success(PageFetch(page: page, fromCache: true, storeError: nil))
        }
        if offline { return .failure(HTTPError(url: url, reason: "not in the page cache (offline)")) }
        switch client.fetch(HTTPRequest(url: url)) {
        case .failure(let error):
            return .failure(error)
        case .success(let response):
            let page = CachedPage(url: response.requestedURL, finalURL: response.url, contentType: response.contentType,
                                  fetched: Int(time(nil)), body: response.body)
            var storeError: StoreError?
            do { try store(page) } catch { storeError = error }
            return .success(PageFetch(page: page, fromCache: false, storeError: storeError))
        }
    }

    // MARK: The file

    private static let magic = "brief-page 1"

    /// "brief-page 1", then `key value` lines (url, final, type, fetched, length), a blank
    /// line, and the body.
    static func encode(_ page: CachedPage) -> [UInt8] {
        var header = "\(magic)\n"
        header += "url \(page.url)\n"
        header += "final \(page.finalURL)\n"
        header += "type \(page.contentType ?? "")\n"
        header += "fetched \(page.fetched)\n"
        header += "length \(page.body.count)\n\n"
        return Array(header.utf8) + page.body
    }

    static func decode(_ bytes: [UInt8]) -> CachedPage? {
        let newline = UInt8(ascii: "\n")
        // The header ends at the first blank line, within its first 64 KB.
        var end: Int?
        for i in 0..<min(bytes.count, 1 << 16) where bytes[i] == newline && i > 0 && bytes[i - 1] == newline {
            end = i
            break
        }
        guard let end else { return nil }
        var fields: [String: String] = [:]
        let lines = bytes[..<(end - 1)].split(separator: newline, omittingEmptySubsequences: false)
        guard let first = lines.first, String(decoding: first, as: UTF8.self) == magic else { return nil }
        for line in lines.dropFirst() {
            let text = String(decoding: line, as: UTF8.self)
            guard let space = text.firstIndex(of: " ") else { return nil }
            fields[String(text[..<space])] = String(text[text.index(after: space)...])
        }
        let body = Array(bytes[(end + 1)...])
        guard let url = fields["url"], let finalURL = fields["final"], let type = fields["type"],
              let fetched = fields["fetched"].flatMap({ Int($0) }),
              let length = fields["length"].flatMap({ Int($0) }), length == body.count else { return nil }
        return CachedPage(url: url, finalURL: finalURL, contentType: type.isEmpty ? nil : type,
                          fetched: fetched, body: body)
    }
}
