import Testing
import BriefCore

@Suite("Binary search")
struct PartitionPointTests {
    @Test("The first index where the predicate turns true; the end when it never does; slices keep their indices")
    func partitionPoint() {
        let values = [1, 3, 3, 5, 8]
        #expect(values.partitionPoint { $0 >= 3 } == 1)
        #expect(values.partitionPoint { $0 > 3 } == 3)
        #expect(values.partitionPoint { $0 > 0 } == 0)
        #expect(values.partitionPoint { $0 > 8 } == 5)
        #expect([Int]().partitionPoint { _ in true } == 0)
        #expect(values[2...].partitionPoint { $0 >= 5 } == 3)
        #expect((10..<20).partitionPoint { $0 * $0 > 200 } == 15)
    }
}
