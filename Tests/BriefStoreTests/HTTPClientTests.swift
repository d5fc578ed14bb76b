import BriefProcess
import BriefStore
import Foundation
import Synchronization
import Testing

private let userAgent = "Brief/0.1.0 (terminal news reader)"

func testClient(timeout: Double = 10, cap: Int = 20 << 20, redirects: Int = 10,
                    perHost: Int = 2, total: Int = 8) -> HTTPClient {
    var options = HTTPOptions(userAgent: userAgent)
    options.proxy = ""  // the fault server is on 127.0.0.1, whatever proxy the environment names
    options.connectTimeout = 5
    options.totalTimeout = timeout
    options.maxBodyBytes = cap
    options.maxRedirects = redirects
    options.perHostLimit = perHost
    options.totalLimit = total
    return HTTPClient(options: options)
}

/// The body of fault-server.py's /ok, in ISO 8859-1.
private let okBody = Array("<html><head><title>Caf\u{e9}</title></head><body><p>Caf\u{e9} cr\u{e8}me</p></body></html>\n"
    .unicodeScalars.map { UInt8($0.value) })
private let gzipText = Array(String(repeating: "Compressed text, repeated. ", count: 200).utf8)

private func failure(_ result: Result<HTTPResponse, HTTPError>) -> HTTPError? {
    if case .failure(let error) = result { return error }
    return nil
}

private func success(_ result: Result<HTTPResponse, HTTPError>) -> HTTPResponse? {
    try? result.get()
}

@Suite("HTTP client against the loopback fault server")
struct HTTPClientTests {
    @Test func pageWithCharset() throws {
        try withFaultServer { server in
            let response = try testClient().fetch(HTTPRequest(url: server.url("/ok"))).get()
            #expect(response.status == 200)
            #expect(response.requestedURL == server.url("/ok"))
            #expect(response.url == server.url("/ok"))
            #expect(response.body == okBody)
            #expect(response.contentType == "text/html; charset=iso-8859-1")
            #expect(response.charset == "iso-8859-1")
            #expect(response.headers["content-length"] == String(okBody.count))
        }
    }

    @Test func redirectChainEndsAtTheLastURL() throws {
        try withFaultServer { server in
            let response = try testClient().fetch(HTTPRequest(url: server.url("/redirect/3"))).get()
            #expect(response.status == 200)
            #expect(response.requestedURL == server.url("/redirect/3"))
            #expect(response.url == server.url("/ok"))
            #expect(response.body == okBody)
            #expect(response.headers["location"] == nil)  // the final response's headers only
        }
    }

    @Test func redirectLoopIsTooManyRedirects() throws {
        try withFaultServer { server in
            let (result, seconds) = timed { testClient().fetch(HTTPRequest(url: server.url("/loop"))) }
            #expect(failure(result) == HTTPError(url: server.url("/loop"), reason: "too many redirects (more than 10)"))
            #expect(seconds < 5)
            let short = testClient(redirects: 2).fetch(HTTPRequest(url: server.url("/redirect/3")))
            #expect(failure(short)?.reason == "too many redirects (more than 2)")
        }
    }

    @Test func redirectToAFileURLIsRefused() throws {
        try withFaultServer { server in
            let result = testClient().fetch(HTTPRequest(url: server.url("/redirect-file")))
            let error = try #require(failure(result))
            #expect(error.url == server.url("/redirect-file"))
            #expect(error.reason == "redirected to an unsupported URL: file:///etc/passwd (only http and https are fetched)")
            #expect(!error.description.contains("root:"))
        }
    }

    @Test(arguments: ["file:///etc/passwd", "ftp://127.0.0.1/file", "gopher://127.0.0.1/", "not a url",
                      "", "http://", "127.0.0.1/ok", "http://exa mple.example/"])
    func unsupportedURLFailsBeforeAnyTransfer(url: String) {
        let (result, seconds) = timed { testClient().fetch(HTTPRequest(url: url)) }
        #expect(failure(result) == HTTPError(url: url, reason: "unsupported URL (only http and https are fetched)"))
        #expect(seconds < 3)  // no connection tried (nothing listens on these)
    }

    @Test func gzipIsOfferedAndDecoded() throws {
        try withFaultServer { server in
            let response = try testClient().fetch(HTTPRequest(url: server.url("/gzip"))).get()
            #expect(response.headers["content-encoding"] == "gzip")
            #expect(response.body == gzipText)
        }
    }

