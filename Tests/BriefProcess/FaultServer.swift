import Foundation

/// Runs fault-server.py (beside this file) on 127.0.0.1 for one test: `withFaultServer`
/// starts it, waits for the port it prints, and stops it (terminate, then wait) however
/// the test ends. The server also exits when its standard input closes, so it cannot
/// outlive a test process that crashed.
public final class FaultServer {
    public let port: Int
    private let process: Process
    private let input: Pipe
    private let output: Pipe

    public var base: String { "http://127.0.0.1:\(port)" }
    public func url(_ path: String) -> String { base + path }

    public static let script: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast()
        return (parts + ["fault-server.py"]).joined(separator: "/")
    }()

    /// Debian's python3 (scripts/setup.sh installs it), else the first on PATH.
    public static let python: [String] = FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")
        ? ["/usr/bin/python3"] : ["/usr/bin/env", "python3"]

    /// Whether that python can serve brotli (Debian's python3 cannot: the test is then skipped).
    public static let hasBrotli: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python[0])
        process.arguments = Array(python.dropFirst()) + ["-c", "import brotli"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    public struct StartFailure: Error, CustomStringConvertible { public var description: String }

    public init(deadline seconds: Double = 20) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: FaultServer.python[0])
        process.arguments = Array(FaultServer.python.dropFirst()) + [FaultServer.script]
        input = Pipe()
        output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        guard let port = FaultServer.firstLine(of: output.fileHandleForReading.fileDescriptor, within: seconds)
            .flatMap({ Int($0) }) else {
            FaultServer.stop(process, input, output)
            throw StartFailure(description: "fault-server.py printed no port within \(seconds) s")
        }
        self.port = port
    }

    /// The body of `path` on this server, fetched by python's urllib (no proxy): for a test
    /// to read what the server counted.
    public func get(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: FaultServer.python[0])
        process.arguments = Array(FaultServer.python.dropFirst()) + ["-c", """
            import sys, urllib.request
            opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
            sys.stdout.write(opener.open(sys.argv[1], timeout=20).read().decode("utf-8"))
            """, url(path)]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw StartFailure(description: "GET \(path) failed") }
        return String(decoding: data, as: UTF8.self)
    }

    /// Terminates the server and waits for it; a second call does nothing more.
    public func stop() { FaultServer.stop(process, input, output) }

    /// Closes the server's input (it exits at its end) and terminates it; SIGKILL if it is
    /// still there after 5 s, so a test never hangs on it. Then waits for it.
    private static func stop(_ process: Process, _ input: Pipe, _ output: Pipe) {
        try? input.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
        let deadline = ContinuousClock.now + .seconds(5)
        while process.isRunning && ContinuousClock.now < deadline { usleep(10_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        try? output.fileHandleForReading.close()
    }

    /// The first line written to `fd`, waiting at most `seconds` for it (never a fixed sleep).
    private static func firstLine(of fd: Int32, within seconds: Double) -> String? {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        var line: [UInt8] = []
        while true {
            let left = ContinuousClock.now.duration(to: deadline)
            guard left > .zero else { return nil }
            var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ms = Int32(max(1, left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000))
            let ready = poll(&entry, 1, ms)
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0 else { return nil }
            var byte: UInt8 = 0
            let n = read(fd, &byte, 1)
            if n < 0 && errno == EINTR { continue }
            guard n == 1 else { return nil }  // the server ended before printing its port
            if byte == UInt8(ascii: "\n") { return String(decoding: line, as: UTF8.self) }
            line.append(byte)
        }
    }
}

/// Runs `body` with a fault server of its own, stopped when `body` returns or throws.
public func withFaultServer<T>(_ body: (FaultServer) throws -> T) throws -> T {
    let server = try FaultServer()
    defer { server.stop() }
    return try body(server)
}

/// `body`'s result and the seconds it took.
public func timed<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let start = ContinuousClock.now
    let result = try body()
    let elapsed = start.duration(to: .now)
    return (result, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
}
