/// Finds the article in a page: the approach of Mozilla's Readability. Paragraph-like
/// elements are scored by their text (length, commas) and give that score to their
/// ancestors; class and id names that mean content or boilerplate weigh in; link-heavy
/// candidates lose. The best candidate is taken with the siblings that score near it, then
/// cleaned of what is left of navigation, widgets and forms. When too little text remains,
/// it is tried again with fewer rules.
struct ContentExtractor {
    struct Rules: OptionSet {
        let rawValue: Int
        static let stripUnlikely = Rules(rawValue: 1)
        static let weighClasses = Rules(rawValue: 2)
        static let cleanConditionally = Rules(rawValue: 4)
        static let all: Rules = [.stripUnlikely, .weighClasses, .cleanConditionally]
    }

    /// An article of fewer characters than this is tried again with fewer rules.
    static let minimumLength = 500

    /// The byline found in the page body (an element marked as author or byline), if any.
    private(set) var byline: String?
    private let title: String
    private var rules: Rules = .all

    init(title: String) { self.title = title }

    /// The article's content as a `div`, or nil when the page has no text. The first attempt
    /// reshapes `root`; each further one works on a fresh tree from `reparse` (parsing again
    /// costs less memory than keeping a copy of a large page for a retry that is rarely needed).
    mutating func extract(from root: HTMLNode, reparse: () -> HTMLNode) -> HTMLNode? {
        var attempts: [(content: HTMLNode, length: Int, byline: String?)] = []
        let order: [Rules] = [.all, [.weighClasses, .cleanConditionally], [.cleanConditionally], []]
        for (n, rules) in order.enumerated() {
            self.rules = rules
            byline = nil
            let page = n == 0 ? root : reparse()
            ContentExtractor.prepare(page)
            guard let content = grab(page) else { continue }
            let length = TextMeasure.length(content)
            if length >= ContentExtractor.minimumLength { return content }
            attempts.append((content, length, byline))
        }
        guard let best = attempts.max(by: { $0.length < $1.length }), best.length > 0 else { return nil }
        byline = best.byline
        return best.content
    }

    // MARK: - Preparing the page

    /// Runs of `<br>`s become paragraph breaks; `<font>` is a `<span>`.
    static func prepare(_ root: HTMLNode) {
        var breaks: [HTMLNode] = []
        for node in root.descendants(named: ["font", "br"]) {
            if node.name == "font" { node.name = "span" } else { breaks.append(node) }
        }
        for br in breaks {
            guard let parent = br.parent, var index = br.index else { continue }
            // Further <br>s after this one (with only whitespace between) are removed.
            var replaced = false
            var probe = index + 1
            while let next = nextContent(in: parent, from: probe), parent.children[next].name == "br" {
                replaced = true
                parent.children[next].parent = nil
                parent.children.remove(at: next)
                probe = next
            }
            guard replaced else { continue }
            let paragraph = HTMLNode(name: "p", line: br.line)
            br.replace(with: paragraph)
            index = paragraph.index ?? index
            // Phrasing content that follows goes into the new paragraph, up to the next <br><br>.
            while index + 1 < parent.children.count {
                let next = parent.children[index + 1]
                if next.name == "br", let after = nextContent(in: parent, from: index + 2),
                   parent.children[after].name == "br" { break }
                if !isPhrasing(next) { break }
                parent.children.remove(at: index + 1)
                next.parent = paragraph
                paragraph.children.append(next)
            }
            while let last = paragraph.children.last, isWhitespace(last) {
                last.parent = nil
                paragraph.children.removeLast()
            }
            if parent.name == "p" { parent.name = "div" }
        }
    }

    /// The index of the first child from `start` that is an element or non-blank text.
    private static func nextContent(in parent: HTMLNode, from start: Int) -> Int? {
        var i = start
        while i < parent.children.count {
            let node = parent.children[i]
            if node.isElement || !TextMeasure.isBlank(node) { return i }
            i += 1
        }
        return nil
    }

    // MARK: - Scoring

