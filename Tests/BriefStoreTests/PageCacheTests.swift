import BriefProcess
import BriefStore
import Foundation
import Testing

/// A fresh temporary folder for one test, removed afterwards.
private func withTemporaryFolder<T>(_ body: (String) throws -> T) throws -> T {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("brief-pagecache-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    return try body(folder)
}

private func mode(_ path: String) -> mode_t? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return info.st_mode & 0o777
}

private let redirected = HTTPResponse(
    requestedURL: "https://example.com/story", url: "https://www.example.com/2026/story.html", status: 200,
    headers: ["content-type": "text/html; charset=UTF-8"], body: Array("<p>Story \u{1F4F0}</p>\n".utf8))

@Suite("Page cache")
struct PageCacheTests {
    @Test func roundTripUnderBothURLs() throws {
        try withTemporaryFolder { folder in
            let cache = PageCache(directory: folder + "/cache/pages")
            let before = Int(Date().timeIntervalSince1970)
            try cache.store(redirected)
            for url in [redirected.requestedURL, redirected.url] {
                let page = try #require(cache.load(url: url))
                #expect(page.url == redirected.requestedURL)
                #expect(page.finalURL == redirected.url)
                #expect(page.contentType == "text/html; charset=UTF-8")
                #expect(page.charset == "utf-8")
                #expect(page.body == redirected.body)
                #expect(page.fetched >= before && page.fetched <= before + 60)
                #expect(mode(cache.path(for: url)) == 0o600)
            }
            #expect(mode(folder + "/cache/pages") == 0o700)
            #expect(cache.path(for: redirected.requestedURL).hasSuffix(".page"))
            #expect(cache.path(for: redirected.requestedURL) != cache.path(for: redirected.url))
        }
    }

    @Test func fileNameIsTheFNV1aOfTheURL() {
        // FNV-1a 64 of "" is its offset basis; of "a" a published test vector.
        #expect(PageCache(directory: "/c").path(for: "") == "/c/cbf29ce484222325.page")
        #expect(PageCache(directory: "/c").path(for: "a") == "/c/af63dc4c8601ec8c.page")
    }

    @Test func anotherURLIsAMiss() throws {
        try withTemporaryFolder { folder in
            let cache = PageCache(directory: folder)
            try cache.store(redirected)
            #expect(cache.load(url: "https://example.com/other") == nil)
        }
    }

    @Test func aFileNamingAnotherURLIsAMiss() throws {
        try withTemporaryFolder { folder in
            let cache = PageCache(directory: folder)
            try cache.store(redirected)
            // As if another URL hashed to the same name: its file names a URL that is not ours.
            let other = "https://example.com/collides"
            try FileManager.default.copyItem(atPath: cache.path(for: redirected.requestedURL), toPath: cache.path(for: other))
            #expect(cache.load(url: other) == nil)
        }
    }

