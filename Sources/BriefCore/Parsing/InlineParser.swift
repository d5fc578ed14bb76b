/// The inline phase: turns the raw text of a paragraph or heading into visible text.
///
/// It follows CommonMark's inline rules where they decide what the reader sees:
/// backslash escapes, entities, code spans (text kept), emphasis and strong
/// delimiters (removed by the delimiter-run algorithm, so `snake_case` and `2 * 3`
/// survive), GFM strikethrough (`~~a~~`, `~a~`), links and images (text or alt kept,
/// target recorded), autolinks, and raw inline HTML (removed). Where emphasis, strong,
/// code, strikethrough and links were is kept as spans of the visible text. Every scan is bounded or remembered, so the phase is
/// linear in its input — the inputs of `pathological.py` rely on this.
struct InlineParser {
    struct Output {
        var text: String
        var links: [Link]
        var spans: [InlineSpan] = []
    }

    private struct Delimiter {
        var char: UInt8
        var outPos: Int
        var count: Int
        var originalCount: Int
        var canOpen: Bool
        var canClose: Bool
        var prev: Int
        var next: Int
    }

    private struct Bracket {
        var outPos: Int          // where "[" or "![" starts in `out`
        var inputAfter: Int      // input position just after "["
        var isImage: Bool
        var delimiterBottom: Int // last delimiter before this bracket (-1 if none)
    }

    private struct PendingLink {
        var start: Int
        var end: Int
        var destination: String
    }

    /// A span in `out` positions (before deletions and whitespace collapsing).
    private struct PendingSpan {
        var kind: InlineSpan.Kind
        var start: Int
        var end: Int
    }

    let input: [UInt8]
    let references: [String: String]

    private var out: [UInt8] = []
    private var deletions: [(Int, Int)] = []
    private var delimiters: [Delimiter] = []
    private var lastDelimiter = -1
    private var brackets: [Bracket] = []
    private var inactiveBelow = 0
    private var links: [PendingLink] = []
    private var spans: [PendingSpan] = []
    // Backtick runs: for each run, the index of the next run of the same length (or -1).
    private var backtickRuns: [(pos: Int, length: Int, next: Int)] = []
    private var backtickIndexed = false
    private var backtickCursor = 0
    // Remembered failed scans for HTML terminators: no match at or after this input position.
    private var noCommentEnd = Int.max, noPIEnd = Int.max, noCDATAEnd = Int.max, noDeclEnd = Int.max

    init(input: [UInt8], references: [String: String]) {
        self.input = input
        self.references = references
    }

    static func parse(_ raw: [UInt8], references: [String: String] = [:]) -> Output {
        // Most news paragraphs have no inline syntax at all: nothing to do but collapse spaces.
        var plain = true
        raw.withUnsafeBufferPointer { buf in
            for b in buf where isSpecialByte(b) { plain = false; break }
        }
        if plain { return Output(text: collapseWhitespace(raw), links: []) }
        var parser = InlineParser(input: raw, references: references)
        return parser.run()
    }

    mutating func run() -> Output {
        out.reserveCapacity(input.count)
        let n = input.count
        var i = 0
        while i < n {
            let b = input[i]
            switch b {
            case UInt8(ascii: "\\"):
                if i + 1 < n, isASCIIPunctuation(input[i + 1]) {
                    out.append(input[i + 1]); i += 2
                } else if i + 1 < n, input[i + 1] == 0x0A {
                    out.append(0x0A); i += 2
                } else {
                    out.append(b); i += 1
                }
            case UInt8(ascii: "`"):
                i = codeSpan(at: i)
            case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"):
                i = delimiterRun(at: i)
            case UInt8(ascii: "!") where i + 1 < n && input[i + 1] == UInt8(ascii: "["):
                brackets.append(Bracket(outPos: out.count, inputAfter: i + 2, isImage: true,
                                        delimiterBottom: lastDelimiter))
                out.append(b); out.append(input[i + 1]); i += 2
            case UInt8(ascii: "["):
                brackets.append(Bracket(outPos: out.count, inputAfter: i + 1, isImage: false,
                                        delimiterBottom: lastDelimiter))
                out.append(b); i += 1
            case UInt8(ascii: "]"):
                i = closeBracket(at: i)
            case UInt8(ascii: "<"):
                i = angle(at: i)
            case UInt8(ascii: "&"):
                i = entity(at: i)
            default:
                var j = i + 1
                while j < n && !isSpecial(input[j]) { j += 1 }
                out.append(contentsOf: input[i..<j])
                i = j
            }
        }
        processEmphasis(bottom: -1)
        return finish()
    }

