extension RandomAccessCollection where Index == Int {
    /// The first index whose element satisfies `isAfter`, found by binary search; `endIndex`
    /// when none does. `isAfter` must be false for a prefix of the collection and true for
    /// the rest (as "line starts after this offset" is for lines in reading order).
    @inlinable
    public func partitionPoint(_ isAfter: (Element) throws -> Bool) rethrows -> Int {
        var low = startIndex, high = endIndex
        while low < high {
            let mid = low + (high - low) / 2
            if try isAfter(self[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
