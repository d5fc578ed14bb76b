import CICU

/// Terminal column widths, from the same `wcwidth` that ncursesw uses, per grapheme
/// cluster: a cluster is as wide as its first character (combining marks and joined
/// emoji parts add nothing), and an emoji presentation selector makes it 2 wide.
public enum DisplayWidth {
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.value < 0x7F {
            return first.value >= 0x20 ? 1 : 0
        }
        var width = Int(cicu_wcwidth(first.value))
        if width < 0 { width = 1 }  // shown as a replacement, never as a control
        if width < 2, scalars.count > 1, scalars.contains(where: { $0.value == 0xFE0F }) { width = 2 }
        if width == 1, scalars.count > 1, (0x1F1E6...0x1F1FF).contains(first.value) { width = 2 }  // flags
        return width
    }

    public static func of(_ text: some StringProtocol) -> Int {
        var total = 0
        var ascii = true
        for b in text.utf8 where b >= 0x80 { ascii = false; break }
        if ascii {
            return text.utf8.count
        }
        for c in text { total += of(c) }
        return total
    }
}