    @inline(__always)
    private func isSpecial(_ b: UInt8) -> Bool { isSpecialByte(b) }
}

@inline(__always)
private func isSpecialByte(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"),
             UInt8(ascii: "~"), UInt8(ascii: "!"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "<"),
             UInt8(ascii: "&"):
            return true
        default:
            return false
        }
}

extension InlineParser {
    // MARK: Code spans

    private mutating func indexBacktickRuns() {
        var i = 0
        let n = input.count
        // The next run of each length, by length; short runs in an array (no hashing), long ones in a dictionary.
        var lastOfShortLength = [Int](repeating: -1, count: 16)
        var lastOfLength: [Int: Int] = [:]
        while i < n {
            if input[i] == UInt8(ascii: "`") {
                var j = i
                while j < n && input[j] == UInt8(ascii: "`") { j += 1 }
                backtickRuns.append((i, j - i, -1))
                i = j
            } else {
                i += 1
            }
        }
        for k in stride(from: backtickRuns.count - 1, through: 0, by: -1) {
            let length = backtickRuns[k].length
            if length < lastOfShortLength.count {
                backtickRuns[k].next = lastOfShortLength[length]
                lastOfShortLength[length] = k
            } else {
                backtickRuns[k].next = lastOfLength[length] ?? -1
                lastOfLength[length] = k
            }
        }
    }

