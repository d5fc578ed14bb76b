import Testing
import BriefCore
@testable import BriefUI

/// Screen tests: a state and a key sequence, then every row of the screen as drawn.
/// Articles come with fixed analyses (Fixtures) so retuning the scorer does not move them.
@Suite("Screens")
struct ScreenTests {
    @Test("Library at 80×24: unread marks, counts, sort by title, hints")
    func libraryAt80x24() {
        let s = AppState(library: Fixtures.library(), width: 80, height: 24)
        expectRows(s, [
            " Brief · 4 articles · sort: title",
            "   Harwick’s Budget Balances on Paper            4 min · 4 key points · 2 notes",
            " ● Ports Reopen as the Strait Calms                        1 min · 2 key points",
            " ● The Fab and the State: What the Chip Subsidy Race G…  24 min · 27 key points",
            " ● 東京市場の週間動向                                       1 min · 1 key point",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            " Enter open · / filter · s sort · ? help · q quit                           1/4",
        ])
    }

    @Test("Library at 40×12: short details, titles cut without splitting wide characters")
    func libraryAt40x12() {
        let s = AppState(library: Fixtures.library(), width: 40, height: 12)
        expectRows(s, [
            " Brief · 4 articles · sort: title",
            "   Harwick’s Budget Balanc…  4 min · 4★",
            " ● Ports Reopen as the Str…  1 min · 2★",
            " ● The Fab and the State…  24 min · 27★",
            " ● 東京市場の週間動向        1 min · 1★",
            "",
            "",
            "",
            "",
            "",
            "",
            " Enter open · / filter · ? help     1/4",
        ])
    }

    @Test("Library filter while typing matches title and text; the counter is the selected row of the matches")
    func libraryFilterTyping() {
        var s = AppState(library: Fixtures.library(), width: 80, height: 24)
        Fixtures.press(Fixtures.keys("/insurers"), on: &s)
        expectRows(s, Snapshots.libraryFilteredToInsurers(status: " /insurers▏                                                                 1/1"))
    }

    @Test("Enter keeps the filter")
    func libraryFilterKept() {
        var s = AppState(library: Fixtures.library(), width: 80, height: 24)
        Fixtures.press(Fixtures.keys("/insurers") + [.enter], on: &s)
        expectRows(s, Snapshots.libraryFilteredToInsurers(status: " Enter open · / filter · s sort · ? help · q quit                           1/1"))
    }

    @Test("Reader at 80×24: outline pane, headings, bullets, quote, claim gutter")
    func readerAt80x24() {
        let s = AppState(document: Fixtures.ports(), width: 80, height: 24)
        expectRows(s, [
            "• Shipping through the …│  Ports Reopen as the Strait Calms",
            "• Insurers are still ch…│",
            "¶ Traffic through the s…│  • Shipping through the strait resumed on Monday.",
            "  ★ The reopening shoul…│  • Insurers are still charging war-risk premiums.",
            "▾ What comes next       │",
            "  ¶ Insurers remain cau…│  Traffic through the strait returned to normal levels",
            "    ★ The real question…│┣ on Monday after a week of closures. The reopening",
            "  > \"We are watching cl…│┃ should lower freight rates within a month. Analysts",
            "  ¶ Shipping lines expe…│  said the backlog would take weeks to clear.",
            "▾ The longer view       │",
            "  ¶ Ports that invested…│  What comes next",
            "                        │",
            "                        │  Insurers remain cautious, and premiums reflect a",
            "                        │┣ risk that has not gone away. The real question is",
            "                        │┃ whether the calm will last through the winter.",
            "                        │",
            "                        │  │ \"We are watching closely,\" one broker said.",
            "                        │",
            "                        │  Shipping lines expect volumes to recover by",
            "                        │  December, and the fleets that diverted around the",
            "                        │  cape will return first.",
            "                        │",
            "                        │  The longer view",
            " Ports Reopen as the Strait Calms                         key points 1–4/4 · 0%",
        ])
    }

    @Test("Reader at 40×12: no outline pane, hanging indents")
    func readerAt40x12() {
        let s = AppState(document: Fixtures.ports(), width: 40, height: 12)
        expectRows(s, [
            "  Ports Reopen as the Strait Calms",
            "",
            "  • Shipping through the strait resumed",
            "    on Monday.",
            "  • Insurers are still charging war-",
            "    risk premiums.",
            "",
            "  Traffic through the strait returned",
            "  to normal levels on Monday after a",
            "┣ week of closures. The reopening",
            "┃ should lower freight rates within a",
            " Ports Reopen as… key points 1–3/4 · 0%",
        ])
    }