    private mutating func grab(_ root: HTMLNode) -> HTMLNode? {
        let html = root.children.first { $0.name == "html" }
        guard let body = html?.children.first(where: { $0.name == "body" }) ?? root.descendants(named: ["body"]).first else {
            return nil
        }
        var toScore: [HTMLNode] = []
        var queued = Set<ObjectIdentifier>()
        func queue(_ node: HTMLNode) {
            if queued.insert(ObjectIdentifier(node)).inserted { toScore.append(node) }
        }
        var removeTitleHeading = true

        // Every element of the page, in document order; those removed on the way are skipped.
        // The list also keeps removed elements alive until the content is collected (parents
        // are unowned references).
        let everything = body.descendants(named: ContentExtractor.anyElement)
        defer { withExtendedLifetime(everything) {} }
        for node in everything where isAttached(node, to: root) {
            let match = node.className + " " + node.id
            if !ContentExtractor.isProbablyVisible(node) {
                node.remove()
                continue
            }
            if node.attribute("aria-modal") == "true" && node.attribute("role") == "dialog" {
                node.remove()
                continue
            }
            if byline == nil, ContentExtractor.isByline(node, match) {
                byline = ContentExtractor.bylineText(node)
                node.remove()
                continue
            }
            if removeTitleHeading, node.name == "h1" || node.name == "h2",
               ContentExtractor.similarity(title, collapseWhitespace(Array(node.textContent.utf8))) > 0.75 {
                removeTitleHeading = false
                node.remove()
                continue
            }
            if rules.contains(.stripUnlikely) {
                if ClassNames.unlikely(match) && !ClassNames.maybeContent(match)
                    && !node.hasAncestor(named: "table", maxDepth: 3) && !node.hasAncestor(named: "code", maxDepth: 3)
                    && node.name != "body" && node.name != "a" {
                    node.remove()
                    continue
                }
                if let role = node.attribute("role"), ContentExtractor.unlikelyRoles.contains(role) {
                    node.remove()
                    continue
                }
            }
            if ContentExtractor.emptyContainers.contains(node.name) && ContentExtractor.isWithoutContent(node) {
                node.remove()
                continue
            }
            if ContentExtractor.scoredTags.contains(node.name) { queue(node) }
            if node.name == "div" {
                wrapPhrasing(in: node, queue: queue)
                if ContentExtractor.hasSingleChild(node, named: "p") && TextMeasure.linkDensity(node) < 0.25 {
                    let paragraph = node.firstElementChild!
                    node.replace(with: paragraph)
                    queue(paragraph)
                } else if !ContentExtractor.hasBlockChild(node) {
                    node.name = "p"
                    queue(node)
                }
            }
        }

        var candidates: [HTMLNode] = []
        for element in toScore where element.parent != nil {
            let length = TextMeasure.length(element)
            if length < 25 { continue }
            let ancestors = ContentExtractor.ancestors(of: element, limit: 5)
            if ancestors.isEmpty { continue }
            let points = 1 + Double(TextMeasure.commas(element)) + Double(min(length / 100, 3))
            for (level, ancestor) in ancestors.enumerated() {
                guard ancestor.parent != nil, ancestor.name != "#document", ancestor.name != "html" else { continue }
                if !ancestor.scored {
                    initialize(ancestor)
                    candidates.append(ancestor)
                }
                let divider = level == 0 ? 1.0 : level == 1 ? 2.0 : Double(level * 3)
                ancestor.score += points / divider
            }
        }

        var top: [HTMLNode] = []
        for candidate in candidates {
            candidate.score *= 1 - TextMeasure.linkDensity(candidate)
            let position = top.firstIndex { candidate.score > $0.score } ?? top.count
            if position < 5 {
                top.insert(candidate, at: position)
                if top.count > 5 { top.removeLast() }
            }
        }

        var best: HTMLNode
        if let first = top.first, first.name != "body" {
            best = first
            best = ContentExtractor.commonAncestor(of: best, alternatives: Array(top.dropFirst())) ?? best
            if !best.scored { initialize(best) }
            // Climb while the parent scores at least a third of the best and holds more.
            var parent = best.parent
            var lastScore = best.score
            let threshold = lastScore / 3
            while let current = parent, current.name != "body" {
                if !current.scored { parent = current.parent; continue }
                if current.score < threshold { break }
                if current.score > lastScore { best = current; break }
                lastScore = current.score
                parent = current.parent
            }
            // An only child stands for its parent.
            parent = best.parent
            while let current = parent, current.name != "body", current.elementChildren.count == 1 {
                best = current
                parent = current.parent
            }
            if !best.scored { initialize(best) }
        } else {
            best = HTMLNode(name: "div", line: body.line)
            for child in body.children { child.parent = best }
            best.children = body.children
            body.children = []
            body.append(best)
            initialize(best)
        }

        return collect(around: best)
    }

