/// A small JSON writer that keeps keys in the documented order and escapes every
/// control character (and U+2028/U+2029), so no output line can carry a raw control.
///
/// The writer owns every separator: callers open and close objects and arrays and write keys
/// and values, and the writer puts the `,` and `:` between them. One flag is enough for that:
/// a comma goes before a key or value exactly when a complete value precedes it in the same
/// container (a key clears the flag, so its value gets none; opening a container clears it,
/// closing one and writing a value set it). Keeping the output well formed otherwise (keys
/// only in objects, balanced brackets) is up to the caller; the closure forms
/// (`object { … }`, `array { … }`) balance by construction.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    /// Where full buffers go when streaming (see `flushIfLarge`); nil keeps everything.
    private let sink: (([UInt8]) -> Void)?
    /// Whether a value was completed in the current container, so the next key or value
    /// needs a comma first.
    private var needsComma = false

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

    /// Bytes known to be JSON already: escapes and literals, never separators from callers.
    private mutating func append(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// The comma before a key or a value that follows another in its container.
    @inline(__always)
    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    // MARK: Containers

    /// `{`, as a value (in an array, at the top, or after `key`).
    public mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    public mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    /// `[`, as a value (in an array, at the top, or after `key`).
    public mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
    }

    public mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// `"key":{` … `}`.
    public mutating func beginObject(_ key: StaticString) {
        self.key(key)
        beginObject()
    }

    /// `"key":[` … `]`.
    public mutating func beginArray(_ key: StaticString) {
        self.key(key)
        beginArray()
    }

    /// An object whose members `body` writes.
    @inline(__always)
    public mutating func object(_ body: (inout JSONWriter) throws -> Void) rethrows {
        beginObject()
        try body(&self)
        endObject()
    }

    /// An array whose elements `body` writes.
    @inline(__always)
    public mutating func array(_ body: (inout JSONWriter) throws -> Void) rethrows {
        beginArray()
        try body(&self)
        endArray()
    }

    /// `"key":{…}`, the members written by `body`.
    @inline(__always)
    public mutating func object(_ key: StaticString, _ body: (inout JSONWriter) throws -> Void) rethrows {
        self.key(key)
        try object(body)
    }

    /// `"key":[…]`, the elements written by `body`.
    @inline(__always)
    public mutating func array(_ key: StaticString, _ body: (inout JSONWriter) throws -> Void) rethrows {
        self.key(key)
        try array(body)
    }

    /// Ends one record of a stream of JSON objects, one a line: a newline, and the next
    /// value starts without a comma.
    public mutating func endLine() {
        bytes.append(UInt8(ascii: "\n"))
        needsComma = false
    }

    // MARK: Keys

    /// `"key":` in an object, the comma before it if a member precedes. `key` is written as
    /// it is: the static keys of the formats need no escape.
    public mutating func key(_ key: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        append(key)
        append("\":")
        needsComma = false
    }

    /// A key made at run time (a feature's name), escaped like any string.
    public mutating func key(escaping key: String) {
        string(key)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    // MARK: Members: a key and its value

    public mutating func field(_ key: StaticString, _ value: String) {
        self.key(key)
        string(value)
    }

    /// The string, or `null` when there is none.
    public mutating func field(_ key: StaticString, _ value: String?) {
        self.key(key)
        if let value { string(value) } else { null() }
    }

    public mutating func field(_ key: StaticString, _ value: Int) {
        self.key(key)
        int(value)
    }

    public mutating func field(_ key: StaticString, _ value: Bool) {
        self.key(key)
        bool(value)
    }

    /// A score, with three decimals (see `number`).
    public mutating func field(_ key: StaticString, number value: Double) {
        self.key(key)
        number(value)
    }

    /// `"key":["…",…]`.
    public mutating func field(_ key: StaticString, _ values: [String]) {
        self.key(key)
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    // MARK: Values

    public mutating func bool(_ value: Bool) {
        separate()
        if value { append("true") } else { append("false") }
        needsComma = true
    }

    public mutating func null() {
        separate()
        append("null")
        needsComma = true
    }

    /// A value rendered by another writer (`JSONWriter.string`), written as it is.
    public mutating func json(_ rendered: String) {
        separate()
        bytes.append(contentsOf: rendered.utf8)
        needsComma = true
    }

    public mutating func string(_ s: String) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        appendEscaped(s)
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    /// `"key":"part1<separator>part2…"`, escaped part by part: the one long string is never built.
    public mutating func field(_ key: StaticString, joining parts: [String], separator: String) {
        self.key(key)
        separate()
        bytes.append(UInt8(ascii: "\""))
        for (n, part) in parts.enumerated() {
            if n > 0 { appendEscaped(separator) }
            appendEscaped(part)
            flushIfLarge()
        }
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    private mutating func appendEscaped(_ s: String) {
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
                case 0x22: append("\\\"")
                case 0x5C: append("\\\\")
                case 0x0A: append("\\n")
                case 0x09: append("\\t")
                case 0x0D: append("\\r")
                default:
                    append("\\u")
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
        separate()
        needsComma = true
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
        separate()
        needsComma = true
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
}

extension Outline {
    /// The stable outline format the README documents: {"source", "title", "reading", "kind",
    /// "outline": [Node…]} on one line, keys in that order ("kind" once an analysis is
    /// attached; key-point nodes add "score" and "role", summary bullets "evidence").
    public func json(source: String, reading: Reading) -> String {
        var w = JSONWriter()
        write(source: source, reading: reading, to: &w)
        return w.string
    }

    /// The same JSON, streamed through the writer's sink.
    public func writeJSON(source: String, reading: Reading, sink: @escaping ([UInt8]) -> Void) {
        var w = JSONWriter(sink: sink)
        write(source: source, reading: reading, to: &w)
        w.endLine()
        w.flush()
    }

    func write(source: String, reading: Reading, to w: inout JSONWriter) {
        w.beginObject()
        w.field("source", source)
        w.field("title", title)
        w.field("reading", reading.rawValue)
        if let kind { w.field("kind", kind.rawValue) }
        w.beginArray("outline")
        Self.write(nodes, to: &w)
        w.endArray()
        w.endObject()
    }

    /// The nodes as elements of the array the caller has opened. With begin/end rather than
    /// the closure forms: this runs for every node of every article, and the closures
    /// measured a few percent slower here.
    static func write(_ nodes: [OutlineNode], to w: inout JSONWriter) {
        for node in nodes {
            w.beginObject()
            w.field("kind", node.kind.rawValue)
            w.field("text", node.text)
            w.field("line", node.line)
            w.field("level", node.level)
            if let score = node.score { w.field("score", number: score) }
            if let role = node.role { w.field("role", role.rawValue) }
            if !node.evidence.isEmpty {
                w.beginArray("evidence")
                for e in node.evidence {
                    w.beginObject()
                    w.field("line", e.line)
                    w.field("text", e.text)
                    w.endObject()
                }
                w.endArray()
            }
            w.beginArray("children")
            write(node.children, to: &w)
            w.endArray()
            w.endObject()
            w.flushIfLarge()
        }
    }
}
