#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the previews of a large article start and end. A large article opens on a parse
/// of its beginning (and, for `G`, of its end) while the whole is parsed in the background;
/// the previews are cut at blank lines so that their blocks are those of the whole parse.
public enum LargeArticle {
    /// Articles at least this large are parsed and analysed in the background.
    public static let backgroundSize = 1 << 20
    /// How much of a large article each preview parses.
    public static let previewSize = 64 << 10

    /// Where the preview of the beginning ends: at a blank line (or else a line end)
    /// before `previewSize`.
    public static func previewEnd(_ bytes: [UInt8]) -> Int {
        let limit = min(bytes.count, previewSize)
        var lineEnd: Int?
        var i = limit - 1
        while i > 0 {
            if bytes[i] == 0x0A {
                if bytes[i - 1] == 0x0A { return i }
                if lineEnd == nil { lineEnd = i }
            }
            i -= 1
        }
        return lineEnd ?? limit
    }

    /// Where the preview of the end starts: just after a blank line (or else a line end) in
    /// the last `previewSize` bytes.
    public static func tailStart(_ bytes: [UInt8]) -> Int {
        guard bytes.count > previewSize else { return 0 }
        var lineStart: Int?
        var i = bytes.count - previewSize
        while i + 1 < bytes.count {
            if bytes[i] == 0x0A {
                if bytes[i + 1] == 0x0A { return i + 2 }
                if lineStart == nil { lineStart = i + 1 }
            }
            i += 1
        }
        return lineStart ?? bytes.count - previewSize
    }

    /// Line breaks in some bytes as the parser counts them: LF, CR LF, or a CR alone.
    public static func lineBreaks(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.withUnsafeBufferPointer { b in
            var count = 0
            for byte in b { count &+= byte == 0x0A ? 1 : 0 }  // a loop the compiler vectorizes
            guard let base = b.baseAddress, memchr(base, 0x0D, b.count) != nil else { return count }
            for k in b.indices where b[k] == 0x0D && (k + 1 == b.count || b[k + 1] != 0x0A) { count += 1 }
            return count
        }
    }

    /// The preview of the end as an article: the blocks of `bytes[tailStart...]` with the
    /// whole file's line numbers, under the given title.
    public static func tail(of bytes: [UInt8], fileName: String?, title: String) -> Article {
        let start = tailStart(bytes)
        let parsed = ArticleParser.parse(bytes: bytes[start...], fileName: fileName)
        let linesBefore = lineBreaks(bytes[..<start])
        var blocks = parsed.blocks
        for i in blocks.indices { blocks[i].line += linesBefore }
        return Article(title: title, titleLine: nil, byline: nil, dateline: nil, reading: parsed.reading, blocks: blocks)
    }
}
