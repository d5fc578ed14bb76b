import CICU

/// The bytes of a page turned into clean UTF-8. The charset comes, in this order, from a
/// byte order mark, the HTTP header, the page's `<meta charset>` or `http-equiv`
/// declaration, else UTF-8; an unknown name falls back to UTF-8, and what does not decode
/// becomes U+FFFD. The result is `SourceText`-clean: no terminal control survives.
public enum PageDecoding {
    public static func utf8(_ bytes: [UInt8], declared: String? = nil) -> (bytes: [UInt8], charset: String) {
        var body = bytes[...]
        var charset: String?
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            charset = "utf-8"
            body = bytes.dropFirst(3)
        } else if bytes.starts(with: [0xFE, 0xFF]) {
            charset = "utf-16be"
            body = bytes.dropFirst(2)
        } else if bytes.starts(with: [0xFF, 0xFE]) {
            charset = "utf-16le"
            body = bytes.dropFirst(2)
        }
        if charset == nil, let declared, let name = usable(declared) { charset = name }
        if charset == nil, let name = metaCharset(bytes).flatMap(usable) { charset = name }
        var name = charset ?? "utf-8"
        // A page saved or served as UTF-8 often still declares the charset it once had (or the
        // server's default): bytes that are valid UTF-8 with non-ASCII in them are read as UTF-8,
        // which legacy text almost never is by chance. A byte order mark is never second-guessed.
        if name != "utf-8", !bytes.starts(with: [0xFE, 0xFF]), !bytes.starts(with: [0xFF, 0xFE]),
           isNonASCIIUTF8(body) {
            name = "utf-8"
        }
        if name == "utf-8" {
            // Without a BOM the bytes themselves are cleaned: most pages need no change, and no copy is made.
            return (SourceText.clean(body.count == bytes.count ? bytes : Array(body)), name)
        }
        guard let converted = convert(Array(body), from: name) else {
            return (SourceText.clean(Array(body)), "utf-8")
        }
        return (SourceText.clean(converted), name)
    }

    /// Whether the bytes hold non-ASCII text and are valid UTF-8 throughout.
    static func isNonASCIIUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.contains(where: { $0 >= 0x80 }) else { return false }
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    /// A charset label as ICU should read it, or nil when it names nothing ICU knows.
    /// Labels follow the WHATWG Encoding Standard where it differs from their old meaning:
    /// Latin-1 and ASCII are read as windows-1252, and a page cannot declare itself UTF-16.
    static func usable(_ label: String) -> String? {
        var name = label.trimmingASCIIWhitespaceAndQuotes.lowercased()
        guard !name.isEmpty, name.count < 40, name.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return nil }
        switch name {
        case "utf8", "unicode-1-1-utf-8", "utf-16", "utf-16le", "utf-16be", "unicode": name = "utf-8"
        case "iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii", "cp1252", "x-cp1252", "iso_8859-1":
            name = "windows-1252"
        case "gb2312", "gbk", "x-gbk": name = "gb18030"
        default: break
        }
        if name == "utf-8" { return name }
        return cicu_charset_known(name) != 0 ? name : nil
    }

    static func convert(_ bytes: [UInt8], from charset: String) -> [UInt8]? {
        if bytes.isEmpty { return [] }
        var out = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
        let written = bytes.withUnsafeBufferPointer { input in
            out.withUnsafeMutableBufferPointer { output in
                cicu_convert_to_utf8(charset, input.baseAddress, Int64(input.count), output.baseAddress, Int64(output.count))
            }
        }
        guard written >= 0 else { return nil }
        out.removeSubrange(Int(written)...)
        return out
    }

    /// The charset a page declares in its first 4 KB: `<meta charset="…">` or
    /// `<meta http-equiv="Content-Type" content="text/html; charset=…">`.
    /// Scanned as ASCII bytes (lower-cased), not as a String: this runs on every page.
    static func metaCharset(_ bytes: [UInt8]) -> String? {
        let head = bytes.prefix(4096).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        var rest = head[...]
        while let start = rest.firstRange(of: metaTag) {
            let tagEnd = rest[start.upperBound...].firstIndex(of: 0x3E) ?? rest.endIndex
            if let value = charsetValue(in: rest[start.upperBound..<tagEnd]) { return value }
            rest = rest[tagEnd...]
        }
        return nil
    }

    private static func charsetValue(in tag: ArraySlice<UInt8>) -> String? {
        guard let range = tag.firstRange(of: charsetWord) else { return nil }
        var value = tag[range.upperBound...].drop { $0 == 0x20 }
        guard value.first == 0x3D else { return nil }  // =
        value = value.dropFirst().drop { $0 == 0x20 || $0 == 0x22 || $0 == 0x27 }
        let name = value.prefix { !charsetEnd.contains($0) }
        return name.isEmpty ? nil : String(decoding: name, as: UTF8.self)
    }

    private static let metaTag = Array("<meta".utf8)
    private static let charsetWord = Array("charset".utf8)
    private static let charsetEnd = Array(" \"';/>".utf8)
}

extension String {
    /// Trimmed over UTF-8 bytes (all trimmed characters are ASCII): it runs on every link.
    var trimmingASCIIWhitespaceAndQuotes: String {
        let isTrimmed: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x22 || $0 == 0x27 }
        let bytes = utf8
        guard let first = bytes.firstIndex(where: { !isTrimmed($0) }) else { return "" }
        let last = bytes.lastIndex(where: { !isTrimmed($0) })!
        return String(self[first...last])
    }
}
