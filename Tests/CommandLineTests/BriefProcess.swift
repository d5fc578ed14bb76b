import Foundation

/// The package's own folder: the tests run the binary there, on the bundled Articles/.
let packageRoot: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)  // Tests/CommandLineTests/BriefProcess.swift
    return parts.joined(separator: "/")
}()

/// Runs the built `brief` executable (`swift test` builds it next to the tests).
/// (BriefCoreTests keeps its own copy for its few command-line checks of notes and output.)
enum BriefProcess {
    /// `BRIEF_BINARY` names another build (scripts/sanitizers.sh points it at the sanitized one).
    static var binary: String {
        ProcessInfo.processInfo.environment["BRIEF_BINARY"] ?? packageRoot + "/.build/debug/brief"
    }
    static var exists: Bool { FileManager.default.isExecutableFile(atPath: binary) }

    struct Result { var status: Int32; var out: String; var err: String }

    static func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: packageRoot)
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, out: String(decoding: o, as: UTF8.self),
                      err: String(decoding: e, as: UTF8.self))
    }

    /// A fresh temporary folder, removed by the caller.
    static func temporaryDirectory(_ name: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("brief-\(name)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}
