import CXML

/// One node of a parsed page: an element or a run of text. The tree is Brief's own, built
/// from libxml2's SAX events, so extraction can reshape it (retag, move, remove) freely.
final class HTMLNode {
    // The stored properties are declared widest first: a page has tens of thousands of
    // nodes, and this order keeps each 16 bytes smaller than the natural one.

    /// Lower-case tag name; "#text" for text.
    var name: String {
        didSet { isText = name == "#text" }
    }
    /// The text of a text node (entities decoded, controls removed); "" for elements.
    var text: String
    var attributes: [(name: String, value: String)]
    var children: [HTMLNode] = []
    /// Unowned, not weak: weak references give every node a side table, which made reference
    /// counting a third of the extraction time. A parent outlives its children while they are
    /// in its tree; the extractor keeps every node of a page alive until it is done with it.
    unowned var parent: HTMLNode?

    // Content scoring (see `ContentExtractor`).
    var score: Double = 0

    /// 1-based line in the page source where the node starts.
    var line: Int { Int(storedLine) }
    private let storedLine: Int32

    /// For text nodes, measured once when first asked (the text no longer changes then).
    var measured: TextMeasure.Run?

    /// Stored, not compared each time: every walk over the tree asks it of every node.
    private(set) var isText: Bool
    var scored = false
    var dataTable = false

    init(name: String, attributes: [(name: String, value: String)] = [], text: String = "", line: Int) {
        self.name = name
        self.isText = name == "#text"
        self.attributes = attributes
        self.text = text
        self.storedLine = Int32(clamping: line)
    }

    var isElement: Bool { !isText }

    func attribute(_ key: String) -> String? {
        for attribute in attributes where attribute.name == key { return attribute.value }
        return nil
    }

    func hasAttribute(_ key: String) -> Bool { attributes.contains { $0.name == key } }

    func setAttribute(_ key: String, _ value: String) {
        if let index = attributes.firstIndex(where: { $0.name == key }) {
            attributes[index].value = value
        } else {
            attributes.append((key, value))
        }
    }

    var className: String { attribute("class") ?? "" }
    var id: String { attribute("id") ?? "" }

    var elementChildren: [HTMLNode] { children.filter(\.isElement) }

    var firstElementChild: HTMLNode? { children.first(where: \.isElement) }

    var index: Int? { parent?.children.firstIndex { $0 === self } }

    var nextElementSibling: HTMLNode? {
        guard let parent, let index else { return nil }
        var i = index + 1
        while i < parent.children.count {
            if parent.children[i].isElement { return parent.children[i] }
            i += 1
        }
        return nil
    }

    var nextSibling: HTMLNode? {
        guard let parent, let index, index + 1 < parent.children.count else { return nil }
        return parent.children[index + 1]
    }

    func append(_ child: HTMLNode) {
        child.remove()
        child.parent = self
        children.append(child)
    }

    func remove() {
        guard let parent, let index else { return }
        parent.children.remove(at: index)
        self.parent = nil
    }

    /// Removes `nodes` from their parents, each parent's children filtered once: removing
    /// them one by one searches and shifts the children each time, quadratic in a long article.
    static func removeAll(_ nodes: [HTMLNode]) {
        guard nodes.count > 1 else { nodes.first?.remove(); return }
        var removed = Set<ObjectIdentifier>()
        var parents: [HTMLNode] = []
        var seen = Set<ObjectIdentifier>()
        for node in nodes {
            guard let parent = node.parent else { continue }
            removed.insert(ObjectIdentifier(node))
            if seen.insert(ObjectIdentifier(parent)).inserted { parents.append(parent) }
        }
        for parent in parents {
            parent.children.removeAll { child in
                guard removed.contains(ObjectIdentifier(child)) else { return false }
                child.parent = nil
                return true
            }
        }
    }

    /// Puts `other` where this node is.
    func replace(with other: HTMLNode) {
        guard let parent, let index else { return }
        other.remove()
        parent.children[index] = other
        other.parent = parent
        self.parent = nil
    }

    /// The text of the node and everything in it, as written (whitespace not collapsed).
    var textContent: String {
        if isText { return text }
        var out = ""
        appendText(to: &out)
        return out
    }

    private func appendText(to out: inout String) {
        for child in children {
            if child.isText { out += child.text } else { child.appendText(to: &out) }
        }
    }

    /// Elements inside this one with one of `names` (every element when `names` is empty),
    /// in document order.
    func descendants(named names: Set<String>) -> [HTMLNode] {
        var found: [HTMLNode] = []
        if names.count == 1, let name = names.first {
            collect(name, into: &found)  // no hashing of every element's name
        } else {
            collect(names, into: &found)
        }
        return found
    }

    private func collect(_ name: String, into found: inout [HTMLNode]) {
        for child in children where child.isElement {
            if child.name == name { found.append(child) }
            if !child.children.isEmpty { child.collect(name, into: &found) }
        }
    }

