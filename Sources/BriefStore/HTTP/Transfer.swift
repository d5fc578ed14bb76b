import CCurl

/// One request on its own libcurl easy handle: the options set on it, what its callbacks
/// gather, and the outcome it turns into. Used on one thread only (the one running its multi).
final class Transfer {
    let request: HTTPRequest
    let options: HTTPOptions
    let host: String  // lower-cased, for the per-host limit
    let index: Int  // its place in the caller's list
    let easy: UnsafeMutableRawPointer  // CURL *
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private let errorBuffer: UnsafeMutablePointer<CChar>

    private var body: [UInt8] = []
    private var headers: [String: String] = [:]
    private var statusLine = ""
    private var inBody = false  // header lines after the body are trailers: not kept
    private var headerBytes = 0
    private var bodyTooLarge = false
    private var headersTooLarge = false

    /// Headers past this much (all responses of the transfer together) abort it.
    static let maxHeaderBytes = 1 << 20

    /// A transfer ready to add to a multi handle, or why the request cannot be made.
    static func make(_ request: HTTPRequest, options: HTTPOptions, index: Int) -> Result<Transfer, HTTPError> {
        guard let host = supportedHost(of: request.url) else {
            return .failure(HTTPError(url: request.url, reason: "unsupported URL (only http and https are fetched)"))
        }
        for header in request.headers where !isValid(header) {
            return .failure(HTTPError(url: request.url, reason: "invalid request header \(header.name)"))
        }
        guard let easy = curl_easy_init() else {
            return .failure(HTTPError(url: request.url, reason: "could not start a transfer (libcurl)"))
        }
        let transfer = Transfer(request: request, options: options, host: host, index: index, easy: easy)
        if let failure = transfer.configure() {
            return .failure(HTTPError(url: request.url, reason: "could not set up the transfer: \(failure)"))
        }
        return .success(transfer)
    }

    private init(request: HTTPRequest, options: HTTPOptions, host: String, index: Int, easy: UnsafeMutableRawPointer) {
        self.request = request
        self.options = options
        self.host = host
        self.index = index
        self.easy = easy
        errorBuffer = .allocate(capacity: Int(brief_CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(brief_CURL_ERROR_SIZE))
    }

    deinit {
        curl_easy_cleanup(easy)
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    /// The host of an http or https URL libcurl can parse, lower-cased; nil for anything else.
    static func supportedHost(of url: String) -> String? {
        guard let parsed = curl_url() else { return nil }
        defer { curl_url_cleanup(parsed) }
        guard curl_url_set(parsed, CURLUPART_URL, url, 0) == CURLUE_OK else { return nil }
        func part(_ which: CURLUPart) -> String? {
            var value: UnsafeMutablePointer<CChar>?
            guard curl_url_get(parsed, which, &value, 0) == CURLUE_OK, let value else { return nil }
            defer { curl_free(value) }
            return String(cString: value).lowercased()
        }
        guard let scheme = part(CURLUPART_SCHEME), scheme == "http" || scheme == "https",
              let host = part(CURLUPART_HOST), !host.isEmpty else { return nil }
        return host
    }

    /// A header libcurl would send as it is: no line breaks to smuggle another header in.
    private static func isValid(_ header: HTTPHeader) -> Bool {
        let name = header.name.utf8, value = header.value.utf8
        return !name.isEmpty && name.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: ":") }
            && value.allSatisfy { $0 != 0x0A && $0 != 0x0D && $0 != 0 }
    }

