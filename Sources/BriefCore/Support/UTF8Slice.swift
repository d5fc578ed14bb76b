extension String {
    /// The text between two UTF-8 offsets (a sentence of a block, a key point of an item),
    /// clamped to the string; offsets inside a character decode with replacement.
    public func utf8Slice(_ range: Range<Int>) -> String {
        let utf8 = self.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: min(max(range.lowerBound, 0), utf8.count))
        let upper = utf8.index(lower, offsetBy: min(range.count, utf8.distance(from: lower, to: utf8.endIndex)))
        return String(decoding: utf8[lower..<upper], as: UTF8.self)
    }
}