    private func collect(_ names: Set<String>, into found: inout [HTMLNode]) {
        for child in children where child.isElement {
            if names.isEmpty || names.contains(child.name) { found.append(child) }
            if !child.children.isEmpty { child.collect(names, into: &found) }
        }
    }

    /// Whether an element named one of `names` is inside this one.
    func contains(named names: Set<String>) -> Bool {
        for child in children where child.isElement {
            if names.contains(child.name) || child.contains(named: names) { return true }
        }
        return false
    }

    func hasAncestor(named name: String, maxDepth: Int = 0, where test: ((HTMLNode) -> Bool)? = nil) -> Bool {
        var depth = 0
        var node = parent
        while let current = node {
            if maxDepth > 0 && depth > maxDepth { return false }
            if current.name == name && (test?(current) ?? true) { return true }
            node = current.parent
            depth += 1
        }
        return false
    }
}

/// A page parsed by libxml2's HTML parser: the tree, and what the head says about it.
struct HTMLPage {
    var root: HTMLNode
    /// The contents of `<script type="application/ld+json">` elements, in order.
    var jsonLD: [String]
}

/// Builds an `HTMLNode` tree from libxml2's SAX callbacks. libxml2 does the HTML error
/// recovery (implied and auto-closed elements); script and style text is never kept,
/// apart from JSON-LD metadata.
final class HTMLTreeBuilder {
    /// Deeper elements are read as part of their ancestor at this depth: no recursion over
    /// the tree can then overflow the stack, whatever the page nests.
    static let maxDepth = 256
    /// Elements whose content is never shown (their text is dropped while parsing).
    static let hiddenContent: Set<String> = ["script", "style", "template", "noscript", "svg",
                                              "iframe", "object", "embed", "select", "textarea", "button"]

    private(set) var root = HTMLNode(name: "#document", line: 1)
    private var stack: [HTMLNode] = []
    private var skippedDepth = 0        // elements open inside a hidden one (their text is dropped)
    private var overflowDepth = 0       // elements open beyond maxDepth (their text is kept)
    private var preDepth = 0            // open `pre` elements (all their white space is text)
    private var collectingJSONLD = false
    private var jsonLDText: [UInt8] = []
    private(set) var jsonLD: [String] = []
    fileprivate var context: htmlParserCtxtPtr?

    init() { stack = [root] }

    private var currentLine: Int {
        guard let input = context?.pointee.input else { return 1 }
        return Int(max(1, input.pointee.line))
    }

    fileprivate func start(_ name: UnsafePointer<xmlChar>?, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        // libxml2's HTML parser gives tag and attribute names in lower case already.
        let tag = name.map { String(cString: $0) } ?? ""
        if skippedDepth == 0 { flushText(before: tag) }
        if skippedDepth > 0 {
            skippedDepth += 1
            return
        }
        var pairs: [(name: String, value: String)] = []
        if var cursor = attributes {
            while let key = cursor.pointee {
                let value = cursor.advanced(by: 1).pointee
                pairs.append((String(cString: key), value.map(HTMLTreeBuilder.attributeValue) ?? ""))
                cursor = cursor.advanced(by: 2)
            }
        }
        if tag == "script", let type = pairs.first(where: { $0.name == "type" })?.value,
           type.lowercased().contains("ld+json") {
            collectingJSONLD = true
            jsonLDText = []
        }
        if HTMLTreeBuilder.hiddenContent.contains(tag) {
            skippedDepth = 1
            return
        }
        if stack.count > HTMLTreeBuilder.maxDepth {
            overflowDepth += 1
            return
        }
        let node = HTMLNode(name: tag, attributes: pairs, line: currentLine)
        node.parent = stack.last
        stack.last!.children.append(node)
        stack.append(node)
        if tag == "pre" { preDepth += 1 }
    }

    fileprivate func end(_ name: UnsafePointer<xmlChar>?) {
        if skippedDepth == 0 { flushText(before: nil) }
        if skippedDepth > 0 {
            skippedDepth -= 1
            if skippedDepth == 0 && collectingJSONLD {
                collectingJSONLD = false
                jsonLD.append(String(decoding: jsonLDText, as: UTF8.self))
            }
            return
        }
        if overflowDepth > 0 {
            overflowDepth -= 1
            return
        }
        if stack.count > 1, stack.removeLast().name == "pre" { preDepth -= 1 }
    }

    fileprivate func characters(_ bytes: UnsafePointer<xmlChar>?, _ length: Int32) {
        guard let bytes, length > 0 else { return }
        let buffer = UnsafeBufferPointer(start: bytes, count: Int(length))
        if skippedDepth > 0 {
            if collectingJSONLD && jsonLDText.count < 1 << 20 { jsonLDText.append(contentsOf: buffer) }
            return
        }
        // Gathered as bytes and made a string of its exact size when the run ends: libxml2 hands
        // text over in pieces, and strings grown piece by piece keep up to twice their size.
        if pendingText.isEmpty { pendingLine = currentLine }
        pendingText.append(contentsOf: buffer)
    }

    private var pendingText: [UInt8] = []
    private var pendingLine = 1