    /// Sets the options; the name of the first one libcurl refused, or nil.
    private func configure() -> String? {
        var refused: String?
        func check(_ code: CURLcode, _ name: String) {
            if code != CURLE_OK, refused == nil { refused = "\(name): \(String(cString: curl_easy_strerror(code)))" }
        }
        func milliseconds(_ seconds: Double) -> Int {
            // 0 would mean "no limit" to libcurl.
            seconds.isFinite ? max(1, Int(min(seconds, 1e9) * 1000)) : Int(Int32.max)
        }
        // Several threads run transfers: libcurl must not use signals (alarm for DNS timeouts).
        check(brief_easy_setopt_long(easy, CURLOPT_NOSIGNAL, 1), "NOSIGNAL")
        check(brief_easy_setopt_string(easy, CURLOPT_URL, request.url), "URL")
        // Only http and https, also where a redirect points (never file:// or ftp://).
        check(brief_easy_setopt_string(easy, CURLOPT_PROTOCOLS_STR, "http,https"), "PROTOCOLS_STR")
        check(brief_easy_setopt_string(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https"), "REDIR_PROTOCOLS_STR")
        check(brief_easy_setopt_long(easy, CURLOPT_FOLLOWLOCATION, 1), "FOLLOWLOCATION")
        check(brief_easy_setopt_long(easy, CURLOPT_MAXREDIRS, max(0, options.maxRedirects)), "MAXREDIRS")
        // "": offer every encoding this libcurl decodes (gzip, deflate, brotli, zstd).
        check(brief_easy_setopt_string(easy, CURLOPT_ACCEPT_ENCODING, ""), "ACCEPT_ENCODING")
        check(brief_easy_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS, milliseconds(options.connectTimeout)), "CONNECTTIMEOUT_MS")
        check(brief_easy_setopt_long(easy, CURLOPT_TIMEOUT_MS, milliseconds(options.totalTimeout)), "TIMEOUT_MS")
        // A declared length over the cap fails at once; the write callback counts the rest.
        check(brief_easy_setopt_off_t(easy, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(max(0, options.maxBodyBytes))), "MAXFILESIZE_LARGE")
        check(brief_easy_setopt_string(easy, CURLOPT_USERAGENT, options.userAgent), "USERAGENT")
        check(brief_easy_setopt_pointer(easy, CURLOPT_ERRORBUFFER, errorBuffer), "ERRORBUFFER")
        let this = Unmanaged.passUnretained(self).toOpaque()
        check(brief_easy_setopt_write(easy, CURLOPT_WRITEFUNCTION, transferWroteBody), "WRITEFUNCTION")
        check(brief_easy_setopt_pointer(easy, CURLOPT_WRITEDATA, this), "WRITEDATA")
        check(brief_easy_setopt_write(easy, CURLOPT_HEADERFUNCTION, transferWroteHeader), "HEADERFUNCTION")
        check(brief_easy_setopt_pointer(easy, CURLOPT_HEADERDATA, this), "HEADERDATA")
        for header in request.headers {
            // "Name;" is libcurl's spelling of a header sent with an empty value.
            let line = header.value.isEmpty ? "\(header.name);" : "\(header.name): \(header.value)"
            guard let list = curl_slist_append(headerList, line) else { return "out of memory" }
            headerList = list
        }
        if let headerList { check(brief_easy_setopt_slist(easy, CURLOPT_HTTPHEADER, headerList), "HTTPHEADER") }
        // Proxies: libcurl's default reads http_proxy, https_proxy and no_proxy from the
        // environment, which is what a terminal user expects; deliberately left on unless
        // the options name a proxy ("" turns proxies off).
        if let proxy = options.proxy { check(brief_easy_setopt_string(easy, CURLOPT_PROXY, proxy), "PROXY") }
        // TLS: peer and host verification stay on (libcurl's default); never turned off.
        return refused
    }

    // MARK: Callbacks

    fileprivate func receiveBody(_ data: UnsafeMutablePointer<CChar>?, _ count: Int) -> Int {
        guard count > 0 else { return 0 }
        guard let data else { return 0 }
        inBody = true
        // The decompressed bytes, counted here: this stops a gzip bomb and a body that never ends.
        if count > options.maxBodyBytes - body.count {
            bodyTooLarge = true
            return 0  // anything but `count` aborts the transfer
        }
        data.withMemoryRebound(to: UInt8.self, capacity: count) {
            body.append(contentsOf: UnsafeBufferPointer(start: $0, count: count))
        }
        return count
    }

    fileprivate func receiveHeader(_ data: UnsafeMutablePointer<CChar>?, _ count: Int) -> Int {
        guard count > 0, let data else { return 0 }
        headerBytes += count
        if headerBytes > Transfer.maxHeaderBytes {
            headersTooLarge = true
            return 0
        }
        let line = data.withMemoryRebound(to: UInt8.self, capacity: count) {
            String(decoding: UnsafeBufferPointer(start: $0, count: count), as: UTF8.self)
        }
        if line.hasPrefix("HTTP/") {
            // A new response (after a redirect or a 100 Continue): only the last one's headers count.
            statusLine = Substring(line).trimmingHTTPSpace
            headers = [:]
            body = []
            inBody = false
        } else if !inBody, let colon = line.firstIndex(of: ":") {
            let name = line[..<colon].trimmingHTTPSpace.lowercased()
            let value = line[line.index(after: colon)...].trimmingHTTPSpace
            headers[name] = headers[name].map { "\($0), \(value)" } ?? value
        }
        return count
    }

    // MARK: Outcome

    /// What the finished transfer means, from libcurl's result `code`.
    func outcome(_ code: CURLcode) -> Result<HTTPResponse, HTTPError> {
        guard code == CURLE_OK else { return .failure(HTTPError(url: request.url, reason: reason(for: code))) }
        var status = 0
        _ = brief_easy_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status)
        var effective: UnsafePointer<CChar>?
        _ = brief_easy_getinfo_string(easy, CURLINFO_EFFECTIVE_URL, &effective)
        let finalURL = effective.map { String(cString: $0) } ?? request.url
        if status >= 400 {
            return .failure(HTTPError(url: request.url, reason: "HTTP \(status) \(reasonPhrase(status))", status: status))
        }
        return .success(HTTPResponse(requestedURL: request.url, url: finalURL, status: status,
                                     headers: headers, body: status == 304 ? [] : body))
    }

