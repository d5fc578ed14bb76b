/// A block found by a block phase, before the inline phase has made its text visible.
struct RawBlock {
    var kind: Block.Kind
    var line: Int
    var level: Int
    /// Inline source (joined lines) for text blocks; the code itself for code blocks.
    var raw: [UInt8]
    var marker: String? = nil
    var info: String? = nil
    /// HTML blocks: tags are dropped and only their text is kept.
    var isHTML = false
    /// Tables: the inline source of each cell, row by row (the header row first).
    var cells: [[[UInt8]]] = []
    /// Tables: each column's alignment, from the delimiter row.
    var alignments: [ColumnAlignment] = []
}

/// Lines of a cleaned source: byte ranges without the "\n".
struct SourceLines {
    let bytes: [UInt8]
    private(set) var ranges: [Range<Int>] = []

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var start = 0
        bytes.withUnsafeBufferPointer { buf in
            var i = 0
            let n = buf.count
            while i < n {
                if buf[i] == 0x0A {
                    ranges.append(start..<i)
                    start = i + 1
                }
                i += 1
            }
        }
        if start < bytes.count { ranges.append(start..<bytes.count) }
    }

    var count: Int { ranges.count }
    subscript(i: Int) -> ArraySlice<UInt8> { bytes[ranges[i]] }
}

extension ArraySlice where Element == UInt8 {
    /// Whether the slice holds only spaces and tabs.
    var isBlankLine: Bool { allSatisfy { $0 == 0x20 || $0 == 0x09 } }

    /// The slice without leading and trailing spaces and tabs.
    var trimmedLine: ArraySlice<UInt8> {
        var s = startIndex, e = endIndex
        while s < e && (self[s] == 0x20 || self[s] == 0x09) { s += 1 }
        while e > s && (self[e - 1] == 0x20 || self[e - 1] == 0x09) { e -= 1 }
        return self[s..<e]
    }

    /// Columns of leading whitespace (tabs to the next multiple of 4).
    var indentColumns: Int {
        var cols = 0
        for b in self {
            if b == 0x20 { cols += 1 } else if b == 0x09 { cols += 4 - cols % 4 } else { break }
        }
        return cols
    }
}