    private mutating func codeSpan(at i: Int) -> Int {
        if !backtickIndexed { indexBacktickRuns(); backtickIndexed = true }
        // Spans are met in increasing position: a cursor finds the run starting here.
        while backtickCursor < backtickRuns.count && backtickRuns[backtickCursor].pos < i { backtickCursor += 1 }
        guard backtickCursor < backtickRuns.count, backtickRuns[backtickCursor].pos == i else {
            out.append(input[i]); return i + 1
        }
        let run = backtickRuns[backtickCursor]
        let end = run.pos + run.length
        // A backslash-escaped opener was consumed by the escape; runs found here start spans.
        if run.next < 0 {
            out.append(contentsOf: input[run.pos..<end])
            return end
        }
        let closer = backtickRuns[run.next]
        // Line ends read as spaces; one space is stripped from each end when both ends have
        // one and the content is not all spaces.
        var lower = end, upper = closer.pos
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A }
        if upper - lower >= 2, isSpace(input[lower]), isSpace(input[upper - 1]),
           input[lower..<upper].contains(where: { !isSpace($0) }) {
            lower += 1; upper -= 1
        }
        let start = out.count
        for b in input[lower..<upper] { out.append(b == 0x0A ? 0x20 : b) }
        if out.count > start { spans.append(PendingSpan(kind: .code, start: start, end: out.count)) }
        return closer.pos + closer.length
    }

    // MARK: Emphasis

    private mutating func delimiterRun(at i: Int) -> Int {
        let char = input[i]
        var j = i
        while j < input.count && input[j] == char { j += 1 }
        let before = scalarBefore(i)
        let after = scalarAt(j)
        let afterSpace = after.map(isUnicodeWhitespace) ?? true
        let beforeSpace = before.map(isUnicodeWhitespace) ?? true
        let afterPunct = after.map(isUnicodePunctuation) ?? false
        let beforePunct = before.map(isUnicodePunctuation) ?? false
        let leftFlanking = !afterSpace && (!afterPunct || beforeSpace || beforePunct)
        let rightFlanking = !beforeSpace && (!beforePunct || afterSpace || afterPunct)
        let canOpen: Bool
        let canClose: Bool
        if char == UInt8(ascii: "~") {
            // GFM: runs of one or two tildes; three or more are text.
            canOpen = leftFlanking && j - i <= 2
            canClose = rightFlanking && j - i <= 2
        } else if char == UInt8(ascii: "*") {
            canOpen = leftFlanking
            canClose = rightFlanking
        } else {
            canOpen = leftFlanking && (!rightFlanking || beforePunct)
            canClose = rightFlanking && (!leftFlanking || afterPunct)
        }
        if canOpen || canClose {
            let index = delimiters.count
            delimiters.append(Delimiter(char: char, outPos: out.count, count: j - i, originalCount: j - i,
                                        canOpen: canOpen, canClose: canClose, prev: lastDelimiter, next: -1))
            if lastDelimiter >= 0 { delimiters[lastDelimiter].next = index }
            lastDelimiter = index
        }
        out.append(contentsOf: input[i..<j])
        return j
    }

    private mutating func removeDelimiter(_ d: Int) {
        let p = delimiters[d].prev, nx = delimiters[d].next
        if p >= 0 { delimiters[p].next = nx }
        if nx >= 0 { delimiters[nx].prev = p } else { lastDelimiter = p }
    }

    /// CommonMark's "process emphasis" over the delimiters after `bottom`, with GFM's
    /// strikethrough: a `~` run closes only a `~` run of the same length.
    private mutating func processEmphasis(bottom: Int) {
        // openers_bottom, indexed by [char: "*", "_", "~"][closer can open][closer length % 3]
        var openersBottom = [Int](repeating: bottom, count: 18)
        var current = bottom >= 0 ? delimiters[bottom].next : firstDelimiter()
        while current >= 0 {
            let closer = delimiters[current]
            guard closer.canClose else { current = closer.next; continue }
            let charSlot = closer.char == UInt8(ascii: "_") ? 6 : closer.char == UInt8(ascii: "~") ? 12 : 0
            let slot = charSlot + (closer.canOpen ? 3 : 0) + closer.originalCount % 3
            var opener = closer.prev
            var found = false
            while opener >= 0 && opener != bottom && opener != openersBottom[slot] {
                let o = delimiters[opener]
                if o.char == closer.char && o.canOpen {
                    let oddMatch = (o.canClose || closer.canOpen)
                        && (o.originalCount + closer.originalCount) % 3 == 0
                        && !(o.originalCount % 3 == 0 && closer.originalCount % 3 == 0)
                    if !oddMatch { found = true; break }
                }
                opener = o.prev
            }
            if found && closer.char == UInt8(ascii: "~") {
                // Both runs are used whole, or (lengths differ) both stay text; either way
                // nothing between them can match any more.
                let o = delimiters[opener]
                if o.count == closer.count {
                    deletions.append((o.outPos, o.count))
                    deletions.append((closer.outPos, closer.count))
                    spans.append(PendingSpan(kind: .strikethrough, start: o.outPos + o.count, end: closer.outPos))
                }
                var between = o.next
                while between >= 0 && between != current {
                    let nx = delimiters[between].next
                    removeDelimiter(between)
                    between = nx
                }
                removeDelimiter(opener)
                let nx = closer.next
                removeDelimiter(current)
                current = nx
            } else if found {
                let use = (delimiters[opener].count >= 2 && closer.count >= 2) ? 2 : 1
                delimiters[opener].count -= use
                delimiters[current].count -= use
                // Opener loses characters at its right end, closer at its left.
                deletions.append((delimiters[opener].outPos + delimiters[opener].count, use))
                deletions.append((delimiters[current].outPos, use))
                spans.append(PendingSpan(kind: use == 2 ? .strong : .emphasis,
                                         start: delimiters[opener].outPos + delimiters[opener].count + use,
                                         end: delimiters[current].outPos))
                delimiters[current].outPos += use
                // Delimiters between them can no longer match anything.
                var between = delimiters[opener].next
                while between >= 0 && between != current {
                    let nx = delimiters[between].next
                    removeDelimiter(between)
                    between = nx
                }
                if delimiters[opener].count == 0 { removeDelimiter(opener) }
                if delimiters[current].count == 0 {
                    let nx = delimiters[current].next
                    removeDelimiter(current)
                    current = nx
                }
            } else {
                openersBottom[slot] = closer.prev
                let nx = closer.next
                if !closer.canOpen { removeDelimiter(current) }
                current = nx
            }
        }
        // Everything above bottom is done with.
        if bottom >= 0 {
            delimiters[bottom].next = -1
            lastDelimiter = bottom
        } else {
            lastDelimiter = -1
        }
    }

    private func firstDelimiter() -> Int {
        // Walk back from the last live delimiter to the first one.
        var d = lastDelimiter
        while d >= 0 && delimiters[d].prev >= 0 { d = delimiters[d].prev }
        return d
    }

    // MARK: Links and images

    private mutating func closeBracket(at i: Int) -> Int {
        guard let opener = brackets.last else { out.append(input[i]); return i + 1 }
        if !opener.isImage && brackets.count - 1 < inactiveBelow {
            brackets.removeLast()
            out.append(input[i])
            return i + 1
        }
        var destination: String? = nil
        var after = i + 1
        if let (dest, end) = inlineLinkTail(at: i + 1) {
            destination = dest; after = end
        } else if !references.isEmpty {
            if let (label, end) = linkLabel(at: i + 1) {
                let key = label.isEmpty ? rawLabel(from: opener.inputAfter, to: i) : label
                if let key, let dest = references[key] { destination = dest; after = end }
            } else if let key = rawLabel(from: opener.inputAfter, to: i), let dest = references[key] {
                destination = dest
            }
        }
        brackets.removeLast()
        guard let destination else {
            out.append(input[i])
            return i + 1
        }
        processEmphasis(bottom: opener.delimiterBottom)
        deletions.append((opener.outPos, opener.isImage ? 2 : 1))
        if !opener.isImage {
            spans.append(PendingSpan(kind: .link(links.count), start: opener.outPos + 1, end: out.count))
        }
        links.append(PendingLink(start: opener.outPos, end: out.count, destination: destination))
        if !opener.isImage { inactiveBelow = brackets.count }
        return after
    }

    /// `(destination "title")` right after `]`, or nil.
    private func inlineLinkTail(at start: Int) -> (String, Int)? {
        let n = input.count
        guard start < n, input[start] == UInt8(ascii: "(") else { return nil }
        var i = skipSpaces(start + 1, allowNewline: true)
        var dest: [UInt8] = []
        if i < n && input[i] == UInt8(ascii: "<") {
            i += 1
            while i < n {
                let c = input[i]
                if c == UInt8(ascii: ">") { break }
                if c == 0x0A || c == UInt8(ascii: "<") { return nil }
                if c == UInt8(ascii: "\\"), i + 1 < n, isASCIIPunctuation(input[i + 1]) {
                    dest.append(input[i + 1]); i += 2; continue
                }
                dest.append(c); i += 1
            }
            guard i < n else { return nil }
            i += 1
        } else {
            var depth = 0
            while i < n {
                let c = input[i]
                if c <= 0x20 { break }
                if c == UInt8(ascii: "\\"), i + 1 < n, isASCIIPunctuation(input[i + 1]) {
                    dest.append(input[i + 1]); i += 2; continue
                }
                if c == UInt8(ascii: "(") {
                    depth += 1
                    if depth > 32 { return nil }
                } else if c == UInt8(ascii: ")") {
                    if depth == 0 { break }
                    depth -= 1
                }
                dest.append(c); i += 1
            }
            if depth != 0 { return nil }
        }
        let afterDest = i
        i = skipSpaces(i, allowNewline: true)
        if i < n && i > afterDest, let close = titleEnd(at: i) {
            i = skipSpaces(close, allowNewline: true)
        }
        guard i < n, input[i] == UInt8(ascii: ")") else { return nil }
        return (String(decoding: dest, as: UTF8.self), i + 1)
    }

    private func titleEnd(at i: Int) -> Int? {
        let open = input[i]
        let close: UInt8
        switch open {
        case UInt8(ascii: "\""): close = open
        case UInt8(ascii: "'"): close = open
        case UInt8(ascii: "("): close = UInt8(ascii: ")")
        default: return nil
        }
        var j = i + 1
        var lastNewline = false
        while j < input.count {
            let c = input[j]
            if c == UInt8(ascii: "\\") { j += 2; continue }
            if c == close { return j + 1 }
            if open == UInt8(ascii: "(") && c == UInt8(ascii: "(") { return nil }
            if c == 0x0A { if lastNewline { return nil }; lastNewline = true } else if c != 0x20 { lastNewline = false }
            j += 1
        }
        return nil
    }

    private func skipSpaces(_ start: Int, allowNewline: Bool) -> Int {
        var i = start
        var newlines = 0
        while i < input.count {
            let c = input[i]
            if c == 0x20 || c == 0x09 { i += 1; continue }
            if c == 0x0A && allowNewline && newlines == 0 { newlines += 1; i += 1; continue }
            break
        }
        return i
    }

    /// `[label]` right after `]`: returns the normalized label ("" for `[]`).
    private func linkLabel(at start: Int) -> (String, Int)? {
        guard start < input.count, input[start] == UInt8(ascii: "[") else { return nil }
        var j = start + 1
        while j < input.count && j - start <= 1000 {
            let c = input[j]
            if c == UInt8(ascii: "\\") { j += 2; continue }
            if c == UInt8(ascii: "[") { return nil }
            if c == UInt8(ascii: "]") {
                if j == start + 1 { return ("", j + 1) }
                guard let key = rawLabel(from: start + 1, to: j) else { return nil }
                return (key, j + 1)
            }
            j += 1
        }
        return nil
    }

    private func rawLabel(from start: Int, to end: Int) -> String? {
        guard end > start, end - start <= 999 else { return nil }
        return normalizeLabel(input[start..<end])
    }

    // MARK: Autolinks, raw HTML, entities

    private mutating func angle(at i: Int) -> Int {
        if let (url, end) = autolink(at: i) {
            let start = out.count
            out.append(contentsOf: url.utf8)
            spans.append(PendingSpan(kind: .link(links.count), start: start, end: out.count))
            let isEmail = !url.contains(":")
            links.append(PendingLink(start: start, end: out.count,
                                     destination: isEmail ? "mailto:" + url : url))
            return end
        }
        if let end = rawHTMLEnd(at: i) {
            return end
        }
        out.append(input[i])
        return i + 1
    }

    private func autolink(at i: Int) -> (String, Int)? {
        let n = input.count
        var j = i + 1
        // URI autolink: scheme of 2–32 characters, then anything but space, < and >.
        if j < n, isASCIILetter(input[j]) {
            var k = j + 1
            while k < n && k - j < 33 && (isASCIIAlphanumeric(input[k]) || input[k] == UInt8(ascii: "+")
                                         || input[k] == UInt8(ascii: ".") || input[k] == UInt8(ascii: "-")) { k += 1 }
            if k < n, input[k] == UInt8(ascii: ":"), k - j >= 2, k - j <= 32 {
                k += 1
                while k < n {
                    let c = input[k]
                    if c == UInt8(ascii: ">") {
                        return (String(decoding: input[(i + 1)..<k], as: UTF8.self), k + 1)
                    }
                    if c <= 0x20 || c == UInt8(ascii: "<") { break }
                    k += 1
                }
            }
        }
        // Email autolink.
        j = i + 1
        var sawAt = false
        while j < n && j - i < 320 {
            let c = input[j]
            if c == UInt8(ascii: ">") {
                if sawAt && j > i + 1 && input[j - 1] != UInt8(ascii: "@") && input[j - 1] != UInt8(ascii: ".") {
                    return (String(decoding: input[(i + 1)..<j], as: UTF8.self), j + 1)
                }
                return nil
            }
            if c == UInt8(ascii: "@") {
                if sawAt || j == i + 1 { return nil }
                sawAt = true
            } else if sawAt {
                guard isASCIIAlphanumeric(c) || c == UInt8(ascii: "-") || c == UInt8(ascii: ".") else { return nil }
            } else {
                guard isASCIIAlphanumeric(c) || "!#$%&'*+/=?^_`{|}~.-".utf8.contains(c) else { return nil }
            }
            j += 1
        }
        return nil
    }

    private mutating func rawHTMLEnd(at i: Int) -> Int? {
        let n = input.count
        guard i + 1 < n else { return nil }
        let c = input[i + 1]
        if c == UInt8(ascii: "!") {
            if hasPrefix("<!--", at: i) {
                if hasPrefix("<!-->", at: i) { return i + 5 }
                if hasPrefix("<!--->", at: i) { return i + 6 }
                return findTerminator("-->", from: i + 4, memo: &noCommentEnd)
            }
            if hasPrefix("<![CDATA[", at: i) {
                return findTerminator("]]>", from: i + 9, memo: &noCDATAEnd)
            }
            if i + 2 < n, isASCIILetter(input[i + 2]) {
                return findTerminator(">", from: i + 2, memo: &noDeclEnd)
            }
            return nil
        }
        if c == UInt8(ascii: "?") {
            return findTerminator("?>", from: i + 2, memo: &noPIEnd)
        }
        return HTMLTag.end(of: input, at: i)
    }

    private func hasPrefix(_ s: StaticString, at i: Int) -> Bool {
        let count = s.utf8CodeUnitCount
        guard i + count <= input.count else { return false }
        return s.withUTF8Buffer { p in
            for k in 0..<count where input[i + k] != p[k] { return false }
            return true
        }
    }

    /// Finds `terminator` at or after `start`; remembers a failed search so that
    /// the next one from a later position fails at once (keeps `<!--` repeated linear).
    private func findTerminator(_ terminator: StaticString, from start: Int, memo: inout Int) -> Int? {
        if start >= memo { return nil }
        let t = Array(UnsafeBufferPointer(start: terminator.utf8Start, count: terminator.utf8CodeUnitCount))
        var j = start
        let n = input.count
        while j + t.count <= n {
            if input[j] == t[0] {
                var ok = true
                for k in 1..<t.count where input[j + k] != t[k] { ok = false; break }
                if ok { return j + t.count }
            }
            j += 1
        }
        memo = min(memo, start)
        return nil
    }

    private mutating func entity(at i: Int) -> Int {
        if let (decoded, end) = Entities.decode(input, at: i) {
            out.append(contentsOf: decoded)
            return end
        }
        out.append(input[i])
        return i + 1
    }

    // MARK: Output

    private func applyDeletions(_ range: Range<Int>, sortedDeletions: [(Int, Int)]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(range.count)
        var pos = range.lowerBound
        // Deletions are at most 2 bytes long: start just before the range (binary search),
        // stop after it, so link texts cost their own length, not the paragraph's.
        let first = sortedDeletions.partitionPoint { $0.0 >= range.lowerBound - 2 }
        for (start, length) in sortedDeletions[first...] {
            if start >= range.upperBound { break }
            let s = max(start, range.lowerBound), e = min(start + length, range.upperBound)
            if e <= s { continue }
            if s > pos { result.append(contentsOf: out[pos..<s]) }
            pos = max(pos, e)
        }
        if pos < range.upperBound { result.append(contentsOf: out[pos..<range.upperBound]) }
        return result
    }

    private func finish() -> Output {
        if deletions.isEmpty && links.isEmpty && spans.isEmpty { return Output(text: collapseWhitespace(out), links: []) }
        let sorted = deletions.sorted { $0.0 < $1.0 }
        let visible = applyDeletions(0..<out.count, sortedDeletions: sorted)
        let linkList = links.map { link in
            Link(text: collapseWhitespace(applyDeletions(link.start..<link.end, sortedDeletions: sorted)),
                 destination: link.destination)
        }
        if spans.isEmpty { return Output(text: collapseWhitespace(visible), links: linkList) }
        // Span ends move left by the bytes deleted before them, then through the collapsing.
        var deletedBefore: [Int] = []  // bytes deleted by sorted[0..<k]
        deletedBefore.reserveCapacity(sorted.count + 1)
        deletedBefore.append(0)
        for (_, length) in sorted { deletedBefore.append(deletedBefore.last! + length) }
        func visiblePosition(_ p: Int) -> Int {
            let k = sorted.partitionPoint { $0.0 >= p }  // deletions starting before p
            guard k > 0 else { return p }
            let (start, length) = sorted[k - 1]
            return p - deletedBefore[k - 1] - min(length, p - start)
        }
        let raw = spans.map { span in
            RawSpan(kind: span.kind, range: visiblePosition(span.start)..<max(visiblePosition(span.start), visiblePosition(span.end)))
        }
        let (text, visibleSpans) = collapseWhitespace(visible, carrying: raw)
        return Output(text: text, links: linkList, spans: visibleSpans)
    }

    // MARK: Characters

    private func scalarBefore(_ i: Int) -> Unicode.Scalar? {
        guard i > 0 else { return nil }
        var start = i - 1
        while start > 0 && input[start] & 0xC0 == 0x80 && i - start < 4 { start -= 1 }
        return decodeScalar(input, at: start)
    }

    private func scalarAt(_ i: Int) -> Unicode.Scalar? {
        guard i < input.count else { return nil }
        return decodeScalar(input, at: i)
    }
}

