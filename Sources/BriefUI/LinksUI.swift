import BriefCore

/// A link of the open article, numbered in reading order as the text shows it ("[3]").
public struct DocumentLink: Sendable, Equatable {
    public var item: Int
    /// UTF-8 range of the link text in the item's text.
    public var range: Range<Int>
    public var text: String
    public var destination: String

    /// The fragment of a link that points inside the article: `#x`, or the article's own
    /// address with `#x` (a web page's links are made absolute against it).
    public func fragment(inArticleAt addresses: [String]) -> String? {
        if destination.hasPrefix("#") { return String(destination.dropFirst()) }
        guard let hash = destination.firstIndex(of: "#") else { return nil }
        let base = destination[..<hash]
        guard addresses.contains(where: { !$0.isEmpty && ($0 == base || $0.split(separator: "#").first.map(String.init) == String(base)) })
        else { return nil }
        return String(destination[destination.index(after: hash)...])
    }
}

/// The links list overlay (`u`), like newsboat's URL view.
public struct LinksListState: Sendable, Equatable {
    public var selected = 0
}

extension ReaderDocument {
    /// Where the article was read from: its path or address, and its canonical address.
    var addresses: [String] { [path] + [article.url].compactMap { $0 } }

    /// The article's links in reading order, from the link spans of its blocks.
    static func links(of blocks: [Block], firstBlockItem: Int) -> [DocumentLink] {
        var links: [DocumentLink] = []
        for (index, block) in blocks.enumerated() where !block.spans.isEmpty {
            for span in block.spans {
                guard case .link(let i) = span.kind, i < block.links.count else { continue }
                let text = String(decoding: Array(block.text.utf8)[span.range.clamped(to: 0..<block.text.utf8.count)],
                                  as: UTF8.self)
                links.append(DocumentLink(item: index + firstBlockItem, range: span.range, text: text,
                                          destination: block.links[i].destination))
            }
        }
        return links
    }

    /// Where a `#fragment` points: a block whose anchor is the fragment, else a heading whose
    /// slug (as GitHub makes them: lowercase, spaces to "-", punctuation dropped) is.
    public func target(ofFragment fragment: String) -> Position? {
        let wanted = (fragment.percentDecoded ?? fragment)
        // GitHub's pages give headings the id "user-content-x" and link them as "#x".
        for (index, block) in article.blocks.enumerated()
        where block.anchor == wanted || block.anchor == "user-content-" + wanted {
            return Position(item: index + firstBlockItem, offset: 0)
        }
        let slug = Self.slug(wanted)
        var seen: [String: Int] = [:]
        for item in headingItems {
            var candidate = Self.slug(items[item].text)
            // GitHub numbers repeated headings: "notes", "notes-1", …
            if let n = seen[candidate] { seen[candidate] = n + 1; candidate += "-\(n + 1)" } else { seen[candidate] = 0 }
            if candidate == slug { return Position(item: item, offset: 0) }
        }
        return nil
    }

    static func slug(_ text: String) -> String {
        var result = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "-" || character == "_" {
                result.append(character)
            } else if character == " " {
                result.append("-")
            }
        }
        return result
    }
}