    @Test("CJK article at 80×24: double-width characters wrapped between characters")
    func cjkAt80x24() {
        let s = AppState(document: Fixtures.cjk(), width: 80, height: 24)
        expectRows(s, [
            "¶ 今週の東京市場では、… │  東京市場の週間動向",
            "  ★ 円安が追い風となり… │",
            "▾ 上海                  │  今週の東京市場では、輸出関連株が買われ、日経平均株価",
            "  ¶ 上海市場は方向感に… │┣ は五日続伸した。円安が追い風となり、自動車や電機の銘",
            "                        │┃ 柄が上昇した。",
            "                        │",
            "                        │  上海",
            "                        │",
            "                        │  上海市場は方向感に乏しい展開が続いた。投資家は政府の",
            "                        │  追加策を待っている。",
            "                        │",
            "                        │",
            "                        │",
            "                        │",
            "                        │",
            "                        │",
            "                        │",
            "                        │",
            "                        │",
            "                        │",
            "                        │",
            "                        │",
            "                        │",
            " 東京市場の週間動向                                        key point 1/1 · 100%",
        ])
    }

    @Test("CJK article at 40×12")
    func cjkAt40x12() {
        let s = AppState(document: Fixtures.cjk(), width: 40, height: 12)
        expectRows(s, [
            "  東京市場の週間動向",
            "",
            "  今週の東京市場では、輸出関連株が買わ",
            "┣ れ、日経平均株価は五日続伸した。円安",
            "┃ が追い風となり、自動車や電機の銘柄が",
            "┃ 上昇した。",
            "",
            "  上海",
            "",
            "  上海市場は方向感に乏しい展開が続い",
            "  た。投資家は政府の追加策を待ってい",
            " 東京市場の週間動向  key point 1/1 · 0%",
        ])
    }

    @Test("CJK key point jump marks the claim's lines")
    func cjkKeyPoint() {
        var s = AppState(document: Fixtures.cjk(), width: 40, height: 12)
        Fixtures.press(Fixtures.keys("]"), on: &s)
        expectRows(s, [
            "",
            "  今週の東京市場では、輸出関連株が買わ",
            "▶ れ、日経平均株価は五日続伸した。円安",
            "┃ が追い風となり、自動車や電機の銘柄が",
            "┃ 上昇した。",
            "",
            "  上海",
            "",
            "  上海市場は方向感に乏しい展開が続い",
            "  た。投資家は政府の追加策を待ってい",
            "  る。",
            " 東京市場の… key point 1/1 claim · 100%",
        ])
    }

    @Test("] three times: key point 3/4 marked and counted")
    func keyPointThree() {
        var s = AppState(document: Fixtures.ports(), width: 80, height: 24)
        Fixtures.press(Fixtures.keys("]]]"), on: &s)
        expectRows(s, [
            "• Shipping through the …│  • Insurers are still charging war-risk premiums.",
            "• Insurers are still ch…│",
            "¶ Traffic through the s…│  Traffic through the strait returned to normal levels",
            "  ★ The reopening shoul…│▶ on Monday after a week of closures. The reopening",
            "▾ What comes next       │┃ should lower freight rates within a month. Analysts",
            "  ¶ Insurers remain cau…│  said the backlog would take weeks to clear.",
            "    ★ The real question…│",
            "  > \"We are watching cl…│  What comes next",
            "  ¶ Shipping lines expe…│",
            "▾ The longer view       │  Insurers remain cautious, and premiums reflect a",
            "  ¶ Ports that invested…│┣ risk that has not gone away. The real question is",
            "                        │┃ whether the calm will last through the winter.",
            "                        │",
            "                        │  │ \"We are watching closely,\" one broker said.",
            "                        │",
            "                        │  Shipping lines expect volumes to recover by",
            "                        │  December, and the fleets that diverted around the",
            "                        │  cape will return first.",
            "                        │",
            "                        │  The longer view",
            "                        │",
            "                        │  Ports that invested in deeper berths during the",
            "                        │  closure now hold an advantage over their rivals.",
            " Ports Reopen as the Strait Calms                    key point 3/4 claim · 100%",
        ])
    }

