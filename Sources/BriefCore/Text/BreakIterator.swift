import CICU

/// One ICU break iterator (a `UBreakIterator` behind the CICU shim), reused for
/// every text it is given. Not thread-safe: ICU iterators carry position state.
final class ICUBreakIterator {
    enum Kind {
        case character, word, line, sentence

        var cValue: CICUBreakKind {
            switch self {
            case .character: CICUBreakCharacter
            case .word: CICUBreakWord
            case .line: CICUBreakLine
            case .sentence: CICUBreakSentence
            }
        }
    }

    private let handle: OpaquePointer

    /// Nil when ICU cannot open the iterator (missing data, bad locale).
    init?(_ kind: Kind, locale: String) {
        guard let handle = cicu_break_open(kind.cValue, locale) else { return nil }
        self.handle = handle
    }

    deinit { cicu_break_close(handle) }

    /// Whether a word iterator's rule status marks the segment before the
    /// boundary as a word, number, kana or ideographs (not space or punctuation).
    static func isWord(status: Int32) -> Bool {
        status >= Int32(CICUWordNoneLimit) && status < Int32(CICUWordIdeoLimit)
    }

    /// Calls `body(offset, ruleStatus)` for every boundary after 0, in order,
    /// with UTF-16 offsets into `text`. Returns false (having called nothing)
    /// when ICU cannot take the text, e.g. when it is longer than Int32.max.
    func forEachBoundary(in text: UnsafeBufferPointer<UInt16>, _ body: (Int, Int32) -> Void) -> Bool {
        guard text.count <= Int(Int32.max),
              cicu_break_set_text(handle, text.baseAddress, Int32(text.count)) == 0
        else { return false }
        // ICU keeps a pointer to the text: drop it before the buffer goes away.
        defer { cicu_break_set_text(handle, nil, 0) }
        guard cicu_break_first(handle) == 0 else { return false }
        while true {
            let boundary = cicu_break_next(handle)
            if boundary == Int32(CICUBreakDone) || boundary < 0 { break }
            body(Int(boundary), cicu_break_rule_status(handle))
        }
        return true
    }
}

/// ICU boundaries of a Swift string, mapped to `String.Index`.
///
/// ICU works on UTF-16, Swift strings are UTF-8: the text is transcoded once
/// into a temporary buffer, and boundary offsets (which ICU always reports in
/// increasing order, never inside a surrogate pair) are turned into indices by
/// walking the UTF-16 view forward from the previous boundary, so the whole
/// mapping is linear in the text length.
///
/// `skip(utf16, offset)` can drop boundaries before they are mapped; it is
/// asked about every boundary except the end of the text.
///
/// Returns false, having called nothing, when the iterator could not run on
/// this text (then callers fall back to something simpler).
func icuBoundaries(
    of text: String,
    using iterator: ICUBreakIterator,
    skip: ((UnsafeBufferPointer<UInt16>, Int) -> Bool)? = nil,
    _ body: (String.Index, Int32) -> Void
) -> Bool {
    let utf16 = text.utf16
    let count = utf16.count
    if count == 0 { return true }
    guard count <= Int(Int32.max) else { return false }
    return withUnsafeTemporaryAllocation(of: UInt16.self, capacity: count) { buffer in
        // UInt16 is trivial, so the buffer needs no deinitialization.
        guard copyUTF16(of: text, into: buffer) else { return false }
        let units = UnsafeBufferPointer(buffer)
        var index = utf16.startIndex
        var offset = 0
        return iterator.forEachBoundary(in: units) { boundary, status in
            if boundary < count, let skip, skip(units, boundary) { return }
            index = utf16.index(index, offsetBy: boundary - offset)
            offset = boundary
            body(index, status)
        }
    }
}

/// Fills `buffer` (exactly `text.utf16.count` long) with the text's UTF-16.
/// Native strings are transcoded by ICU from their contiguous UTF-8; others
/// go through the (slower) UTF-16 view.
private func copyUTF16(of text: String, into buffer: UnsafeMutableBufferPointer<UInt16>) -> Bool {
    let converted = text.utf8.withContiguousStorageIfAvailable { utf8 -> Bool in
        guard utf8.count <= Int(Int32.max) else { return false }
        let written = utf8.withMemoryRebound(to: CChar.self) { utf8 in
            cicu_utf8_to_utf16(utf8.baseAddress, Int32(utf8.count), buffer.baseAddress, Int32(buffer.count))
        }
        return Int(written) == buffer.count
    }
    if converted == true { return true }
    return buffer.initialize(from: text.utf16).index == buffer.count
}