    /// The status line's reason phrase ("Not Found"); HTTP/2 has none, so then a common one.
    private func reasonPhrase(_ status: Int) -> String {
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        if parts.count == 3 { return String(parts[2].prefix(80)) }
        let common = [400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found",
                      410: "Gone", 429: "Too Many Requests", 500: "Internal Server Error",
                      502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout"]
        return common[status] ?? "error"
    }

    private func reason(for code: CURLcode) -> String {
        if bodyTooLarge || code == CURLE_FILESIZE_EXCEEDED {
            return "response larger than \(Transfer.size(options.maxBodyBytes))"
        }
        if headersTooLarge { return "response headers larger than \(Transfer.size(Transfer.maxHeaderBytes))" }
        switch code {
        case CURLE_OPERATION_TIMEDOUT:
            var connectTime: curl_off_t = 0
            _ = brief_easy_getinfo_off_t(easy, CURLINFO_CONNECT_TIME_T, &connectTime)
            if connectTime == 0 && options.connectTimeout < options.totalTimeout {
                return "could not connect within \(Transfer.seconds(options.connectTimeout))"
            }
            return "timed out after \(Transfer.seconds(options.totalTimeout))"
        case CURLE_TOO_MANY_REDIRECTS:
            return "too many redirects (more than \(options.maxRedirects))"
        case CURLE_UNSUPPORTED_PROTOCOL where statusLine.split(separator: " ").dropFirst().first?.first == "3":
            // The request's own URL was checked before, so the redirect's target was refused.
            let target = headers["location"].map { ": \(String($0.prefix(200)))" } ?? ""
            return "redirected to an unsupported URL\(target) (only http and https are fetched)"
        default:
            let summary = String(cString: curl_easy_strerror(code))
            let detail = Substring(String(cString: errorBuffer)).trimmingHTTPSpace
            if detail.isEmpty { return summary }
            return detail.contains(summary) ? detail : "\(summary): \(detail)"
        }
    }

    static func size(_ bytes: Int) -> String {
        let mb = 1 << 20, kb = 1 << 10
        if bytes >= mb {
            if bytes % mb == 0 { return "\(bytes / mb) MB" }
            let tenths = (bytes * 10 + mb / 2) / mb
            return "\(tenths / 10).\(tenths % 10) MB"
        }
        if bytes >= kb { return "\((bytes + kb / 2) / kb) KB" }
        return "\(bytes) bytes"
    }

    static func seconds(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e9 { return "\(Int(value)) s" }
        return "\(value) s"
    }
}

// C callbacks cannot capture: the transfer comes back through the user pointer.
private let transferWroteBody: brief_curl_write_callback = { data, size, count, user in
    guard let user else { return 0 }
    return Unmanaged<Transfer>.fromOpaque(user).takeUnretainedValue().receiveBody(data, size * count)
}

private let transferWroteHeader: brief_curl_write_callback = { data, size, count, user in
    guard let user else { return 0 }
    return Unmanaged<Transfer>.fromOpaque(user).takeUnretainedValue().receiveHeader(data, size * count)
}
