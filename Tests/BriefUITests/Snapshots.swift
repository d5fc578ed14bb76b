import BriefUI

/// Screens that several tests expect, written once.
enum Snapshots {
    /// The library at 80×24 filtered by "insurers", with the given status line.
    static func libraryFilteredToInsurers(status: String) -> [String] {
        [" Brief · 4 articles · 1 match “insurers” · sort: title",
         " ● Ports Reopen as the Strait Calms                        1 min · 2 key points"]
            + Array(repeating: "", count: 21) + [status]
    }

    /// The notes list of the annotated ports article at 60×14, with the given bottom border.
    static func notesListOfThree(footer: String) -> [String] {
        [
            " ┌─ Notes · 3 ────────────────────────────────────────────┐",
            " │ ▌ line 4 · “Insurers are still charging war-risk prem… │",
            " │   (highlight)                                          │",
            " │ ✎ line 6 · “The reopening should lower freight rates … │",
            " │   Check against the freight index                      │",
            " │ ✎ line 40 · orphaned · “A sentence that was edited aw… │",
            "┣│   gone                                                 │",
            "┃│                                                        │",
            " │                                                        │",
            " │                                                        │",
            " │                                                        │",
            " │                                                        │",
            footer,
            " Ports Reopen as the Strai… key points 1–3/4 · 3 notes · 0%",
        ]
    }
}