    /// The best candidate and the siblings that belong with it, in a new `div`, cleaned.
    private func collect(around best: HTMLNode) -> HTMLNode {
        let content = HTMLNode(name: "div", line: best.line)
        let threshold = max(10, best.score * 0.2)
        let siblings = best.parent?.children.filter(\.isElement) ?? [best]
        for sibling in siblings {
            var take = sibling === best
            if !take {
                var bonus = 0.0
                if !best.className.isEmpty && sibling.className == best.className { bonus += best.score * 0.2 }
                if sibling.scored && sibling.score + bonus >= threshold {
                    take = true
                } else if sibling.name == "p" {
                    let density = TextMeasure.linkDensity(sibling)
                    let length = TextMeasure.length(sibling)
                    if length > 80 && density < 0.25 {
                        take = true
                    } else if length < 80 && length > 0 && density == 0 && ContentExtractor.endsSentence(sibling) {
                        take = true
                    }
                }
            }
            if take {
                if !["div", "article", "section", "p"].contains(sibling.name) { sibling.name = "div" }
                content.append(sibling)
            }
        }
        clean(content)
        return content
    }

    private func initialize(_ node: HTMLNode) {
        node.scored = true
        switch node.name {
        case "div": node.score = 5
        case "pre", "td", "blockquote": node.score = 3
        case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": node.score = -3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": node.score = -5
        default: node.score = 0
        }
        node.score += Double(classWeight(node))
    }

    private func classWeight(_ node: HTMLNode) -> Int {
        guard rules.contains(.weighClasses) else { return 0 }
        var weight = 0
        for name in [node.className, node.id] where !name.isEmpty {
            if ClassNames.negative(name) { weight -= 25 }
            if ClassNames.positive(name) { weight += 25 }
        }
        return weight
    }

    /// Runs of inline content directly in a `div` become paragraphs of their own.
    private func wrapPhrasing(in div: HTMLNode, queue: (HTMLNode) -> Void) {
        var paragraph: HTMLNode?
        var index = 0
        while index < div.children.count {
            let child = div.children[index]
            if ContentExtractor.isPhrasing(child) {
                if let paragraph {
                    div.children.remove(at: index)
                    child.parent = paragraph
                    paragraph.children.append(child)
                    continue
                }
                if !ContentExtractor.isWhitespace(child) {
                    let wrapper = HTMLNode(name: "p", line: child.line)
                    div.children[index] = wrapper
                    wrapper.parent = div
                    child.parent = wrapper
                    wrapper.children.append(child)
                    paragraph = wrapper
                }
            } else if let open = paragraph {
                while let last = open.children.last, ContentExtractor.isWhitespace(last) {
                    last.parent = nil
                    open.children.removeLast()
                }
                paragraph = nil
            }
            index += 1
        }
    }

    private func isAttached(_ node: HTMLNode, to root: HTMLNode) -> Bool {
        var current = node
        while let parent = current.parent { current = parent }
        return current === root
    }

    // MARK: - Cleaning the article

