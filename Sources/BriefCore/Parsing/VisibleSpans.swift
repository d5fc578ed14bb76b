/// A span found while a block's raw text is gathered: its range is in the raw bytes, before
/// whitespace is collapsed.
struct RawSpan {
    var kind: InlineSpan.Kind
    var range: Range<Int>
}

/// `collapseWhitespace(bytes)`, with each span carried over to the collapsed text: it runs
/// from its first byte that is not whitespace to its last, so it covers exactly the text it
/// covered before. Spans over whitespace alone are dropped; the rest come sorted by start,
/// the longer (outer) first.
func collapseWhitespace(_ bytes: [UInt8], carrying spans: [RawSpan]) -> (text: String, spans: [InlineSpan]) {
    let text = collapseWhitespace(bytes)
    if spans.isEmpty { return (text, []) }
    // The first and last visible byte of every span, found in the text in one pass.
    var marks: [(byte: Int, span: Int, isEnd: Bool)] = []
    marks.reserveCapacity(2 * spans.count)
    for (k, span) in spans.enumerated() {
        var lower = max(0, span.range.lowerBound), upper = min(bytes.count, span.range.upperBound)
        while lower < upper && isCollapsedSpace(bytes[lower]) { lower += 1 }
        while upper > lower && isCollapsedSpace(bytes[upper - 1]) { upper -= 1 }
        guard lower < upper else { continue }
        marks.append((lower, k, false))
        marks.append((upper - 1, k, true))
    }
    if marks.isEmpty { return (text, []) }
    marks.sort { $0.byte < $1.byte }
    var lowers = [Int](repeating: -1, count: spans.count)
    var uppers = [Int](repeating: -1, count: spans.count)
    bytes.withUnsafeBufferPointer { buf in
        // The same walk as `collapseWhitespace`: `count` is where the next kept byte goes.
        var count = 0
        var pendingSpace = false
        var m = 0
        var i = 0
        while m < marks.count {
            if isCollapsedSpace(buf[i]) {
                pendingSpace = count > 0
            } else {
                if pendingSpace { count += 1; pendingSpace = false }
                while m < marks.count && marks[m].byte == i {
                    if marks[m].isEnd { uppers[marks[m].span] = count + 1 } else { lowers[marks[m].span] = count }
                    m += 1
                }
                count += 1
            }
            i += 1
        }
    }
    // Spans are found as they close, inner ones first: of two with the same range, the later
    // found is the outer one and comes first.
    var kept = spans.indices.filter { lowers[$0] >= 0 && uppers[$0] > lowers[$0] }
    kept.sort { (lowers[$0], -uppers[$0], -$0) < (lowers[$1], -uppers[$1], -$1) }
    return (text, kept.map { InlineSpan(kind: spans[$0].kind, range: lowers[$0]..<uppers[$0]) })
}

/// The bytes `collapseWhitespace` folds into one space.
@inline(__always) func isCollapsedSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 }

extension Array where Element == InlineSpan {
    /// The spans after the first `count` bytes of their text are removed (cut to what remains).
    func droppingPrefix(_ count: Int) -> [InlineSpan] {
        compactMap { span in
            let lower = Swift.max(0, span.range.lowerBound - count), upper = span.range.upperBound - count
            return upper > lower ? InlineSpan(kind: span.kind, range: lower..<upper) : nil
        }
    }
}
