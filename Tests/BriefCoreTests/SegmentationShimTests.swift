import CICU
import Testing

// The C shim reports misuse with NULL or -1 instead of aborting.
@Suite("ICU shim error handling")
struct SegmentationShimTests {
    @Test func invalidKindGivesNull() {
        #expect(cicu_break_open(CICUBreakKind(rawValue: 9), "en") == nil)
    }

    @Test func nullIteratorIsHarmless() {
        cicu_break_close(nil)
        #expect(cicu_break_set_text(nil, nil, 0) == -1)
        #expect(cicu_break_first(nil) == -1)
        #expect(cicu_break_next(nil) == -1)
        #expect(cicu_break_following(nil, 0) == -1)
        #expect(cicu_break_preceding(nil, 0) == -1)
        #expect(cicu_break_rule_status(nil) == -1)
    }

    @Test func badTextAndOffsets() throws {
        let iterator = try #require(cicu_break_open(CICUBreakWord, "en"))
        defer { cicu_break_close(iterator) }
        #expect(cicu_break_set_text(iterator, nil, 5) == -1)
        #expect(cicu_break_set_text(iterator, nil, -1) == -1)
        // After a failed set_text the iterator has empty text.
        #expect(cicu_break_first(iterator) == 0)
        #expect(cicu_break_next(iterator) == -1)

        let text = Array("ab cd".utf16)
        text.withUnsafeBufferPointer { buffer in
            #expect(cicu_break_set_text(iterator, buffer.baseAddress, Int32(buffer.count)) == 0)
            #expect(cicu_break_following(iterator, -1) == -1)
            #expect(cicu_break_following(iterator, 6) == -1)
            #expect(cicu_break_following(iterator, 0) == 2)
            #expect(cicu_break_rule_status(iterator) >= Int32(CICUWordLetter))
            #expect(cicu_break_preceding(iterator, 5) == 3)
            #expect(cicu_break_following(iterator, 5) == -1)
            #expect(cicu_break_set_text(iterator, nil, 0) == 0)
        }
    }

    @Test func unknownLocaleFallsBackToRoot() throws {
        // ICU falls back to root rules rather than failing for an unknown locale.
        let iterator = try #require(cicu_break_open(CICUBreakSentence, "zz-unknown"))
        cicu_break_close(iterator)
    }
}