    private func clean(_ content: HTMLNode) {
        // One walk finds every element; each step below takes those still in the article.
        let index = ElementIndex(content)
        ContentExtractor.markDataTables(index["table"])
        cleanConditionally(index["form"], "form", in: content)
        cleanConditionally(index["fieldset"], "fieldset", in: content)
        for name in ["object", "embed", "footer", "link", "aside", "iframe", "input", "textarea", "select", "button", "nav"] {
            HTMLNode.removeAll(index[name])
        }
        // Share buttons and the like, where they hold little text (decided in document order,
        // an outer element before what it holds, so removing them together changes nothing).
        HTMLNode.removeAll(index.all.filter { node in
            guard node.parent != nil, index.isInside(node, content) else { return false }
            return ClassNames.share(node.className + " " + node.id) && node.textContent.utf8.count < 500
        })
        for heading in index["h1"] + index["h2"] where classWeight(heading) < 0 { heading.remove() }
        cleanConditionally(index["table"], "table", in: content)
        cleanConditionally(index["ul"], "ul", in: content)
        cleanConditionally(index["div"], "div", in: content)
        for heading in index["h1"] { heading.name = "h2" }
        for paragraph in index["p"] where index.isInside(paragraph, content) {
            if TextMeasure.isBlank(paragraph) && !paragraph.contains(named: ["img", "embed", "object", "iframe"]) {
                paragraph.remove()
            }
        }
        for br in index["br"] where index.isInside(br, content) {
            guard let parent = br.parent, let position = br.index,
                  let next = ContentExtractor.nextContent(in: parent, from: position + 1) else { continue }
            if parent.children[next].name == "p" { br.remove() }
        }
        // A table of one cell is its cell.
        for table in index["table"] where index.isInside(table, content) {
            var inner = table
            if ContentExtractor.hasSingleChild(inner, named: "tbody") { inner = inner.firstElementChild! }
            guard ContentExtractor.hasSingleChild(inner, named: "tr") else { continue }
            let row = inner.firstElementChild!
            guard ContentExtractor.hasSingleChild(row, named: "td") else { continue }
            let cell = row.firstElementChild!
            cell.name = cell.children.allSatisfy(ContentExtractor.isPhrasing) ? "p" : "div"
            table.replace(with: cell)
        }
    }

    /// Removes elements named `tag` that look like boilerplate: negative class names, few
    /// commas with many images, list items, inputs or links for their text.
    /// `nodes` in document order; the last are looked at first, so inner elements go before
    /// the ones that hold them.
    private func cleanConditionally(_ nodes: [HTMLNode], _ tag: String, in content: HTMLNode) {
        guard rules.contains(.cleanConditionally) else { return }
        for node in nodes.reversed() where ElementIndex.isInside(node, content) {
            if shouldRemove(node, tag) { node.remove() }
        }
    }

    private func shouldRemove(_ node: HTMLNode, _ tag: String) -> Bool {
        if tag == "table" && node.dataTable { return false }
        if node.hasAncestor(named: "table", where: { $0.dataTable }) { return false }
        if node.hasAncestor(named: "code", maxDepth: 3) { return false }
        let weight = classWeight(node)
        if weight < 0 { return true }
        // Most of the article's own text has commas: decided before anything is counted.
        guard TextMeasure.commas(node) < 10 else { return false }
        let census = Census(node)
        let length = census.length
        var isList = tag == "ul" || tag == "ol"
        if !isList && length > 0 {
            isList = Double(census.listLength) / Double(length) > 0.9
        }

        let paragraphs = census.paragraphs
        let images = census.images
        let items = census.items - 100
        let inputs = census.inputs
        let headingDensity = census.density(census.headingLength)
        let embeds = census.embeds
        // The longest of the ad and loading words is 13 characters.
        if length <= 20, ContentExtractor.isAdOrLoading(collapseWhitespace(Array(node.textContent.utf8))) { return true }
        let linkDensity = census.density(census.linkLength)
        let textDensity = census.density(census.textishLength)
        let inFigure = node.hasAncestor(named: "figure", maxDepth: 3)

        var remove = false
        if !inFigure && images > 1 && Double(paragraphs) / Double(images) < 0.5 { remove = true }
        if !isList && items > paragraphs { remove = true }
        if inputs > paragraphs / 3 { remove = true }
        if !isList && !inFigure && headingDensity < 0.9 && length < 25 && (images == 0 || images > 2) && linkDensity > 0 {
            remove = true
        }
        if !isList && weight < 25 && linkDensity > 0.2 { remove = true }
        if weight >= 25 && linkDensity > 0.5 { remove = true }
        if (embeds == 1 && length < 75) || embeds > 1 { remove = true }
        if images == 0 && textDensity == 0 { remove = true }
        // A list of images (a gallery) stays.
        if isList && remove {
            if node.elementChildren.contains(where: { $0.elementChildren.count > 1 }) { return true }
            if images == census.items { return false }
        }
        return remove
    }

    /// What conditional cleaning asks of a node, counted in one walk over it: the elements
    /// of each kind inside and the text lengths inside them (each element inside a counted
    /// one is counted again, as `descendants` would count it).
    struct Census {
        var length = 0
        var paragraphs = 0, images = 0, items = 0, inputs = 0, embeds = 0
        var listLength = 0, headingLength = 0, textishLength = 0
        var linkLength = 0.0

