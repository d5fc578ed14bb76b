import FoundationEssentials

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
    public var notes: [PlacedNote]

    /// Places every stored note in `article` (nil when the article could not be read).
    public init(stored: ArticleNotes, article: Article?) {
        title = article?.title ?? stored.title
        source = stored.source
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
public enum NoteExporter {
    public enum Format: String, Sendable, CaseIterable { case text, markdown, json }

    public static func export(_ reports: [NotesReport], format: Format, date: Date) -> String {
        switch format {
        case .text: return text(reports, date: date)
        case .markdown: return markdown(reports, date: date)
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

    // MARK: Plain text: for reading and pasting, wrapped at 72 columns.

    public static func text(_ reports: [NotesReport], date: Date) -> String {
        let wrapper = TextWrapper()
        var out: [String] = []
        for (k, report) in reports.enumerated() {
            if k > 0 { out.append(""); out.append(String(repeating: "=", count: 72)); out.append("") }
            out += wrapper.wrap(report.title.withoutControls, width: 72)
            out.append("Source: " + report.source.withoutControls)
            out.append("Exported: " + day(date))
            let count = report.notes.count
            out.append("\(count) note" + (count == 1 ? "" : "s"))
            for (i, placed) in report.notes.enumerated() {
                out.append("")
                var head = "\(i + 1). "
                let section = placed.placement.section.last ?? ""
                head += section.isEmpty ? "" : section + " — "
                head += "line \(placed.placement.line)"
                switch placed.placement.status {
                case .orphaned: head += " (passage no longer in the article)"
                case .articleMissing: head += " (article not found)"
                case .approximate: head += " (passage edited since)"
                case .attached: break
                }
                out += wrapper.wrap(head.withoutControls, width: 72)
                for line in wrapper.wrap("“" + placed.note.quote.withoutControls + "”", width: 68) {
                    out.append("    " + line)
                }
                if placed.note.isHighlight {
                    out.append("    (highlight)")
                } else {
                    for paragraph in placed.note.note.withoutControlsKeepingNewlines.split(separator: "\n", omittingEmptySubsequences: false) {
                        for line in wrapper.wrap(String(paragraph), width: 68) { out.append("    " + line) }
                    }
                }
            }
        }
        return out.map { String($0.trailingSpacesTrimmed) }.joined(separator: "\n") + "\n"
    }

    // MARK: Markdown: a heading per article, quotes as blockquotes.

    public static func markdown(_ reports: [NotesReport], date: Date) -> String {
        var out: [String] = []
        for report in reports {
            if !out.isEmpty { out.append("") }
            out.append("# " + escapeMarkdown(report.title.withoutControls))
            out.append("")
            out.append("Source: `\(report.source.withoutControls.replacingBackticks)` · Exported \(day(date))")
            for placed in report.notes {
                out.append("")
                var head = "## "
                if let section = placed.placement.section.last { head += escapeMarkdown(section.withoutControls) + " · " }
                head += "line \(placed.placement.line)"
                if placed.placement.isOrphaned { head += " (passage no longer in the article)" }
                if placed.placement.status == .articleMissing { head += " (article not found)" }
                out.append(head)
                out.append("")
                out.append("> " + escapeMarkdown(placed.note.quote.withoutControls))
                out.append("")
                if placed.note.isHighlight {
                    out.append("*Highlight*")
                } else {
                    out.append(contentsOf: placed.note.note.withoutControlsKeepingNewlines.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
                }
            }
        }
        return out.joined(separator: "\n") + "\n"
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

    public static func json(_ reports: [NotesReport], date: Date) -> String {
        var w = JSONWriter()
        w.object { w in
            w.field("exported", ISO8601Format(date))
            w.array("articles") { w in
                for report in reports {
                    w.object { w in
                        w.field("title", report.title)
                        w.field("source", report.source)
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
