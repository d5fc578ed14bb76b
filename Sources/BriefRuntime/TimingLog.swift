import BriefStore
#if canImport(Glibc)
import Glibc
#endif

/// Timings for the benchmark: with BRIEF_TIMING=FILE, one "label<TAB>microseconds<TAB>detail"
/// line per phase of start-up (since start) and per key handled (read to drawn).
public struct TimingLog: Sendable {
    let fd: Int32
    public let start = TimingLog.now()

    public init?(environment: Environment) {
        guard let path = environment["BRIEF_TIMING"] else { return nil }
        fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        if fd < 0 { return nil }
    }

    public static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000 + UInt64(time.tv_nsec) / 1000
    }

    /// A line for `label`: the time since `since` (default: the start).
    public func write(_ label: String, since: UInt64? = nil, detail: String = "") {
        let line = "\(label)\t\(TimingLog.now() - (since ?? start))\t\(detail)\n"
        _ = FileIO.writeAll(fd, Array(line.utf8))
    }
}
