/// Lengths and counts over the visible text of a subtree, without building its string:
/// content scoring asks them of every candidate, so they are one walk each.
enum TextMeasure {
    /// What one text node contributes to a length: its characters with inner whitespace runs
    /// counted as one, whether it starts or ends with whitespace, and its commas.
    struct Run {
        // 32-bit counts: one of these is kept per text node.
        var inner: Int32 = 0
        var commas: Int32 = 0
        var leadingSpace = false
        var trailingSpace = false
        var blank = true

        init(_ text: String) {
            var text = text  // withUTF8: a plain loop over the bytes (this measures every text node)
            let multiByte = text.withUTF8 { measure($0) }
            if multiByte {
                // Arabic, CJK and other commas are multi-byte: counted only where such bytes occur.
                commas = Int32(text.unicodeScalars.count { TextMeasure.isComma($0.value) })
            }
        }

        /// Fills in the counts; whether any byte may start a multi-byte comma.
        private mutating func measure(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            var pendingSpace = false
            var multiByte = false
            for byte in bytes {
                if byte >= 0xD8 { multiByte = true }
                if TextMeasure.isSpace(byte) {
                    if blank { leadingSpace = true } else { pendingSpace = true }
                } else if byte & 0xC0 != 0x80 {
                    if pendingSpace { inner += 1; pendingSpace = false }
                    inner += 1
                    blank = false
                    if byte == 0x2C { commas += 1 }
                }
            }
            trailingSpace = pendingSpace
            if blank { leadingSpace = !bytes.isEmpty }
            return multiByte
        }
    }

    static func run(_ node: HTMLNode) -> Run {
        if let run = node.measured { return run }
        let run = Run(node.text)
        node.measured = run
        return run
    }

    /// Characters (Unicode scalars) of the node's text with whitespace runs collapsed to one
    /// space and the ends trimmed — the length a reader sees.
    static func length(_ node: HTMLNode) -> Int {
        var count = 0
        var pendingSpace = false
        var started = false
        visitRuns(node) { run in
            if run.blank {
                if run.leadingSpace && started { pendingSpace = true }
                return
            }
            if (pendingSpace || run.leadingSpace) && started { count += 1 }
            count += Int(run.inner)
            pendingSpace = run.trailingSpace
            started = true
        }
        return count
    }

    /// Commas of any script (Latin, Arabic, CJK full-width and small forms) in the text.
    static func commas(_ node: HTMLNode) -> Int {
        var count = 0
        visitRuns(node) { count += Int($0.commas) }
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
        return linkLength(node) / Double(total)
    }

    /// The length of the text in links (nested links counted again, as Readability does).
    private static func linkLength(_ node: HTMLNode) -> Double {
        var links = 0.0
        for child in node.children where child.isElement {
            if child.name == "a" { links += weighedLength(ofLink: child) }
            if !child.children.isEmpty { links += linkLength(child) }
        }
        return links
    }

    /// A link's text length as link density counts it: in-page links (`#…`) weigh 0.3.
    static func weighedLength(ofLink link: HTMLNode) -> Double {
        let weight = (link.attribute("href") ?? "").hasPrefix("#") ? 0.3 : 1
        return Double(length(link)) * weight
    }

    static func isBlank(_ node: HTMLNode) -> Bool {
        var blank = true
        visitRuns(node) { if !$0.blank { blank = false } }
        return blank
    }

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C }

    /// Calls `body` with each text node's measurements in document order.
    static func visitRuns(_ node: HTMLNode, _ body: (Run) -> Void) {
        if node.isText { body(run(node)); return }
        for child in node.children {
            if child.isText { body(run(child)) } else { visitRuns(child, body) }
        }
    }
}
