/// A day of the calendar, as the library shows an article's date: its own date (a web
/// page's publication date, a dateline) when it has one, else the day its file was changed.
public struct CalendarDay: Sendable, Equatable, Comparable, Hashable {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public static func < (a: CalendarDay, b: CalendarDay) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// "Dec 3" in `thisYear`, "2025-11-04" in any other (or when the year is not known).
    public func compact(thisYear: Int?) -> String {
        if year == thisYear { return "\(Self.monthNames[month - 1]) \(day)" }
        return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    /// The widest `compact` can be: the library's date column.
    public static let compactWidth = 10

    /// An article's own date: `published` (ISO-8601, from a web page) or else its dateline
    /// ("March 4, 2026", "WASHINGTON, March 4 (Reuters)", "2026-03-04", "4 March 2026").
    /// A dateline without a year takes the year of `near` (the file's day), the one before
    /// when the day would lie after it.
    public static func of(published: String?, dateline: String?, near: CalendarDay?) -> CalendarDay? {
        if let published, let day = iso(published.utf8) { return day }
        guard let dateline else { return nil }
        if let day = iso(dateline.utf8) { return day }
        return spelled(dateline, near: near)
    }

    /// "2026-03-04" at the start of `text` or after a space.
    static func iso(_ text: String.UTF8View) -> CalendarDay? {
        let bytes = Array(text.prefix(400))
        func number(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= bytes.count else { return nil }
            var value = 0
            for b in bytes[start..<start + count] {
                guard b >= 0x30, b <= 0x39 else { return nil }
                value = value * 10 + Int(b - 0x30)
            }
            return value
        }
        var i = 0
        while i + 10 <= bytes.count {
            if i == 0 || bytes[i - 1] == 0x20 || bytes[i - 1] == 0x28,
               let year = number(i, 4), bytes[i + 4] == 0x2D, let month = number(i + 5, 2), bytes[i + 7] == 0x2D,
               let day = number(i + 8, 2), i + 10 == bytes.count || !(0x30...0x39).contains(bytes[i + 10]) {
                return CalendarDay(year: year, month: month, day: day)
            }
            i += 1
        }
        return nil
    }

    static let spelledMonths: [String: Int] = {
        let full = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                    "october", "november", "december"]
        var months: [String: Int] = [:]
        for (index, name) in full.enumerated() {
            months[name] = index + 1
            months[String(name.prefix(3))] = index + 1
        }
        months["sept"] = 9
        return months
    }()

    /// "March 4, 2026", "Mar. 4", "4 March 2026", "Tuesday, March 4".
    static func spelled(_ text: String, near: CalendarDay?) -> CalendarDay? {
        let words = text.prefix(200).lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
        for (k, word) in words.enumerated() {
            guard let month = spelledMonths[word] else { continue }
            var day: Int?
            var yearAt = k + 2
            if k + 1 < words.count, let d = Int(words[k + 1]), (1...31).contains(d) {
                day = d
            } else if k > 0, let d = Int(words[k - 1]), (1...31).contains(d) {
                day = d
                yearAt = k + 1
            }
            guard let day else { continue }
            if yearAt < words.count, words[yearAt].count == 4, let year = Int(words[yearAt]) {
                return CalendarDay(year: year, month: month, day: day)
            }
            guard let near else { return nil }
            let later = (month, day) > (near.month, near.day)
            return CalendarDay(year: later ? near.year - 1 : near.year, month: month, day: day)
        }
        return nil
    }
}