// MARK: Shared character helpers

@inline(__always) func isASCIIPunctuation(_ b: UInt8) -> Bool {
    (b >= 0x21 && b <= 0x2F) || (b >= 0x3A && b <= 0x40) || (b >= 0x5B && b <= 0x60) || (b >= 0x7B && b <= 0x7E)
}
@inline(__always) func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
@inline(__always) func isASCIIDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
@inline(__always) func isASCIIAlphanumeric(_ b: UInt8) -> Bool { isASCIILetter(b) || isASCIIDigit(b) }

func decodeScalar(_ bytes: [UInt8], at i: Int) -> Unicode.Scalar? {
    let b = bytes[i]
    if b < 0x80 { return Unicode.Scalar(b) }
    var length = 0
    var value: UInt32 = 0
    if b & 0xE0 == 0xC0 { length = 2; value = UInt32(b & 0x1F) }
    else if b & 0xF0 == 0xE0 { length = 3; value = UInt32(b & 0x0F) }
    else if b & 0xF8 == 0xF0 { length = 4; value = UInt32(b & 0x07) }
    else { return nil }
    guard i + length <= bytes.count else { return nil }
    for k in 1..<length { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
    return Unicode.Scalar(value)
}

func isUnicodeWhitespace(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x20, 0x09, 0x0A, 0x0C, 0x0D: return true
    case 0..<0x80: return false
    default: return s.properties.generalCategory == .spaceSeparator
    }
}