        init(_ node: HTMLNode) {
            length = TextMeasure.length(node)
            visit(node)
        }

        func density(_ part: Int) -> Double { length == 0 ? 0 : Double(part) / Double(length) }
        func density(_ part: Double) -> Double { length == 0 ? 0 : part / Double(length) }

        private mutating func visit(_ node: HTMLNode) {
            for child in node.children where child.isElement {
                let name = child.name
                switch name {
                case "p": paragraphs += 1
                case "img": images += 1
                case "li": items += 1
                case "input": inputs += 1
                case "object", "embed", "iframe": embeds += 1
                case "h1", "h2", "h3", "h4", "h5", "h6": headingLength += TextMeasure.length(child)
                case "a": linkLength += TextMeasure.weighedLength(ofLink: child)
                default: break
                }
                if name == "ul" || name == "ol" { listLength += TextMeasure.length(child) }
                if ContentExtractor.textish.contains(name) { textishLength += TextMeasure.length(child) }
                if !child.children.isEmpty { visit(child) }
            }
        }
    }

    /// Tables that hold data (headers, captions, many cells) as opposed to page layout.
    static func markDataTables(_ tables: [HTMLNode]) {
        for table in tables {
            table.dataTable = isDataTable(table)
        }
    }

    static func isDataTable(_ table: HTMLNode) -> Bool {
        if table.attribute("role") == "presentation" { return false }
        if table.attribute("datatable") == "0" { return false }
        if table.hasAttribute("summary") { return true }
        if let caption = table.descendants(named: ["caption"]).first, !caption.children.isEmpty { return true }
        if table.contains(named: ["col", "colgroup", "tfoot", "thead", "th"]) { return true }
        if table.contains(named: ["table"]) { return false }
        var rows = 0
        var columns = 0
        for row in table.descendants(named: ["tr"]) {
            rows += Int(row.attribute("rowspan") ?? "") ?? 1
            var cells = 0
            for cell in row.elementChildren where cell.name == "td" || cell.name == "th" {
                cells += Int(cell.attribute("colspan") ?? "") ?? 1
            }
            columns = max(columns, cells)
        }
        if rows >= 10 || columns > 4 { return true }
        return rows * columns > 10
    }

    // MARK: - Element tests

    static let anyElement: Set<String> = []  // see `descendants(named:)`: empty means every element

    static let scoredTags: Set<String> = ["section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre"]
    static let emptyContainers: Set<String> = ["div", "section", "header", "h1", "h2", "h3", "h4", "h5", "h6"]
    static let blockChildren: Set<String> = ["blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul"]
    static let textish: Set<String> = ["span", "li", "td", "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul"]
    static let unlikelyRoles: Set<String> = ["menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"]
    static let phrasing: Set<String> = [
        "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn", "em", "embed", "i",
        "img", "input", "kbd", "label", "mark", "math", "meter", "noscript", "object", "output", "progress", "q",
        "ruby", "samp", "script", "select", "small", "span", "strong", "sub", "sup", "textarea", "time", "var",
        "wbr", "font", "u", "s", "strike", "big", "tt", "acronym",
    ]

    static func isPhrasing(_ node: HTMLNode) -> Bool {
        if node.isText || phrasing.contains(node.name) { return true }
        if node.name == "a" || node.name == "del" || node.name == "ins" { return node.children.allSatisfy(isPhrasing) }
        return false
    }

    static func isWhitespace(_ node: HTMLNode) -> Bool {
        (node.isText && TextMeasure.isBlank(node)) || node.name == "br"
    }

    static func isProbablyVisible(_ node: HTMLNode) -> Bool {
        if let style = node.attribute("style") {
            let compact = style.utf8.filter { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A }
                .map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            if ClassNames.contains(compact, Array("display:none".utf8))
                || ClassNames.contains(compact, Array("visibility:hidden".utf8)) { return false }
        }
        if node.hasAttribute("hidden") { return false }
        if node.attribute("aria-hidden") == "true" && !node.className.contains("fallback-image") { return false }
        return true
    }