    /// Ends the run of text before an element starts (`next`) or ends (nil), or the page does.
    fileprivate func flushText(before next: String?) {
        guard !pendingText.isEmpty else { return }
        if isLayoutWhitespace(before: next) {
            pendingText.removeAll(keepingCapacity: true)
            return
        }
        let node = HTMLNode(name: "#text", text: String(decoding: SourceText.clean(pendingText), as: UTF8.self),
                            line: pendingLine)
        pendingText.removeAll(keepingCapacity: true)
        let parent = stack.last!
        node.parent = parent
        parent.children.append(node)
    }

    /// Elements that start and end a line of their own: the white space around them is the
    /// page's source layout, not text.
    static let blockElements: Set<String> = [
        "html", "head", "body", "div", "p", "section", "article", "main", "header", "footer", "nav", "aside",
        "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody",
        "tfoot", "tr", "td", "th", "caption", "blockquote", "figure", "figcaption", "form", "fieldset", "hr",
        "address", "details", "summary", "hgroup", "title", "meta", "link", "base",
    ]

    /// Whether the pending text is only white space between block elements (or at the start
    /// or end of one). Such runs are a third of the nodes of a typical page and carry nothing:
    /// they are not kept. White space beside inline elements (`<b>a</b> <i>b</i>`) and inside
    /// `pre` is text and stays.
    private func isLayoutWhitespace(before next: String?) -> Bool {
        guard preDepth == 0, pendingText.allSatisfy(TextMeasure.isSpace) else { return false }
        let parent = stack.last!
        let previousIsBlock = parent.children.last.map { Self.blockElements.contains($0.name) }
            ?? Self.blockElements.contains(parent.name)
        let nextIsBlock = next.map { Self.blockElements.contains($0) || Self.hiddenContent.contains($0) }
            ?? Self.blockElements.contains(parent.name)
        return previousIsBlock && nextIsBlock
    }

    /// Attribute values and entity-decoded text with terminal controls removed.
    static func clean(_ text: String) -> String {
        String(decoding: SourceText.clean(Array(text.utf8)), as: UTF8.self)
    }

    /// An attribute value made safe; printable ASCII (nearly every value) is taken as it is.
    static func attributeValue(_ value: UnsafePointer<xmlChar>) -> String {
        var length = 0
        var ascii = true
        while value[length] != 0 {
            let byte = value[length]
            if byte < 0x20 || byte >= 0x7F { ascii = false }
            length += 1
        }
        let bytes = UnsafeBufferPointer(start: value, count: length)
        return ascii ? String(decoding: bytes, as: UTF8.self)
            : String(decoding: SourceText.clean(Array(bytes)), as: UTF8.self)
    }
}

enum HTMLParser {
    /// Parses UTF-8 HTML. libxml2 recovers from any error, never touches the network and
    /// ignores the page's own charset declaration (the bytes are already UTF-8).
    static func parse(utf8 bytes: [UInt8]) -> HTMLPage {
        let builder = HTMLTreeBuilder()
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return HTMLPage(root: builder.root, jsonLD: []) }
        var handler = htmlSAXHandler()
        handler.initialized = 1
        handler.startElement = { user, name, attributes in HTMLTreeBuilder.from(user).start(name, attributes) }
        handler.endElement = { user, name in HTMLTreeBuilder.from(user).end(name) }
        handler.characters = { user, bytes, length in HTMLTreeBuilder.from(user).characters(bytes, length) }
        handler.ignorableWhitespace = handler.characters
        handler.cdataBlock = handler.characters
        let user = Unmanaged.passUnretained(builder).toOpaque()
        // The push parser, fed in chunks: libxml2 then keeps only what it has not parsed yet,
        // not a second copy of the whole page.
        guard let context = htmlCreatePushParserCtxt(&handler, user, nil, 0, nil, XML_CHAR_ENCODING_UTF8) else {
            return HTMLPage(root: builder.root, jsonLD: [])
        }
        defer { htmlFreeParserCtxt(context) }
        builder.context = context
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
                            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue
                            | HTML_PARSE_IGNORE_ENC.rawValue)
        htmlCtxtUseOptions(context, options)
        bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                // 1 MB: bigger chunks let libxml2 look ahead less often (a tenth faster than
                // 64 KB on the dev pages) while holding at most this much beside the page.
                let chunk = 1 << 20
                var offset = 0
                while offset < buffer.count {
                    let size = min(chunk, buffer.count - offset)
                    let last = offset + size == buffer.count
                    htmlParseChunk(context, chars + offset, Int32(size), last ? 1 : 0)
                    offset += size
                }
            }
        }
        builder.flushText(before: nil)
        builder.context = nil
        return HTMLPage(root: builder.root, jsonLD: builder.jsonLD)
    }
}

extension HTMLTreeBuilder {
    fileprivate static func from(_ pointer: UnsafeMutableRawPointer?) -> HTMLTreeBuilder {
        Unmanaged<HTMLTreeBuilder>.fromOpaque(pointer!).takeUnretainedValue()
    }
}