    @Test(.enabled(if: FaultServer.hasBrotli, "python3 has no brotli module"))
    func brotliIsOfferedAndDecoded() throws {
        try withFaultServer { server in
            let response = try testClient().fetch(HTTPRequest(url: server.url("/brotli"))).get()
            #expect(response.headers["content-encoding"] == "br")
            #expect(response.body == gzipText)
        }
    }

    @Test func brokenGzipIsAnError() throws {
        try withFaultServer { server in
            let error = try #require(failure(testClient().fetch(HTTPRequest(url: server.url("/bad-gzip")))))
            #expect(error.reason.hasPrefix("Unrecognized or bad HTTP Content or Transfer-Encoding"))
        }
    }

    @Test func errorStatusesAreErrors() throws {
        try withFaultServer { server in
            let notFound = testClient().fetch(HTTPRequest(url: server.url("/404")))
            #expect(failure(notFound) == HTTPError(url: server.url("/404"), reason: "HTTP 404 Not Found", status: 404))
            let broken = testClient().fetch(HTTPRequest(url: server.url("/500")))
            #expect(failure(broken) == HTTPError(url: server.url("/500"), reason: "HTTP 500 Internal Server Error", status: 500))
        }
    }

    @Test func slowServerTimesOut() throws {
        try withFaultServer { server in
            let (result, seconds) = timed { testClient(timeout: 1).fetch(HTTPRequest(url: server.url("/slow"))) }
            #expect(failure(result) == HTTPError(url: server.url("/slow"), reason: "timed out after 1 s"))
            #expect(seconds < 5)
        }
    }

    @Test func dripFeedTimesOut() throws {
        try withFaultServer { server in
            let (result, seconds) = timed { testClient(timeout: 1.5).fetch(HTTPRequest(url: server.url("/drip"))) }
            #expect(failure(result) == HTTPError(url: server.url("/drip"), reason: "timed out after 1.5 s"))
            #expect(seconds < 5)
        }
    }

    @Test func endlessBodyStopsAtTheCap() throws {
        try withFaultServer { server in
            let (result, seconds) = timed { testClient(timeout: 20, cap: 1 << 20).fetch(HTTPRequest(url: server.url("/endless"))) }
            #expect(failure(result) == HTTPError(url: server.url("/endless"), reason: "response larger than 1 MB"))
            #expect(seconds < 5)
        }
    }

    @Test func gzipBombStopsAtTheCap() throws {
        try withFaultServer { server in
            let (result, seconds) = timed { testClient(timeout: 20, cap: 1 << 20).fetch(HTTPRequest(url: server.url("/bomb"))) }
            #expect(failure(result) == HTTPError(url: server.url("/bomb"), reason: "response larger than 1 MB"))
            #expect(seconds < 5)
        }
    }

    @Test func declaredLengthOverTheCapFailsAtOnce() throws {
        try withFaultServer { server in
            // The server sends 64 KB of the 2 MB it declares, then nothing: only the cap ends it early.
            let (result, seconds) = timed { testClient(timeout: 20, cap: 1 << 20).fetch(HTTPRequest(url: server.url("/big"))) }
            #expect(failure(result) == HTTPError(url: server.url("/big"), reason: "response larger than 1 MB"))
            #expect(seconds < 5)
        }
    }

    @Test func userAgentIsSent() throws {
        try withFaultServer { server in
            let response = try testClient().fetch(HTTPRequest(url: server.url("/ua"))).get()
            #expect(String(decoding: response.body, as: UTF8.self) == userAgent)
        }
    }

    @Test func conditionalRequestGets304() throws {
        try withFaultServer { server in
            let first = try testClient().fetch(HTTPRequest(url: server.url("/etag"))).get()
            #expect(first.status == 200)
            let etag = try #require(first.headers["etag"])
            #expect(etag == "\"v1\"")
            let again = HTTPRequest(url: server.url("/etag"), headers: [HTTPHeader(name: "If-None-Match", value: etag)])
            let second = try testClient().fetch(again).get()
            #expect(second.status == 304)
            #expect(second.body.isEmpty)
        }
    }

    @Test func proxyFromTheOptionsIsUsed() throws {
        try withFaultServer { server in
            // .invalid never resolves: only the proxy (the fault server) can answer.
            var options = HTTPOptions(userAgent: userAgent)
            options.proxy = server.base
            let response = try HTTPClient(options: options).fetch(HTTPRequest(url: "http://example.invalid/ok")).get()
            #expect(response.body == okBody)
            #expect(response.url == "http://example.invalid/ok")
        }
    }