    /// No text and no elements but `br`/`hr`: only the children need looking at (the
    /// whole subtree of every container was once walked here).
    static func isWithoutContent(_ node: HTMLNode) -> Bool {
        node.children.allSatisfy { child in
            child.isText ? TextMeasure.isBlank(child) : child.name == "br" || child.name == "hr"
        }
    }

    static func hasSingleChild(_ node: HTMLNode, named name: String) -> Bool {
        let elements = node.elementChildren
        guard elements.count == 1, elements[0].name == name else { return false }
        return !node.children.contains { $0.isText && !TextMeasure.isBlank($0) }
    }

    static func hasBlockChild(_ node: HTMLNode) -> Bool {
        node.children.contains { $0.isElement && (blockChildren.contains($0.name) || hasBlockChild($0)) }
    }

    static func ancestors(of node: HTMLNode, limit: Int) -> [HTMLNode] {
        var found: [HTMLNode] = []
        var current = node.parent
        while let ancestor = current, found.count < limit {
            found.append(ancestor)
            current = ancestor.parent
        }
        return found
    }

    /// Where several other top candidates score close to the best one, the ancestor of the
    /// best that holds three of them is the article (a page split into many parts).
    static func commonAncestor(of best: HTMLNode, alternatives: [HTMLNode]) -> HTMLNode? {
        var lists: [[ObjectIdentifier]] = []
        for candidate in alternatives where best.score > 0 && candidate.score / best.score >= 0.75 {
            lists.append(ancestors(of: candidate, limit: .max).map(ObjectIdentifier.init))
        }
        guard lists.count >= 3 else { return nil }
        var parent = best.parent
        while let current = parent, current.name != "body" {
            let id = ObjectIdentifier(current)
            if lists.filter({ $0.contains(id) }).count >= 3 { return current }
            parent = current.parent
        }
        return nil
    }

    static func endsSentence(_ node: HTMLNode) -> Bool {
        let text = collapseWhitespace(Array(node.textContent.utf8))
        return text.hasSuffix(".") || text.contains(". ")
    }

    static func isByline(_ node: HTMLNode, _ match: String) -> Bool {
        let rel = node.attribute("rel")
        let itemprop = Array((node.attribute("itemprop") ?? "").utf8)
        guard rel == "author" || ClassNames.contains(itemprop, Array("author".utf8)) || ClassNames.byline(match) else {
            return false
        }
        let length = TextMeasure.length(node)
        return length > 0 && length < 100
    }

    static func bylineText(_ node: HTMLNode) -> String {
        // A name marked inside the byline is the byline ("By <span itemprop=name>…</span>").
        for child in node.descendants(named: ContentExtractor.anyElement) where child.attribute("itemprop") == "name" {
            let name = collapseWhitespace(Array(child.textContent.utf8))
            if !name.isEmpty { return name }
        }
        return collapseWhitespace(Array(node.textContent.utf8))
    }

    static func isAdOrLoading(_ text: String) -> Bool {
        adOrLoading.contains(text.lowercased())
    }

    static let adOrLoading: Set<String> = [
        "ad", "advertising", "advertisement", "pub", "publicité", "werbung", "广告", "реклама", "anuncio", "loading",
        "loading…", "loading...", "正在加载", "загрузка", "chargement", "cargando",
    ]

    /// How much of `b`'s words are also in `a` (0…1), over ASCII word tokens as in Readability.
    static func similarity(_ a: String, _ b: String) -> Double {
        let tokensA = asciiWords(a)
        let tokensB = asciiWords(b)
        guard !tokensA.isEmpty, !tokensB.isEmpty else { return 0 }
        let setA = Set(tokensA)
        let unique = tokensB.filter { !setA.contains($0) }
        let total = tokensB.joined(separator: " ").count
        return 1 - Double(unique.joined(separator: " ").count) / Double(total)
    }