    @Test func unwritableFolderIsAStoreError() throws {
        try withTemporaryFolder { folder in
            // A folder below a regular file cannot be made, even by root.
            _ = FileManager.default.createFile(atPath: folder + "/file", contents: Data("x".utf8))
            let cache = PageCache(directory: folder + "/file/pages")
            #expect(throws: StoreError(path: folder + "/file/pages", reason: "Not a directory")) {
                try cache.store(redirected)
            }
        }
    }

    /// A damaged page file, named in the test's output by what is wrong with it.
    struct Damage: CustomTestStringConvertible, Sendable {
        var testDescription: String
        var content: String
    }

    static let damages = [
        Damage(testDescription: "empty", content: ""),
        Damage(testDescription: "not a page file", content: "garbage"),
        Damage(testDescription: "no header end", content: "brief-page 1\n"),
        Damage(testDescription: "fields missing", content: "brief-page 1\nurl https://example.com/story\n\n"),
        Damage(testDescription: "another version", content: "brief-page 2\nurl https://example.com/story\nfinal x\ntype \nfetched 1\nlength 0\n\n"),
        Damage(testDescription: "time not a number", content: "brief-page 1\nurl https://example.com/story\nfinal x\ntype \nfetched soon\nlength 0\n\n"),
        Damage(testDescription: "body shorter than its length", content: "brief-page 1\nurl https://example.com/story\nfinal x\ntype \nfetched 1\nlength 9\n\nshort"),
        Damage(testDescription: "a line without a value", content: "brief-page 1\nurl https://example.com/story\nfinal\ntype \nfetched 1\nlength 0\n\n"),
    ]

    @Test(arguments: damages)
    func corruptedFileIsAMiss(damage: Damage) throws {
        try withTemporaryFolder { folder in
            let cache = PageCache(directory: folder)
            let url = "https://example.com/story"
            _ = FileManager.default.createFile(atPath: cache.path(for: url), contents: Data(damage.content.utf8))
            #expect(cache.load(url: url) == nil)
        }
    }

    @Test func truncatedStoredFileIsAMiss() throws {
        try withTemporaryFolder { folder in
            let cache = PageCache(directory: folder)
            try cache.store(redirected)
            let path = cache.path(for: redirected.requestedURL)
            let whole = try Data(contentsOf: URL(fileURLWithPath: path))
            try whole.dropLast(3).write(to: URL(fileURLWithPath: path))
            #expect(cache.load(url: redirected.requestedURL) == nil)
            #expect(cache.load(url: redirected.url) != nil)  // the other copy is whole
        }
    }

    @Test func notModifiedKeepsTheStoredCopy() throws {
        try withTemporaryFolder { folder in
            let cache = PageCache(directory: folder)
            try cache.store(redirected)
            var notModified = redirected
            notModified.status = 304
            notModified.body = []
            try cache.store(notModified)
            #expect(cache.load(url: redirected.requestedURL)?.body == redirected.body)
        }
    }

    @Test func standardFolderFollowsXDG() {
        let xdg: BriefStore.Environment = ["XDG_CACHE_HOME": "/var/cache/me", "HOME": "/home/me"]
        #expect(PageCache.standard(environment: xdg).directory == "/var/cache/me/brief/pages")
        let relative: BriefStore.Environment = ["XDG_CACHE_HOME": "cache", "HOME": "/home/me"]
        #expect(PageCache.standard(environment: relative).directory == "/home/me/.cache/brief/pages")
    }

    @Test func fetchKeepsThePageForOffline() throws {
        try withTemporaryFolder { folder in
            try withFaultServer { server in
                let cache = PageCache(directory: folder + "/pages")
                let client = testClient()
                let url = server.url("/redirect/1")
                #expect(failure(cache.fetch(url, client: client, offline: true))
                    == HTTPError(url: url, reason: "not in the page cache (offline)"))
                let first = try cache.fetch(url, client: client).get()
                #expect(!first.fromCache)
                #expect(first.storeError == nil)
                #expect(first.page.finalURL == server.url("/ok"))
                server.stop()  // from now on only the cache can answer
                let offline = try cache.fetch(url, client: client, offline: true).get()
                #expect(offline.fromCache)
                #expect(offline.page == first.page)
                let online = try cache.fetch(server.url("/ok"), client: client).get()
                #expect(online.fromCache)
                #expect(failure(cache.fetch(server.url("/404"), client: client))?.status == nil)  // refused: server gone
            }
        }
    }

    @Test func fetchReportsAPageItCouldNotKeep() throws {
        try withTemporaryFolder { folder in
            try withFaultServer { server in
                _ = FileManager.default.createFile(atPath: folder + "/file", contents: Data("x".utf8))
                let cache = PageCache(directory: folder + "/file/pages")
                let client = testClient()
                let fetched = try cache.fetch(server.url("/ok"), client: client).get()
                #expect(!fetched.fromCache)
                #expect(fetched.page.body.count > 0)
                #expect(fetched.storeError == StoreError(path: folder + "/file/pages", reason: "Not a directory"))
            }
        }
    }
}

private func failure(_ result: Result<PageFetch, HTTPError>) -> HTTPError? {
    if case .failure(let error) = result { return error }
    return nil
}
