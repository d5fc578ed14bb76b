/// An open-addressing table from 64-bit word hashes to 32-bit values. The keys are
/// already well-mixed FNV-1a hashes, so the table indexes by their bits directly and
/// skips `Hasher` (SipHash), which would otherwise dominate the analysis of long texts.
/// Key 0 marks an empty slot; a real key of 0 is stored as 1 (one collision in 2^64).
///
/// A class over raw storage, so lookups in hot loops neither retain nor check bounds.
/// Not thread-safe to mutate; the shared word-list table is only read after it is built.
// @unchecked: safe because the only shared tables (the word lists) are built once, before
// any thread can see them, and only read afterwards; other tables never leave their thread.
final class HashTable: @unchecked Sendable {
    private var keys: UnsafeMutablePointer<UInt64>
    private var values: UnsafeMutablePointer<Int32>
    private var size: Int
    private(set) var count = 0

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        self.size = size
        keys = .allocate(capacity: size)
        keys.initialize(repeating: 0, count: size)
        values = .allocate(capacity: size)
        values.initialize(repeating: 0, count: size)
    }

    deinit {
        keys.deallocate()
        values.deallocate()
    }

    @inline(__always) private static func normalized(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

    @inline(__always) private func slot(of key: UInt64) -> Int {
        let mask = size - 1
        var i = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
        while keys[i] != 0 && keys[i] != key { i = (i + 1) & mask }
        return i
    }

    /// The value stored for `key`, if any.
    @inline(__always) func value(_ key: UInt64) -> Int32? {
        let key = Self.normalized(key)
        let i = slot(of: key)
        return keys[i] == key ? values[i] : nil
    }

    @inline(__always) func contains(_ key: UInt64) -> Bool { value(key) != nil }

    func set(_ key: UInt64, _ value: Int32) {
        let key = Self.normalized(key)
        let i = slot(of: key)
        values[i] = value
        if keys[i] == 0 {
            keys[i] = key
            count += 1
            if count * 2 > size { grow() }
        }
    }

    /// Adds `delta` to the value of `key` (0 when absent) and returns the new value.
    @discardableResult
    func add(_ key: UInt64, _ delta: Int32) -> Int32 {
        let key = Self.normalized(key)
        let i = slot(of: key)
        if keys[i] == 0 {
            keys[i] = key
            values[i] = delta
            count += 1
            if count * 2 > size { grow() }
            return delta
        }
        values[i] += delta
        return values[i]
    }

    private func grow() {
        let oldKeys = keys, oldValues = values, oldSize = size
        size *= 2
        keys = .allocate(capacity: size)
        keys.initialize(repeating: 0, count: size)
        values = .allocate(capacity: size)
        values.initialize(repeating: 0, count: size)
        for i in 0..<oldSize where oldKeys[i] != 0 {
            let j = slot(of: oldKeys[i])
            keys[j] = oldKeys[i]
            values[j] = oldValues[i]
        }
        oldKeys.deallocate()
        oldValues.deallocate()
    }
}
