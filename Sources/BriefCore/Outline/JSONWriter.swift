/// A small JSON writer that keeps keys in the documented order and escapes every
/// control character (and U+2028/U+2029), so no output line can carry a raw control.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    /// Where full buffers go when streaming (see `flushIfLarge`); nil keeps everything.
    private let sink: (([UInt8]) -> Void)?

    public init(sink: (([UInt8]) -> Void)? = nil) {
        self.sink = sink
    }

    /// Hands the buffer to the sink once it is large, so a 100 MB outline is never
    /// held as one string.
    public mutating func flushIfLarge() {
        guard let sink, bytes.count >= 1 << 16 else { return }
        sink(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    /// Hands whatever is left to the sink.
    public mutating func flush() {
        guard let sink, !bytes.isEmpty else { return }
        sink(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    public var string: String { String(decoding: bytes, as: UTF8.self) }

    public mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    public mutating func string(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { utf8 in
            let n = utf8.count
            var i = 0
            var run = 0  // start of the pending run of bytes copied as they are
            while i < n {
                // Eight plain ASCII bytes at a time (most text needs no escape at all).
                if i + 8 <= n, Self.isPlainASCII(UnsafeRawPointer(utf8.baseAddress! + i).loadUnaligned(as: UInt64.self)) {
                    i += 8
                    continue
                }
                let b = utf8[i]
                var escape: UInt32? = nil
                var length = 1
                if b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F {
                    escape = UInt32(b)
                } else if b == 0xC2, i + 1 < n, utf8[i + 1] >= 0x80, utf8[i + 1] <= 0x9F {
                    escape = UInt32(utf8[i + 1]); length = 2                       // C1 controls
                } else if b == 0xE2, i + 2 < n, (utf8[i + 1] == 0x80 && (0xA8...0xAE).contains(utf8[i + 2]))
                            || (utf8[i + 1] == 0x81 && (0xA6...0xA9).contains(utf8[i + 2])) {
                    // U+2028/2029 and the bidi controls U+202A–202E, U+2066–2069
                    escape = 0x2000 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F); length = 3
                }
                guard let code = escape else { i += 1; continue }
                if run < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<i])) }
                switch code {
                case 0x22: raw("\\\"")
                case 0x5C: raw("\\\\")
                case 0x0A: raw("\\n")
                case 0x09: raw("\\t")
                case 0x0D: raw("\\r")
                default:
                    raw("\\u")
                    let hex = Array("0123456789abcdef".utf8)
                    for shift in stride(from: 12, through: 0, by: -4) {
                        bytes.append(hex[Int((code >> UInt32(shift)) & 0xF)])
                    }
                }
                i += length
                run = i
            }
            if run < n { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<n])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Whether eight bytes are all printable ASCII other than `"` and `\\` (0x20…0x7E):
    /// no byte below 0x20, none at or above 0x7F, none equal to 0x22 or 0x5C (SWAR tests).
    @inline(__always)
    static func isPlainASCII(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let below20 = (w &- ones &* 0x20) & ~w & highs
        let atLeast7F = (w &+ ones &* 0x01) & highs | (w & highs)
        let quote = w ^ (ones &* 0x22), backslash = w ^ (ones &* 0x5C)
        let hasQuote = (quote &- ones) & ~quote & highs
        let hasBackslash = (backslash &- ones) & ~backslash & highs
        return (below20 | atLeast7F | hasQuote | hasBackslash) == 0
    }

    public mutating func int(_ n: Int) {
        // Digits written in place: line numbers go out for every node.
        if n < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = n.magnitude
        let start = bytes.count
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes[start...].reverse()
    }

    /// Scores are written with three decimals: stable across runs and platforms.
    public mutating func number(_ x: Double) {
        let scaled = (x * 1000).rounded()
        let value = scaled / 1000
        if value == value.rounded() {
            bytes.append(contentsOf: String(Int(value)).utf8)
        } else {
            var text = String(Int(scaled.magnitude) / 1000) + "."
            var frac = String(Int(scaled.magnitude) % 1000)
            while frac.count < 3 { frac = "0" + frac }
            while frac.hasSuffix("0") { frac.removeLast() }
            text += frac
            if scaled < 0 { text = "-" + text }
            bytes.append(contentsOf: text.utf8)
        }
    }

    public mutating func key(_ k: StaticString) {
        bytes.append(UInt8(ascii: "\""))
        raw(k)
        raw("\":")
    }
}

extension Outline {
    /// The §3 contract: {"source", "title", "reading", "kind", "outline": [Node…]} on one line
    /// ("kind" once an analysis is attached; key-point nodes add "score" and "role").
    public func json(source: String, reading: Reading) -> String {
        var w = JSONWriter()
        write(source: source, reading: reading, to: &w)
        return w.string
    }

    /// The same JSON, streamed through the writer's sink.
    public func writeJSON(source: String, reading: Reading, sink: @escaping ([UInt8]) -> Void) {
        var w = JSONWriter(sink: sink)
        write(source: source, reading: reading, to: &w)
        w.raw("\n")
        w.flush()
    }

    func write(source: String, reading: Reading, to w: inout JSONWriter) {
        w.raw("{")
        w.key("source"); w.string(source); w.raw(",")
        w.key("title"); w.string(title); w.raw(",")
        w.key("reading"); w.string(reading.rawValue); w.raw(",")
        if let kind { w.key("kind"); w.string(kind.rawValue); w.raw(",") }
        w.key("outline"); Self.write(nodes, to: &w)
        w.raw("}")
    }

    static func write(_ nodes: [OutlineNode], to w: inout JSONWriter) {
        w.raw("[")
        for (i, node) in nodes.enumerated() {
            if i > 0 { w.raw(",") }
            w.raw("{")
            w.key("kind"); w.string(node.kind.rawValue); w.raw(",")
            w.key("text"); w.string(node.text); w.raw(",")
            w.key("line"); w.int(node.line); w.raw(",")
            w.key("level"); w.int(node.level); w.raw(",")
            if let score = node.score { w.key("score"); w.number(score); w.raw(",") }
            if let role = node.role { w.key("role"); w.string(role.rawValue); w.raw(",") }
            if !node.evidence.isEmpty {
                w.key("evidence"); w.raw("[")
                for (k, e) in node.evidence.enumerated() {
                    if k > 0 { w.raw(",") }
                    w.raw("{"); w.key("line"); w.int(e.line); w.raw(","); w.key("text"); w.string(e.text); w.raw("}")
                }
                w.raw("],")
            }
            w.key("children"); write(node.children, to: &w)
            w.raw("}")
            w.flushIfLarge()
        }
        w.raw("]")
    }
}