    @Test("Search, Enter keeps it, n moves to the next match")
    func searchNext() {
        var s = AppState(document: Fixtures.ports(), width: 40, height: 12)
        Fixtures.press(Fixtures.keys("/ins") + [.enter] + Fixtures.keys("n"), on: &s)
        expectRows(s, [
            "  Insurers remain cautious, and",
            "  premiums reflect a risk that has not",
            "┣ gone away. The real question is",
            "┃ whether the calm will last through",
            "┃ the winter.",
            "",
            "  │ \"We are watching closely,\" one",
            "  │ broker said.",
            "",
            "  Shipping lines expect volumes to",
            "  recover by December, and the fleets",
            " Ports… key point 4/4 · match 2/2 · 44%",
        ])
    }

    @Test("? shows the help generated from the command table, reader keys first")
    func helpOverlay() {
        var s = AppState(document: Fixtures.ports(), width: 80, height: 24)
        Fixtures.press(Fixtures.keys("?"), on: &s)
        expectRows(s, [
            "• Shippi┌─ Keys ───────────────────────────────────────────────────────┐",
            "• Insure│                                                              │",
            "¶ Traffi│ Reader                                                       │ay.",
            "  ★ The │   j ↓ ^N           line down (5j: five lines)                │ms.",
            "▾ What c│   k ↑ ^P           line up                                   │",
            "  ¶ Insu│   Space PgDn f ^F  page down                                 │ levels",
            "    ★ Th│   b PgUp ^B        page up                                   │ning",
            "  > \"We │   g Home           top                                       │alysts",
            "  ¶ Ship│   G End            end                                       │",
            "▾ The lo│   ]                next key point                            │",
            "  ¶ Port│   [                previous key point                        │",
            "        │   }                next section                              │",
            "        │   {                previous section                          │t a",
            "        │   Enter            summary bullet: jump to its evidence      │n is",
            "        │   w                why this key point: its role and reasons  │.",
            "        │   Bksp             back to where the last jump started ('' … │",
            "        │   /                search (Enter keeps it; Esc goes back)    │",
            "        │   n                next match                                │",
            "        │   N                previous match                            │",
            "        │   Esc              clear the search (back to its start if n… │ the",
            "        │   u                list the article's links (3u: link 3)     │",
            "        │                                                              │",
            "        └──────────────────────────────── any key closes · j/k scroll ─┘",
            " Ports Reopen as the Strait Calms                         key points 1–4/4 · 0%",
        ])
    }

    @Test("o shows the outline pane in a narrow window")
    func outlineShownAt40() {
        var s = AppState(document: Fixtures.ports(), width: 40, height: 12)
        Fixtures.press(Fixtures.keys("o"), on: &s)
        expectRows(s, [
            "• Shipping thro…│  Ports Reopen as the",
            "• Insurers are …│  Strait Calms",
            "¶ Traffic throu…│",
            "  ★ The reopeni…│  • Shipping through",
            "▾ What comes ne…│    the strait resumed",
            "  ¶ Insurers re…│    on Monday.",
            "    ★ The real …│  • Insurers are still",
            "  > \"We are wat…│    charging war-risk",
            "  ¶ Shipping li…│    premiums.",
            "▾ The longer vi…│",
            "  ¶ Ports that …│  Traffic through the",
            " Ports Reopen as… key points 1–2/4 · 0%",
        ])
    }

    @Test("Below 20×6 a notice instead of the article")
    func tooSmall() {
        let s = AppState(document: Fixtures.ports(), width: 19, height: 5)
        expectRows(s, [
            "",
            "     terminal",
            "     too small",
            "    (need 20×6)",
            "",
        ])
    }

    @Test("truncate: fits whole, cuts with …, never splits a wide character; a huge text costs what a short one does")
    func truncate() {
        #expect(AppView.truncate("abc", to: 3) == "abc")
        #expect(AppView.truncate("abcd", to: 3) == "ab…")
        #expect(AppView.truncate("abcd", to: 1) == "…")
        #expect(AppView.truncate("abcd", to: 0) == "")
        #expect(AppView.truncate("東京市場", to: 8) == "東京市場")
        #expect(AppView.truncate("東京市場", to: 7) == "東京市…")
        #expect(AppView.truncate("東京市場", to: 6) == "東京…")
        #expect(AppView.truncate("e\u{301}te\u{301}", to: 3) == "e\u{301}te\u{301}")
        // Before the fix it measured the whole text first: seconds per draw for a 10 MB paragraph.
        let huge = String(repeating: "word ", count: 2_000_000)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for _ in 0..<20 { #expect(AppView.truncate(huge, to: 30) == String(huge.prefix(29)) + "…") }
        }
        #expect(elapsed < .seconds(1), "20 truncations of 10 MB took \(elapsed)")
    }
}
