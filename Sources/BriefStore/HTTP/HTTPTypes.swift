import BriefCore

/// How the client fetches: limits on time, size, redirects and simultaneous transfers.
public struct HTTPOptions: Sendable, Equatable {
    public var connectTimeout: Double = 10  // seconds
    public var totalTimeout: Double = 30  // seconds, the whole transfer
    public var maxBodyBytes: Int = 20 << 20  // the decompressed body's cap
    public var maxRedirects: Int = 10
    public var perHostLimit: Int = 2  // simultaneous transfers to one host
    public var totalLimit: Int = 8  // simultaneous transfers in all
    public var userAgent: String  // e.g. "Brief/0.1.0 (terminal news reader)"
    /// nil: libcurl's default, the environment's http_proxy, https_proxy and no_proxy;
    /// "": no proxy at all; else the proxy's URL.
    public var proxy: String? = nil

    public init(userAgent: String) {
        self.userAgent = userAgent
    }
}

/// One request header, e.g. `If-None-Match` or `If-Modified-Since`.
public struct HTTPHeader: Sendable, Equatable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// A GET of `url`.
public struct HTTPRequest: Sendable, Equatable {
    public var url: String
    public var headers: [HTTPHeader]

    public init(url: String, headers: [HTTPHeader] = []) {
        self.url = url
        self.headers = headers
    }
}

/// A response with a status below 400 (a 304 included: status 304, empty body).
public struct HTTPResponse: Sendable, Equatable {
    public var requestedURL: String
    public var url: String  // the final URL, after redirects
    public var status: Int
    public var headers: [String: String]  // names lower-cased; the final response's only
    public var body: [UInt8]  // decompressed

    public init(requestedURL: String, url: String, status: Int, headers: [String: String], body: [UInt8]) {
        self.requestedURL = requestedURL
        self.url = url
        self.status = status
        self.headers = headers
        self.body = body
    }

    public var contentType: String? { headers["content-type"] }

    /// The `charset` parameter of the Content-Type, lower-cased, if any.
    public var charset: String? { HTTPResponse.charset(ofContentType: contentType) }

    /// The `charset` parameter of a Content-Type value (`text/html; charset="UTF-8"` → `utf-8`).
    public static func charset(ofContentType contentType: String?) -> String? {
        guard let contentType else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let parts = parameter.split(separator: "=", maxSplits: 1)
            guard parts.count == 2,
                  parts[0].trimmingHTTPSpace.lowercased() == "charset" else { continue }
            var value = parts[1].trimmingHTTPSpace
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast())
            }
            return value.isEmpty ? nil : value.lowercased()
        }
        return nil
    }
}

/// Why a fetch failed: the requested URL and one line a person understands.
public struct HTTPError: Error, Sendable, Equatable, CustomStringConvertible {
    public var url: String
    public var reason: String
    /// The HTTP status when the server answered with one of 400 or more (a feed may act on 410).
    public var status: Int?

    public init(url: String, reason: String, status: Int? = nil) {
        self.url = url
        self.reason = reason.withoutControls
        self.status = status
    }

    /// "URL: reason"; the URL came from a feed or a page, so its controls are removed.
    public var description: String { "\(url.withoutControls): \(reason)" }
}

extension Substring {
    /// Without HTTP's optional whitespace (and a line's CR LF) at either end.
    var trimmingHTTPSpace: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r\n" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }),
              let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
