import Testing
@testable import BriefCore

@Suite("An article's date for the library")
struct CalendarDayTests {
    let near = CalendarDay(year: 2026, month: 12, day: 3)

    @Test("A web page's publication date comes first, then the dateline")
    func publishedThenDateline() {
        #expect(CalendarDay.of(published: "2026-03-04T17:30:00Z", dateline: "May 1, 2020", near: near)
                == CalendarDay(year: 2026, month: 3, day: 4))
        #expect(CalendarDay.of(published: nil, dateline: "March 4, 2026", near: near) == CalendarDay(year: 2026, month: 3, day: 4))
        #expect(CalendarDay.of(published: nil, dateline: "Updated 9:41 a.m. ET, Tuesday, Sept. 30, 2025", near: near)
                == CalendarDay(year: 2025, month: 9, day: 30))
        #expect(CalendarDay.of(published: nil, dateline: "4 March 2026", near: near) == CalendarDay(year: 2026, month: 3, day: 4))
        #expect(CalendarDay.of(published: nil, dateline: "Published 2025-11-04", near: near) == CalendarDay(year: 2025, month: 11, day: 4))
    }

    @Test("A dateline without a year takes the file's year, the one before when it would lie later")
    func withoutYear() {
        #expect(CalendarDay.of(published: nil, dateline: "WASHINGTON, March 4 (Brief Wire)", near: near)
                == CalendarDay(year: 2026, month: 3, day: 4))
        let january = CalendarDay(year: 2026, month: 1, day: 10)
        #expect(CalendarDay.of(published: nil, dateline: "LONDON, Dec. 30 (Brief Wire)", near: january)
                == CalendarDay(year: 2025, month: 12, day: 30))
        #expect(CalendarDay.of(published: nil, dateline: "LONDON, Dec. 30", near: nil) == nil)
    }

    @Test("No date, or an impossible one, is none")
    func none() {
        #expect(CalendarDay.of(published: nil, dateline: nil, near: near) == nil)
        #expect(CalendarDay.of(published: "2026-13-45", dateline: "Maybe later", near: near) == nil)
        #expect(CalendarDay.of(published: nil, dateline: "May the best win", near: near) == nil)
    }

    @Test("Compact: month and day in this year, the full date in another")
    func compact() {
        #expect(CalendarDay(year: 2026, month: 12, day: 3)!.compact(thisYear: 2026) == "Dec 3")
        #expect(CalendarDay(year: 2025, month: 11, day: 4)!.compact(thisYear: 2026) == "2025-11-04")
        #expect(CalendarDay(year: 2025, month: 11, day: 4)!.compact(thisYear: nil) == "2025-11-04")
    }
}
