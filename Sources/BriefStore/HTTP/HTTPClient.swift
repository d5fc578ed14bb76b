import CCurl

/// Fetches http and https URLs with libcurl. It keeps no state between calls but its
/// options, so any thread may use it, and several at once.
public final class HTTPClient: Sendable {
    public let options: HTTPOptions

    public init(options: HTTPOptions) {
        self.options = options
        _ = HTTPClient.libcurlReady  // initialise libcurl now, before any transfer
    }

    /// `curl_global_init`, once per process (a static let is initialised exactly once).
    private static let libcurlReady: Bool = curl_global_init(brief_CURL_GLOBAL_DEFAULT) == CURLE_OK

    public func fetch(_ request: HTTPRequest) -> Result<HTTPResponse, HTTPError> {
        fetchAll([request])[0]
    }

    /// Several transfers at once on one curl multi handle, at most `perHostLimit` per host and
    /// `totalLimit` in all; the results in the order of the requests.
    public func fetchAll(_ requests: [HTTPRequest]) -> [Result<HTTPResponse, HTTPError>] {
        var results = requests.map { Result<HTTPResponse, HTTPError>.failure(HTTPError(url: $0.url, reason: "not fetched")) }
        guard HTTPClient.libcurlReady else {
            for (i, request) in requests.enumerated() {
                results[i] = .failure(HTTPError(url: request.url, reason: "libcurl could not be initialised"))
            }
            return results
        }
        var waiting: [Transfer] = []  // in the order of the requests
        for (i, request) in requests.enumerated() {
            switch Transfer.make(request, options: options, index: i) {
            case .success(let transfer): waiting.append(transfer)
            case .failure(let error): results[i] = .failure(error)
            }
        }
        guard !waiting.isEmpty else { return results }
        guard let multi = curl_multi_init() else {
            for transfer in waiting { results[transfer.index] = .failure(HTTPError(url: transfer.request.url, reason: "could not start a transfer (libcurl)")) }
            return results
        }
        defer { curl_multi_cleanup(multi) }

        let perHostLimit = max(1, options.perHostLimit), totalLimit = max(1, options.totalLimit)
        var running: [UnsafeMutableRawPointer: Transfer] = [:]
        var perHost: [String: Int] = [:]

        func finish(_ transfer: Transfer, _ outcome: Result<HTTPResponse, HTTPError>) {
            curl_multi_remove_handle(multi, transfer.easy)
            running[transfer.easy] = nil
            perHost[transfer.host, default: 1] -= 1
            results[transfer.index] = outcome
        }

        // Our own queue rather than CURLMOPT_MAX_HOST_CONNECTIONS: that limits connections,
        // and HTTP/2 would run any number of transfers on one of them.
        func startWhatFits() {
            var index = 0
            while index < waiting.count && running.count < totalLimit {
                let transfer = waiting[index]
                guard perHost[transfer.host, default: 0] < perHostLimit else { index += 1; continue }
                waiting.remove(at: index)
                let added = curl_multi_add_handle(multi, transfer.easy)
                if added != CURLM_OK {
                    results[transfer.index] = .failure(HTTPError(url: transfer.request.url, reason: multiError(added)))
                    continue
                }
                running[transfer.easy] = transfer
                perHost[transfer.host, default: 0] += 1
            }
        }

        while true {
            startWhatFits()
            if running.isEmpty && waiting.isEmpty { break }
            var active: Int32 = 0
            let performed = curl_multi_perform(multi, &active)
            if performed != CURLM_OK {
                // The multi handle is unusable: every transfer not finished fails with it.
                let reason = multiError(performed)
                for transfer in Array(running.values) { finish(transfer, .failure(HTTPError(url: transfer.request.url, reason: reason))) }
                for transfer in waiting { results[transfer.index] = .failure(HTTPError(url: transfer.request.url, reason: reason)) }
                break
            }
            var finishedAny = false
            var easy: UnsafeMutableRawPointer?
            var code = CURLE_OK
            while brief_multi_next_done(multi, &easy, &code) != 0 {
                guard let easy, let transfer = running[easy] else { continue }
                finish(transfer, transfer.outcome(code))
                finishedAny = true
            }
            // Start the next transfers at once; else wait for activity or libcurl's next timeout.
            if !finishedAny {
                _ = curl_multi_poll(multi, nil, 0, 1000, nil)
            }
        }
        return results
    }

    private func multiError(_ code: CURLMcode) -> String {
        "libcurl failed: \(String(cString: curl_multi_strerror(code)))"
    }
}
