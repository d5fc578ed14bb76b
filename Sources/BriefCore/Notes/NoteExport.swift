import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// A note with where it is now, ready to list or export.
public struct PlacedNote: Sendable, Equatable {
    public var note: Note
    public var placement: NotePlacement
    public var source: String
    public var title: String
}

/// The notes of one article in reading order, placed in its current text.
public struct NotesReport: Sendable, Equatable {
    public var title: String
    public var source: String
    /// "By …" as the article gives it; nil when unknown (or the article could not be read).
    public var byline: String?
    /// The article's date as it gives it: a web page's ISO-8601 publication date, else the
    /// dateline at the top of the text ("March 4, 2026"); nil when unknown.
    public var date: String?
    public var notes: [PlacedNote]

    /// Places every stored note in `article` (nil when the article could not be read).
    public init(stored: ArticleNotes, article: Article?) {
        title = article?.title ?? stored.title
        source = stored.source
        byline = article?.byline
        date = article?.published ?? article?.dateline
        notes = stored.notes.map { note in
            let placement = article.map { NoteAnchor.place(note, in: $0) }
                ?? NotePlacement(status: .articleMissing, line: note.line, section: note.section)
            return PlacedNote(note: note, placement: placement, source: stored.source, title: stored.title)
        }
        // Reading order: by block and offset; orphaned notes last, by their old line.
        notes.sort { a, b in
            let ka = (a.placement.isOrphaned ? 1 : 0, a.placement.blockIndex ?? Int.max, a.placement.range?.lowerBound ?? 0, a.placement.line)
            let kb = (b.placement.isOrphaned ? 1 : 0, b.placement.blockIndex ?? Int.max, b.placement.range?.lowerBound ?? 0, b.placement.line)
            if ka.0 != kb.0 { return ka.0 < kb.0 }
            if ka.1 != kb.1 { return ka.1 < kb.1 }
            if ka.2 != kb.2 { return ka.2 < kb.2 }
            return ka.3 < kb.3
        }
    }
}

/// Notes as plain text, Markdown or JSON.
///
/// Text and Markdown are for people: times in local time ("21 Sep 2026, 16:13"), each note under
/// its section with its passage, the note labelled apart from the quote. JSON is for programs:
/// UTC ISO-8601 times, keys documented in the README and never renamed.
public enum NoteExporter {
    public enum Format: String, Sendable, CaseIterable { case text, markdown, json }

    /// Seconds east of UTC in effect at a date: the local time zone by default (`TZ`,
    /// `/etc/localtime`); tests give a fixed one.
    public typealias UTCOffset = @Sendable (Date) -> Int

    public static let localOffset: UTCOffset = { date in
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        guard localtime_r(&seconds, &parts) != nil else { return 0 }
        return parts.tm_gmtoff
    }

    public static func export(_ reports: [NotesReport], format: Format, date: Date,
                              offset: UTCOffset = localOffset) -> String {
        switch format {
        case .text: return text(reports, date: date, offset: offset)
        case .markdown: return markdown(reports, date: date, offset: offset)
        case .json: return json(reports, date: date)
        }
    }

    /// "2026-11-26" in UTC.
    public static func day(_ date: Date) -> String {
        String(ISO8601Format(date).prefix(10))
    }