    @Test func headerWithALineBreakIsRefused() {
        let request = HTTPRequest(url: "http://127.0.0.1:9/", headers: [HTTPHeader(name: "X-Test", value: "a\r\nInjected: yes")])
        #expect(failure(testClient().fetch(request)) == HTTPError(url: "http://127.0.0.1:9/", reason: "invalid request header X-Test"))
    }

    @Test func perHostLimitHoldsInFetchAll() throws {
        try withFaultServer { server in
            let requests = (0..<6).map { _ in HTTPRequest(url: server.url("/concurrent/host")) }
            let (results, seconds) = timed { testClient(perHost: 2, total: 8).fetchAll(requests) }
            #expect(results.allSatisfy { (try? $0.get().status) == 200 })
            let most = try testClient().fetch(HTTPRequest(url: server.url("/concurrent-max/host"))).get()
            #expect(String(decoding: most.body, as: UTF8.self) == "2")
            #expect(seconds >= 0.85)  // three rounds of 0.3 s: never more than two at once
        }
    }

    @Test func totalLimitHoldsInFetchAll() throws {
        try withFaultServer { server in
            let requests = (0..<6).map { _ in HTTPRequest(url: server.url("/concurrent/total")) }
            let results = testClient(perHost: 8, total: 3).fetchAll(requests)
            #expect(results.allSatisfy { (try? $0.get().status) == 200 })
            let most = try testClient().fetch(HTTPRequest(url: server.url("/concurrent-max/total"))).get()
            #expect(String(decoding: most.body, as: UTF8.self) == "3")
        }
    }

    @Test func fetchAllKeepsTheOrderOfTheRequests() throws {
        try withFaultServer { server in
            let urls = [server.url("/concurrent/order"), server.url("/404"), "file:///etc/passwd",
                        server.url("/redirect/2"), server.url("/gzip"), server.url("/ua")]
            let results = testClient(perHost: 3).fetchAll(urls.map { HTTPRequest(url: $0) })
            #expect(results.count == 6)
            #expect(success(results[0]).map { String(decoding: $0.body, as: UTF8.self) } == "done\n")
            #expect(failure(results[1])?.status == 404)
            #expect(failure(results[2])?.reason == "unsupported URL (only http and https are fetched)")
            #expect(success(results[3])?.url == server.url("/ok"))
            #expect(success(results[4])?.body == gzipText)
            #expect(success(results[5])?.requestedURL == server.url("/ua"))
        }
    }

    @Test func severalThreadsAtOnce() throws {
        try withFaultServer { server in
            let shared = testClient()
            let urls = [server.url("/ok"), server.url("/gzip"), server.url("/redirect/2"), server.url("/404")]
            let statuses = Mutex<[Int]>(Array(repeating: 0, count: 8))
            DispatchQueue.concurrentPerform(iterations: 8) { i in
                let status: Int
                switch shared.fetch(HTTPRequest(url: urls[i % urls.count])) {
                case .success(let response): status = response.status
                case .failure(let error): status = error.status ?? -1
                }
                statuses.withLock { $0[i] = status }
            }
            #expect(statuses.withLock { $0 } == [200, 200, 200, 404, 200, 200, 200, 404])
        }
    }

    @Test func brokenServersAreErrorsNotCrashes() throws {
        try withFaultServer { server in
            let closed = try #require(failure(testClient().fetch(HTTPRequest(url: server.url("/close")))))
            #expect(closed.reason == "Server returned nothing (no headers, no data): Empty reply from server")
            let garbage = try #require(failure(testClient().fetch(HTTPRequest(url: server.url("/garbage")))))
            #expect(garbage.reason == "Unsupported protocol: Received HTTP/0.9 when not allowed")
        }
        // Nothing listens on the port of a server that was stopped.
        let server = try FaultServer()
        let stopped = server.url("/ok")
        server.stop()
        let refused = try #require(failure(testClient().fetch(HTTPRequest(url: stopped))))
        #expect(refused.reason.hasPrefix("Failed to connect to 127.0.0.1 port "))
        #expect(refused.reason.hasSuffix(": Couldn't connect to server"))
    }

    @Test func descriptionHasNoControlCharacters() {
        let error = HTTPError(url: "http://example.com/\u{1b}]0;title\u{07}x\u{9b}31m", reason: "HTTP 404 Not\u{1b}[2J Found")
        #expect(error.description == "http://example.com/]0;titlex31m: HTTP 404 Not[2J Found")
    }
}
