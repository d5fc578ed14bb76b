/// Lengths and counts over the visible text of a subtree, without building its string:
/// content scoring asks them of every candidate, so they are one walk each.
enum TextMeasure {
    /// Characters (Unicode scalars) of the node's text with whitespace runs collapsed to one
    /// space and the ends trimmed — the length a reader sees.
    static func length(_ node: HTMLNode) -> Int {
        var counter = Counter()
        visit(node) { counter.add($0) }
        return counter.count
    }

    /// Commas of any script (Latin, Arabic, CJK full-width and small forms) in the text.
    static func commas(_ node: HTMLNode) -> Int {
        var count = 0
        visit(node) { text in
            for scalar in text.unicodeScalars where isComma(scalar.value) { count += 1 }
        }
        return count
    }

    static func isComma(_ value: UInt32) -> Bool {
        switch value {
        case 0x2C, 0x060C, 0xFE50, 0xFE10, 0xFE11, 0x2E41, 0x2E34, 0x2E32, 0xFF0C: return true
        default: return false
        }
    }

    /// Share of the text that is link text; in-page links (`#…`) weigh 0.3.
    static func linkDensity(_ node: HTMLNode) -> Double {
        let total = length(node)
        if total == 0 { return 0 }
        var links = 0.0
        for link in node.descendants(named: ["a"]) {
            let weight = (link.attribute("href") ?? "").hasPrefix("#") ? 0.3 : 1
            links += Double(length(link)) * weight
        }
        return links / Double(total)
    }

    /// Share of the text inside elements named `names`.
    static func density(_ node: HTMLNode, of names: Set<String>) -> Double {
        let total = length(node)
        if total == 0 { return 0 }
        var inside = 0
        for child in node.descendants(named: names) { inside += length(child) }
        return Double(inside) / Double(total)
    }

    static func isBlank(_ node: HTMLNode) -> Bool {
        var blank = true
        visit(node) { text in
            if blank && text.utf8.contains(where: { !isSpace($0) }) { blank = false }
        }
        return blank
    }

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C }

    /// Calls `body` with each text node's text in document order.
    static func visit(_ node: HTMLNode, _ body: (String) -> Void) {
        if node.isText { body(node.text); return }
        var stack: [HTMLNode] = [node]
        while let current = stack.popLast() {
            if current.isText { body(current.text); continue }
            for child in current.children.reversed() { stack.append(child) }
        }
    }

    private struct Counter {
        var count = 0
        var pendingSpace = false
        var started = false

        mutating func add(_ text: String) {
            for byte in text.utf8 {
                if TextMeasure.isSpace(byte) {
                    pendingSpace = started
                } else if byte & 0xC0 != 0x80 {
                    if pendingSpace { count += 1; pendingSpace = false }
                    count += 1
                    started = true
                }
            }
        }
    }
}