extension String {
    /// The string with `%XX` escapes decoded (nil when they are not valid UTF-8); not named as
    /// Foundation's, which BriefUI does not import.
    var percentDecoded: String? {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        var utf8 = Array(self.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == 0x25, utf8.count >= 2, let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}

extension AppState {
    /// `u` (with a count, `3u`, link 3 selected).
    mutating func openLinksList(select number: Int?) -> [Effect] {
        guard let reader else { return [] }
        let links = reader.document.links
        guard !links.isEmpty else { message = "no links in this article"; return [] }
        var selected: Int
        if let number {
            guard number >= 1, number <= links.count else {
                message = "no link \(number): the article has \(links.count)"; return []
            }
            selected = number - 1
        } else {
            // The first link on screen, else the first after the top of the view.
            let top = reader.layout.lineStart(reader.top)
            selected = min(links.count - 1, links.partitionPoint { Position(item: $0.item, offset: $0.range.upperBound) > top })
        }
        push(.links(LinksListState(selected: selected)))
        return []
    }

    mutating func applyLinksList(_ key: Key) -> [Effect] {
        guard var list = linksList, let reader else { close(.links); return [] }
        let links = reader.document.links
        if case .mouse = key { return [] }
        let command = keymap.command(for: key, only: .links)
        if let command, let moved = Self.moved(list.selected, count: links.count, page: linksLayout.perPage, command) {
            list.selected = moved
            replace(.links(list))
            return []
        }
        guard links.indices.contains(list.selected) else { close(.links); return [] }
        let link = links[list.selected]
        switch command {
        case .openLink:
            if let fragment = link.fragment(inArticleAt: reader.document.addresses) {
                guard let target = reader.document.target(ofFragment: fragment) else {
                    message = "#\(fragment.withoutControls): no such place in the article"; return []
                }
                close(.links)
                show(target)
                message = "[\(list.selected + 1)] → " + reader.document.items[target.item].text.withoutControls
                return []
            }
            if let url = Self.openableURL(link.destination) { return [.openURL(url)] }
            // A relative link of a local article (a README's "docs/setup.md"): another article
            // opens in Brief, keeping the place in this one; any other file goes to the browser.
            if let file = Self.localTarget(link.destination, from: reader.document.path) {
                if Self.articleExtensions.contains(where: { file.lowercased().hasSuffix("." + $0) }) {
                    close(.links)
                    return (readingToSave().map { [$0] } ?? []) + [.open(path: file)]
                }
                return [.openURL("file://" + file)]
            }
            message = "not a web address: \(link.destination.withoutControls)"
            return []
        case .copyLink:
            return [.copyToClipboard(link.destination)]
        case .closeLinks:
            close(.links)
        default:
            if case .char = key { close(.links) }  // another key closes it, as the help does
        }
        return []
    }

    /// What Brief reads as an article (as the library does).
    static let articleExtensions = ["md", "markdown", "txt", "html", "htm"]

    /// The file a relative link of the local article at `path` names (its fragment dropped);
    /// nil for an article read from the web or a link with a scheme.
    static func localTarget(_ destination: String, from path: String) -> String? {
        guard !path.contains("://"), path != "-", !destination.isEmpty, !destination.hasPrefix("-"),
              !destination.contains(":"),
              !destination.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return nil }
        let relative = String(destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0])
        guard !relative.isEmpty else { return nil }
        let decoded = relative.percentDecoded ?? relative
        if decoded.hasPrefix("/") { return decoded }
        let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        return (folder.isEmpty ? "." : folder) + "/" + decoded
    }

    /// A link destination that may be handed to a browser: http(s), mailto, ftp, file. Never
    /// one that starts with "-" (it would be read as an option).
    static func openableURL(_ destination: String) -> String? {
        let lower = destination.lowercased()
        let schemes = ["http://", "https://", "mailto:", "ftp://", "file://"]
        guard schemes.contains(where: { lower.hasPrefix($0) }),
              !destination.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return nil }
        return destination
    }

    public var linksLayout: LinksListLayout { LinksListLayout(width: width, height: height) }
}

/// Where the links list goes and how many links a page shows.
public struct LinksListLayout: Sendable {
    public var box: Rect
    public init(width: Int, height: Int) {
        box = Rect.centredBox(width: Metrics.notesBoxWidth, height: height - 2, screenWidth: width, screenHeight: height)
    }
    /// Two rows a link: its text, then its address.
    public var perPage: Int { max(1, (box.height - 2) / 2) }
}

public enum LinksListView {
    static func draw(_ reader: ReaderState, list: LinksListState, on screen: inout Screen) {
        let links = reader.document.links
        let layout = LinksListLayout(width: screen.width, height: screen.height)
        let box = layout.box
        let border = Style(bold: true, role: .heading)
        AppView.drawBox(on: &screen, x: box.x, y: box.y, width: box.width, height: box.height, style: border)
        screen.put(" Links · \(links.count) ", row: box.y, column: box.x + 2, style: border)
        let footer = AppView.fitting([" Enter open · y copy · Esc close ", " ↵ open · y copy · Esc ", " ↵ y Esc "],
                                     in: box.width - 4)
        screen.put(footer, row: box.maxY - 1, column: box.maxX - DisplayWidth.of(footer) - 2, style: border)
        let room = box.width - 4
        guard room > 0 else { return }
        let first = (list.selected / layout.perPage) * layout.perPage
        for i in 0..<layout.perPage {
            let index = first + i
            guard index < links.count else { break }
            let link = links[index]
            let row = box.y + 1 + i * 2
            let selected = index == list.selected
            let style = selected ? Style(reverse: true, role: .selection) : Style(role: .link)
            if selected { screen.fill(row: row, from: box.x + 1, to: box.maxX - 1, style: style) }
            let text = "[\(index + 1)] " + link.text.withoutControls
            screen.put(AppView.truncate(text, to: room), row: row, column: box.x + 2, style: style)
            screen.put(AppView.truncate("    " + link.destination.withoutControls, to: room), row: row + 1,
                       column: box.x + 2, style: Style(dim: true, role: .dim))
        }
    }
}
