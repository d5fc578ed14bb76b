/// Recognizes CommonMark raw HTML tags (`<a href="x">`, `</div>`, `<br/>`): where they end.
enum HTMLTag {
    /// End (exclusive) of an open or closing tag starting at `i` (which holds `<`), or nil.
    static func end(of s: [UInt8], at i: Int) -> Int? {
        let n = s.count
        var j = i + 1
        guard j < n else { return nil }
        if s[j] == UInt8(ascii: "/") {
            j += 1
            guard let afterName = tagName(s, j) else { return nil }
            j = skipWhitespace(s, afterName)
            return j < n && s[j] == UInt8(ascii: ">") ? j + 1 : nil
        }
        guard let afterName = tagName(s, j) else { return nil }
        j = afterName
        while true {
            let afterSpace = skipWhitespace(s, j)
            guard afterSpace < n else { return nil }
            let c = s[afterSpace]
            if c == UInt8(ascii: ">") { return afterSpace + 1 }
            if c == UInt8(ascii: "/") {
                return afterSpace + 1 < n && s[afterSpace + 1] == UInt8(ascii: ">") ? afterSpace + 2 : nil
            }
            // An attribute needs whitespace before it.
            guard afterSpace > j, let afterAttribute = attribute(s, afterSpace) else { return nil }
            j = afterAttribute
        }
    }

    /// Whether the line holds only one complete open or closing tag (HTML block type 7).
    static func isCompleteTagLine(_ s: [UInt8], at i: Int) -> Bool {
        guard let e = end(of: s, at: i) else { return false }
        return skipWhitespace(s, e) == s.count
    }

    static func tagName(_ s: [UInt8], _ i: Int) -> Int? {
        guard i < s.count, isASCIILetter(s[i]) else { return nil }
        var j = i + 1
        while j < s.count && (isASCIIAlphanumeric(s[j]) || s[j] == UInt8(ascii: "-")) { j += 1 }
        return j
    }

    private static func attribute(_ s: [UInt8], _ i: Int) -> Int? {
        let n = s.count
        guard i < n, isASCIILetter(s[i]) || s[i] == UInt8(ascii: "_") || s[i] == UInt8(ascii: ":") else { return nil }
        var j = i + 1
        while j < n && (isASCIIAlphanumeric(s[j]) || "_.:-".utf8.contains(s[j])) { j += 1 }
        let beforeValue = j
        j = skipWhitespace(s, j)
        guard j < n, s[j] == UInt8(ascii: "=") else { return beforeValue }
        j = skipWhitespace(s, j + 1)
        guard j < n else { return nil }
        let q = s[j]
        if q == UInt8(ascii: "\"") || q == UInt8(ascii: "'") {
            var k = j + 1
            while k < n && s[k] != q { k += 1 }
            return k < n ? k + 1 : nil
        }
        var k = j
        while k < n {
            let c = s[k]
            if c <= 0x20 || "\"'=<>`".utf8.contains(c) { break }
            k += 1
        }
        return k > j ? k : nil
    }

    static func skipWhitespace(_ s: [UInt8], _ i: Int) -> Int {
        var j = i
        while j < s.count && (s[j] == 0x20 || s[j] == 0x09 || s[j] == 0x0A) { j += 1 }
        return j
    }
}