    static func ISO8601Format(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: .gmt))
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// "21 Sep 2026, 16:13": the date in local time (the offset's), as people write it.
    public static func readableTime(_ date: Date, offset: UTCOffset = localOffset) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down)) + time_t(offset(date))
        var parts = tm()
        guard gmtime_r(&seconds, &parts) != nil else { return ISO8601Format(date) }
        let minute = parts.tm_min < 10 ? "0\(parts.tm_min)" : "\(parts.tm_min)"
        let hour = parts.tm_hour < 10 ? "0\(parts.tm_hour)" : "\(parts.tm_hour)"
        return "\(parts.tm_mday) \(monthNames[Int(parts.tm_mon)]) \(1900 + parts.tm_year), \(hour):\(minute)"
    }

    /// The article's date for people: an ISO-8601 date ("2026-03-04T17:30:00Z") as "4 Mar 2026",
    /// anything else (a dateline) as the article writes it.
    static func readableArticleDate(_ date: String) -> String {
        let fields = date.prefix(10).split(separator: "-")
        guard fields.count == 3, fields[0].count == 4, let year = Int(fields[0]),
              let month = Int(fields[1]), (1...12).contains(month), let day = Int(fields[2]), (1...31).contains(day)
        else { return date }
        return "\(day) \(monthNames[month - 1]) \(year)"
    }

    /// "By Ana Duarte · 4 Mar 2026", either part alone, or nil.
    static func bylineAndDate(_ report: NotesReport) -> String? {
        let parts = [report.byline, report.date.map(readableArticleDate)].compactMap { $0 }.filter { !$0.isEmpty }
        return parts.isEmpty ? nil : parts.joined(separator: " · ").withoutControls
    }

    static func counted(_ report: NotesReport) -> String {
        let highlights = report.notes.filter(\.note.isHighlight).count
        let notes = report.notes.count - highlights
        var parts: [String] = []
        if notes > 0 { parts.append("\(notes) note" + (notes == 1 ? "" : "s")) }
        if highlights > 0 { parts.append("\(highlights) highlight" + (highlights == 1 ? "" : "s")) }
        return parts.isEmpty ? "no notes" : parts.joined(separator: ", ")
    }

    /// When the note was written, and edited if it was: "21 Sep 2026, 16:13 (edited 22 Sep 2026, 09:02)".
    static func when(_ note: Note, offset: UTCOffset) -> String {
        var text = readableTime(note.created, offset: offset)
        if note.updated > note.created.addingTimeInterval(59) {
            text += " (edited " + readableTime(note.updated, offset: offset) + ")"
        }
        return text
    }

    /// Why the passage is not where the note was made, or nil when it is.
    static func placementRemark(_ placement: NotePlacement) -> String? {
        switch placement.status {
        case .orphaned: "passage no longer in the article"
        case .articleMissing: "article not found"
        case .approximate: "passage edited since"
        case .attached: nil
        }
    }

    // MARK: Plain text: for reading and pasting, wrapped at 72 columns.

    /// Per article: title, byline and date, source, export time and counts; per note a
    /// head line (number, section, line, time), the passage quoted and indented, then the
    /// note after a "Note:" label (or "Highlight").
    public static func text(_ reports: [NotesReport], date: Date, offset: UTCOffset = localOffset) -> String {
        let wrapper = TextWrapper()
        var out: [String] = []
        for (k, report) in reports.enumerated() {
            if k > 0 { out.append(""); out.append(String(repeating: "=", count: 72)); out.append("") }
            out += wrapper.wrap(report.title.withoutControls, width: 72)
            if let facts = bylineAndDate(report) { out += wrapper.wrap(facts, width: 72) }
            out += wrapper.wrap("Source: " + report.source.withoutControls, width: 72)
            out.append("Exported: " + readableTime(date, offset: offset) + " · " + counted(report))
            for (i, placed) in report.notes.enumerated() {
                out.append("")
                let number = "\(i + 1). "
                let hang = String(repeating: " ", count: number.count)
                var head: [String] = []
                if let section = placed.placement.section.last, !section.isEmpty { head.append("§ " + section) }
                head.append("line \(placed.placement.line)")
                if let remark = placementRemark(placed.placement) { head.append(remark) }
                for (n, line) in wrapper.wrap(head.joined(separator: " · ").withoutControls, width: 72 - number.count).enumerated() {
                    out.append((n == 0 ? number : hang) + line)
                }
                // The passage sits deeper than the note, so the two never read as one.
                for line in wrapper.wrap("“" + placed.note.quote.withoutControls + "”", width: 72 - hang.count - 4) {
                    out.append(hang + "    " + line)
                }
                let kind = placed.note.isHighlight ? "Highlight" : "Note"
                out.append(hang + kind + " · " + when(placed.note, offset: offset) + (placed.note.isHighlight ? "" : ":"))
                if !placed.note.isHighlight {
                    for paragraph in placed.note.note.withoutControlsKeepingNewlines.split(separator: "\n", omittingEmptySubsequences: false) {
                        for line in wrapper.wrap(String(paragraph), width: 72 - hang.count) { out.append(hang + line) }
                    }
                }
            }
        }
        return out.map { String($0.trailingSpacesTrimmed) }.joined(separator: "\n") + "\n"
    }

    // MARK: Markdown: a heading per article and per section, quotes as blockquotes.

    /// `# Title`, the facts, then a `## Section` heading where the section changes and a
    /// `### “first words…”` heading per note; the passage as a blockquote, then the note
    /// under a bold "Note" label with its time and line.
    public static func markdown(_ reports: [NotesReport], date: Date, offset: UTCOffset = localOffset) -> String {
        var out: [String] = []
        for report in reports {
            if !out.isEmpty { out.append("") }
            out.append("# " + escapeMarkdown(report.title.withoutControls))
            out.append("")
            // A backslash at the end of a line is a CommonMark hard break: one fact a line.
            var facts: [String] = []
            if let line = bylineAndDate(report) { facts.append("*" + escapeMarkdown(line) + "*") }
            facts.append("Source: `\(report.source.withoutControls.replacingBackticks)`")
            facts.append("Exported \(readableTime(date, offset: offset)) · \(counted(report))")
            out.append(facts.joined(separator: "\\\n"))
            var section: String?
            for placed in report.notes {
                // Orphaned notes come last, under a heading of their own: their old section would mislead.
                let noteSection = placed.placement.isOrphaned
                    ? "Passages no longer in the article" : placed.placement.section.last.map(escapeMarkdown)
                if let noteSection, !noteSection.isEmpty, noteSection != section {
                    out.append("")
                    out.append("## " + noteSection.withoutControls)
                }
                section = noteSection
                out.append("")
                var head = "### “" + escapeMarkdown(firstWords(placed.note.quote.withoutControls)) + "”"
                if !placed.placement.isOrphaned, let remark = placementRemark(placed.placement) { head += " (\(remark))" }
                out.append(head)
                out.append("")
                out.append("> " + escapeMarkdown(placed.note.quote.withoutControls))
                out.append("")
                let reference = when(placed.note, offset: offset) + " · line \(placed.placement.line)"
                if placed.note.isHighlight {
                    out.append("**Highlight** · " + reference)
                } else {
                    out.append("**Note** · " + reference)
                    out.append("")
                    out.append(contentsOf: placed.note.note.withoutControlsKeepingNewlines.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
                }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The passage's first words for a heading: up to 8 words or 60 characters, "…" when cut.
    static func firstWords(_ quote: String) -> String {
        let words = quote.split(separator: " ")
        var text = ""
        for word in words {
            let next = text.isEmpty ? String(word) : text + " " + word
            if next.count > 60 || (!text.isEmpty && next.split(separator: " ").count > 8) { return text + "…" }
            text = next
        }
        if text.count > 60 { return String(text.prefix(59)) + "…" }  // one long word (or unspaced script)
        return text
    }

    private static func escapeMarkdown(_ s: String) -> String {
        var out = ""
        for c in s {
            if "\\`*_[]<>#".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }

    // MARK: JSON: stable fields, documented in the README.

    /// `{"exported", "articles": [{"title", "source", "byline", "date", "notes": [Note…]}]}`;
    /// byline and date are null when unknown.
    public static func json(_ reports: [NotesReport], date: Date) -> String {
        var w = JSONWriter()
        w.object { w in
            w.field("exported", ISO8601Format(date))
            w.array("articles") { w in
                for report in reports {
                    w.object { w in
                        w.field("title", report.title)
                        w.field("source", report.source)
                        w.field("byline", report.byline)
                        w.field("date", report.date)
                        w.key("notes"); writeNotes(report.notes, to: &w)
                    }
                }
            }
        }
        return w.string + "\n"
    }

    /// `[{"id","source","title","quote","note","line","section","orphaned","status","highlight","created","updated"}]`
    public static func writeNotes(_ notes: [PlacedNote], to w: inout JSONWriter) {
        w.array { w in
            for placed in notes {
                w.object { w in
                    w.field("id", placed.note.id)
                    w.field("source", placed.source)
                    w.field("title", placed.title)
                    w.field("quote", placed.note.quote)
                    w.field("note", placed.note.note)
                    w.field("line", placed.placement.line)
                    w.field("section", placed.placement.section.joined(separator: " › "))
                    w.field("orphaned", placed.placement.isOrphaned)
                    w.field("status", placed.placement.status.rawValue)
                    w.field("highlight", placed.note.isHighlight)
                    w.field("created", ISO8601Format(placed.note.created))
                    w.field("updated", ISO8601Format(placed.note.updated))
                }
            }
        }
    }
}

extension String {
    /// Like `withoutControls`, but line breaks in a multi-line note survive.
    var withoutControlsKeepingNewlines: String {
        split(separator: "\n", omittingEmptySubsequences: false).map { String($0).withoutControls }.joined(separator: "\n")
    }

    var replacingBackticks: String { String(map { $0 == "`" ? "'" : $0 }) }
}