    static func asciiWords(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for scalar in text.lowercased().unicodeScalars {
            let v = scalar.value
            if (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) || v == 0x5F || (v >= 0x41 && v <= 0x5A) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}

/// The elements of a subtree by name, in document order, found in one walk.
struct ElementIndex {
    private(set) var all: [HTMLNode] = []
    private var byName: [String: [HTMLNode]] = [:]

    init(_ root: HTMLNode) {
        all = root.descendants(named: [])
        for node in all { byName[node.name, default: []].append(node) }
    }

    subscript(name: String) -> [HTMLNode] { byName[name] ?? [] }

    func isInside(_ node: HTMLNode, _ root: HTMLNode) -> Bool { ElementIndex.isInside(node, root) }

    /// Whether `node` is still in `root`'s tree (it, or an ancestor, may have been removed).
    static func isInside(_ node: HTMLNode, _ root: HTMLNode) -> Bool {
        var current = node.parent
        while let ancestor = current {
            if ancestor === root { return true }
            current = ancestor.parent
        }
        return false
    }
}

/// What class and id names say about an element (case-insensitive substring rules).
enum ClassNames {
    static let unlikelyWords = WordSet([
        "-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community", "cover-wrap", "disqus", "extra",
        "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss", "shoutbox", "sidebar",
        "skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate", "pagination", "pager", "popup",
        "yom-remote", "cookie", "consent", "newsletter",
    ])
    static let maybeWords = WordSet(["and", "article", "body", "column", "content", "main", "mathjax", "shadow"])
    static let positiveWords = WordSet(["article", "body", "content", "entry", "hentry", "h-entry", "main", "page",
                                        "pagination", "post", "text", "blog", "story"])
    static let negativeWords = WordSet([
        "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr", "masthead", "media",
        "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor",
        "shopping", "tags", "widget",
    ])
    static let bylineWords = WordSet(["byline", "author", "dateline", "writtenby", "p-author"])

    static func unlikely(_ names: String) -> Bool { unlikelyWords.occurs(in: names) }
    static func maybeContent(_ names: String) -> Bool { maybeWords.occurs(in: names) }
    static func positive(_ names: String) -> Bool { positiveWords.occurs(in: names) }
    static func byline(_ names: String) -> Bool { bylineWords.occurs(in: names) }

    static func negative(_ names: String) -> Bool {
        if negativeWords.occurs(in: names) { return true }
        // "hid" only as a whole name.
        return names.lowercased().split(separator: " ").contains("hid")
    }

    /// Lower-case ASCII words looked for in class names and ids, ASCII case folded. The names
    /// are scanned once, each position tried only against the words that start with its byte
    /// (this runs several times on every element of every page).
    struct WordSet {
        private let words: [[UInt8]]
        /// For each byte, the indices of the words that start with it.
        private let byFirstByte: [[Int]]

        init(_ words: [String]) {
            self.words = words.map { Array($0.utf8) }
            var table = [[Int]](repeating: [], count: 256)
            for (index, word) in self.words.enumerated() where !word.isEmpty { table[Int(word[0])].append(index) }
            byFirstByte = table
        }

        func occurs(in names: String) -> Bool {
            var names = names
            return names.withUTF8 { haystack in
                let n = haystack.count
                for i in 0..<n {
                    let candidates = byFirstByte[Int(Self.folded(haystack[i]))]
                    if candidates.isEmpty { continue }
                    for index in candidates {
                        let word = words[index]
                        let m = word.count
                        guard i + m <= n else { continue }
                        var j = 1
                        while j < m && Self.folded(haystack[i + j]) == word[j] { j += 1 }
                        if j == m { return true }
                    }
                }
                return false
            }
        }

        @inline(__always) private static func folded(_ byte: UInt8) -> UInt8 {
            byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
        }
    }

    /// "share" or "sharedaddy" as a whole word of the names (underscores and hyphens separate).
    static func share(_ names: String) -> Bool {
        let bytes = Array(names.utf8)
        guard bytes.count >= 5 else { return false }
        let isWordByte = { (b: UInt8) in (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b >= 0x80 }
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count && isWordByte(bytes[end]) { end += 1 }
            if end > start {
                let word = bytes[start..<end].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
                if word == shareWord || word == sharedaddyWord { return true }
            }
            start = end + 1
        }
        return false
    }

    private static let shareWord = Array("share".utf8)
    private static let sharedaddyWord = Array("sharedaddy".utf8)

    /// Byte substring search: class names are short, the words few (this runs on every element).
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        let n = haystack.count, m = needle.count
        guard m <= n, let first = needle.first else { return m == 0 }
        var i = 0
        while i <= n - m {
            if haystack[i] == first {
                var k = 1
                while k < m && haystack[i + k] == needle[k] { k += 1 }
                if k == m { return true }
            }
            i += 1
        }
        return false
    }
}