func isUnicodePunctuation(_ s: Unicode.Scalar) -> Bool {
    if s.value < 0x80 { return isASCIIPunctuation(UInt8(s.value)) }
    switch s.properties.generalCategory {
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
         .initialPunctuation, .finalPunctuation, .otherPunctuation:
        return true
    default:
        return false
    }
}

/// Link labels match case-insensitively with whitespace collapsed.
func normalizeLabel(_ bytes: ArraySlice<UInt8>) -> String? {
    let text = collapseWhitespace(Array(bytes))
    if text.isEmpty { return nil }
    return text.lowercased()
}

/// Runs of spaces, tabs and newlines become one space; the ends are trimmed.
public func collapseWhitespace(_ bytes: [UInt8]) -> String {
    bytes.withUnsafeBufferPointer { collapseWhitespace($0) }
}

/// The same over raw bytes, written straight into the new string's storage (one pass, one
/// allocation: this runs on every paragraph).
func collapseWhitespace(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    if bytes.isEmpty { return "" }
    return String(unsafeUninitializedCapacity: bytes.count) { result in
        var count = 0
        var pendingSpace = false
        for b in bytes {
            if b == 0x20 || b == 0x0A || b == 0x09 {
                pendingSpace = count > 0
            } else {
                if pendingSpace { result[count] = 0x20; count += 1; pendingSpace = false }
                result[count] = b
                count += 1
            }
        }
        return count
    }
}
