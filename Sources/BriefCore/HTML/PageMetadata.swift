import FoundationEssentials

/// What a page says about its article, from JSON-LD, `<meta>` tags and the document itself.
public struct PageMetadata: Sendable, Equatable {
    public var title: String?
    public var byline: String?
    /// ISO-8601 (UTC when the page gives a zone), or nil.
    public var published: String?
    public var site: String?
    public var language: String?
    public var canonicalURL: String?
    /// The URL relative links resolve against: `<base href>` over the page's own URL.
    public var baseURL: String?
    public var description: String?

    public init() {}
}

enum MetadataReader {
    static func read(_ page: HTMLPage, url: String?) -> PageMetadata {
        var metadata = PageMetadata()
        var values: [String: String] = [:]
        var documentTitle: String?
        var base: String?
        for node in page.root.descendants(named: ["meta", "title", "html", "link", "base"]) {
            switch node.name {
            case "title" where documentTitle == nil:
                documentTitle = collapseWhitespace(Array(node.textContent.utf8))
            case "html":
                if let lang = node.attribute("lang"), !lang.isEmpty { metadata.language = lang }
            case "link":
                let rel = (node.attribute("rel") ?? "").lowercased()
                if rel.split(separator: " ").contains("canonical"), let href = node.attribute("href"), !href.isEmpty {
                    metadata.canonicalURL = href
                }
            case "base":
                if base == nil, let href = node.attribute("href"), !href.isEmpty { base = href }
            case "meta":
                readMeta(node, into: &values)
            default: break
            }
        }
        if metadata.language == nil { metadata.language = values["og:locale"] ?? values["language"] }
        let linked = JSONLD.article(in: page.jsonLD, documentTitle: documentTitle ?? "")

        metadata.title = nonEmpty(linked.title)
            ?? first(values, ["dc:title", "dcterm:title", "og:title", "weibo:article:title", "weibo:webpage:title",
                              "title", "twitter:title", "parsely-title"])
        var author = values["article:author"]
        if let value = author, value.hasPrefix("http://") || value.hasPrefix("https://") { author = nil }
        metadata.byline = nonEmpty(linked.byline)
            ?? first(values, ["dc:creator", "dcterm:creator", "author", "parsely-author"]) ?? nonEmpty(author)
        metadata.site = nonEmpty(linked.site) ?? values["og:site_name"]
        metadata.description = nonEmpty(linked.description)
            ?? first(values, ["dc:description", "dcterm:description", "og:description", "weibo:article:description",
                              "weibo:webpage:description", "description", "twitter:description"])
        let date = nonEmpty(linked.published) ?? first(values, ["article:published_time", "parsely-pub-date", "date"])
        metadata.published = date.flatMap(ISODate.normalize)
        metadata.baseURL = WebLink.resolve(base ?? "", against: url) ?? url
        if let canonical = metadata.canonicalURL { metadata.canonicalURL = WebLink.resolve(canonical, against: metadata.baseURL) }
        if metadata.title == nil { metadata.title = documentTitle.map { TitleCleaner.clean($0, page.root) } }
        return metadata
    }

    /// `<meta property="og:title">`, `<meta name="author">` and their kin, keyed the way
    /// Readability keys them ("og:title", "dc:creator", "author").
    static func readMeta(_ node: HTMLNode, into values: inout [String: String]) {
        guard let content = node.attribute("content").map({ collapseWhitespace(Array($0.utf8)) }), !content.isEmpty else { return }
        let prefixes = ["article", "dc", "dcterm", "og", "twitter"]
        let names = ["author", "creator", "description", "published_time", "title", "site_name", "locale"]
        if let property = node.attribute("property")?.lowercased() {
            for item in property.split(separator: " ") {
                let parts = item.split(separator: ":", maxSplits: 1)
                if parts.count == 2, prefixes.contains(String(parts[0])), names.contains(String(parts[1])) {
                    values[String(item)] = content
                }
            }
        }
        if let name = node.attribute("name")?.lowercased().filter({ !$0.isWhitespace }) {
            let key = name.replacingDots
            let parts = key.split(separator: ":")
            let last = parts.last.map(String.init) ?? ""
            let allowed = ["author", "creator", "pub-date", "description", "title", "site_name", "date", "language"]
            let prefixOK = parts.count == 1 || ["dc", "dcterm", "og", "twitter", "parsely", "weibo"].contains(String(parts[0]))
            if allowed.contains(last) && prefixOK { values[key] = content }
            if key.hasPrefix("parsely-"), ["parsely-title", "parsely-author", "parsely-pub-date"].contains(key) {
                values[key] = content
            }
        }
        if let itemprop = node.attribute("itemprop"), itemprop == "datePublished", values["date"] == nil {
            values["date"] = content
        }
    }

    static func first(_ values: [String: String], _ keys: [String]) -> String? {
        for key in keys { if let value = values[key], !value.isEmpty { return value } }
        return nil
    }

    static func nonEmpty(_ value: String?) -> String? {
        guard let value else { return nil }
        let collapsed = collapseWhitespace(Array(value.utf8))
        return collapsed.isEmpty ? nil : HTMLTreeBuilder.clean(collapsed)
    }
}

private extension String {
    /// "dc.creator" → "dc:creator"; "weibo:article.title" → "weibo:article:title".
    var replacingDots: String { String(map { $0 == "." ? ":" : $0 }) }
}

/// The document `<title>` without the site's name, the way Readability trims it.
enum TitleCleaner {
    static let separators: Set<Character> = ["|", "-", "\\", "/", ">", "»"]
    static let hierarchical: Set<Character> = ["\\", "/", ">", "»"]

    static func clean(_ original: String, _ root: HTMLNode) -> String {
        var title = original
        var hadHierarchical = false
        let characters = Array(original)
        let isSpaced = { (i: Int) in i > 0 && characters[i - 1] == " " && i + 1 < characters.count && characters[i + 1] == " " }
        if characters.indices.contains(where: { separators.contains(characters[$0]) && isSpaced($0) }) {
            hadHierarchical = characters.indices.contains { hierarchical.contains(characters[$0]) && isSpaced($0) }
            // Everything before the last separator that a space follows.
            let last = characters.indices.last(where: { separators.contains(characters[$0]) && $0 + 1 < characters.count && characters[$0 + 1] == " " })!
            title = String(characters[..<last])
            if wordCount(title) < 3, let firstSeparator = characters.firstIndex(where: separators.contains) {
                title = String(characters[(firstSeparator + 1)...])
            }
        } else if original.contains(": ") {
            let headings = root.descendants(named: ["h1", "h2"]).map { collapseWhitespace(Array($0.textContent.utf8)) }
            let trimmed = collapseWhitespace(Array(original.utf8))
            if !headings.contains(trimmed), let colon = characters.lastIndex(of: ":") {
                title = String(characters[(colon + 1)...])
                let firstColon = characters.firstIndex(of: ":")!
                if wordCount(title) < 3 {
                    title = String(characters[(firstColon + 1)...])
                } else if wordCount(String(characters[..<firstColon])) > 5 {
                    title = original
                }
            }
        } else if original.count > 150 || original.count < 15 {
            let h1 = root.descendants(named: ["h1"])
            if h1.count == 1 { title = collapseWhitespace(Array(h1[0].textContent.utf8)) }
        }
        title = collapseWhitespace(Array(title.utf8))
        let words = wordCount(title)
        if words <= 4 && (!hadHierarchical || words != wordCount(String(original.filter { !separators.contains($0) })) - 1) {
            title = original
        }
        return title
    }

    static func wordCount(_ text: String) -> Int {
        text.split(whereSeparator: { $0.isWhitespace }).count
    }
}

/// The article object of a page's JSON-LD (schema.org `Article`, `NewsArticle`, …).
enum JSONLD {
    struct Article {
        var title: String?
        var byline: String?
        var published: String?
        var site: String?
        var description: String?
    }

    static let articleTypes: Set<String> = [
        "Article", "AdvertiserContentArticle", "NewsArticle", "AnalysisNewsArticle", "AskPublicNewsArticle",
        "BackgroundNewsArticle", "OpinionNewsArticle", "ReportageNewsArticle", "ReviewNewsArticle", "Report",
        "SatiricalArticle", "ScholarlyArticle", "MedicalScholarlyArticle", "SocialMediaPosting", "BlogPosting",
        "LiveBlogPosting", "DiscussionForumPosting", "TechArticle", "APIReference",
    ]

    static func article(in scripts: [String], documentTitle: String) -> Article {
        for script in scripts {
            var text = script.trimmingASCIIWhitespaceAndQuotes
            if text.hasPrefix("<![CDATA[") { text = String(text.dropFirst(9)) }
            if text.hasSuffix("]]>") { text = String(text.dropLast(3)) }
            guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) else { continue }
            if let object = find(value), let article = read(object, documentTitle: documentTitle) { return article }
        }
        return Article()
    }

    private static func find(_ value: JSONValue) -> [String: JSONValue]? {
        switch value {
        case .array(let items):
            for item in items { if let found = find(item) { return found } }
            return nil
        case .object(let object):
            if isArticle(object["@type"]) { return object }
            if let graph = object["@graph"] { return find(graph) }
            return nil
        default:
            return nil
        }
    }

    private static func isArticle(_ type: JSONValue?) -> Bool {
        switch type {
        case .string(let name): return articleTypes.contains(name)
        case .array(let names): return names.contains { isArticle($0) }
        default: return false
        }
    }

    private static func read(_ object: [String: JSONValue], documentTitle: String) -> Article? {
        var article = Article()
        let name = object["name"]?.string
        let headline = object["headline"]?.string
        if let name, let headline, name != headline {
            let nameMatches = ContentExtractor.similarity(name, documentTitle) > 0.75
            let headlineMatches = ContentExtractor.similarity(headline, documentTitle) > 0.75
            article.title = headlineMatches && !nameMatches ? headline : (nameMatches ? name : headline)
        } else {
            article.title = headline ?? name
        }
        switch object["author"] {
        case .object(let author)?: article.byline = author["name"]?.string
        case .array(let authors)?:
            let names = authors.compactMap { author -> String? in
                if case .object(let fields) = author { return fields["name"]?.string }
                return author.string
            }
            if !names.isEmpty { article.byline = names.joined(separator: ", ") }
        case .string(let author)?: article.byline = author
        default: break
        }
        article.description = object["description"]?.string
        if case .object(let publisher)? = object["publisher"] { article.site = publisher["name"]?.string }
        article.published = object["datePublished"]?.string
        return article
    }
}

/// Any JSON value, for reading metadata whose shape varies from site to site.
enum JSONValue: Decodable {
    case string(String), number(Double), bool(Bool), array([JSONValue]), object([String: JSONValue]), null

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }
}

/// Links of a page made absolute.
public enum WebLink {
    /// `href` resolved against `base` (RFC 3986); nil for script links or when it cannot be read.
    public static func resolve(_ href: String, against base: String?) -> String? {
        let trimmed = href.trimmingASCIIWhitespaceAndQuotes
        if trimmed.isEmpty { return base }
        let lower = trimmed.lowercased()
        if lower.hasPrefix("javascript:") || lower.hasPrefix("data:") || lower.hasPrefix("vbscript:") { return nil }
        if let base, let baseURL = URL(string: base), let url = URL(string: trimmed, relativeTo: baseURL) {
            return url.absoluteString
        }
        return trimmed
    }
}

/// Dates as pages write them (ISO-8601 and its variants) in one ISO-8601 form.
public enum ISODate {
    /// "2018-04-05T06:00:00+01:00" → "2018-04-05T05:00:00Z"; a time without zone stays local
    /// ("2018-04-05T06:00:00"); a date alone stays a date. Nil when it is not such a date.
    public static func normalize(_ text: String) -> String? {
        let s = Array(text.trimmingASCIIWhitespaceAndQuotes.utf8)
        var i = 0
        func number(_ digits: Int) -> Int? {
            guard i + digits <= s.count else { return nil }
            var value = 0
            for k in 0..<digits {
                let c = s[i + k]
                guard c >= 0x30 && c <= 0x39 else { return nil }
                value = value * 10 + Int(c - 0x30)
            }
            i += digits
            return value
        }
        func take(_ byte: UInt8) -> Bool {
            if i < s.count && s[i] == byte { i += 1; return true }
            return false
        }
        guard let year = number(4), take(0x2D), let month = number(2), take(0x2D), let day = number(2),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        let date = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
        guard take(0x54) || take(0x20) || take(0x74) else { return i == s.count ? date : nil }
        guard let hour = number(2), take(0x3A), let minute = number(2), hour < 24, minute < 60 else { return date }
        var second = 0
        if take(0x3A), let value = number(2) { second = min(value, 59) }
        if take(0x2E) || take(0x2C) { while i < s.count && s[i] >= 0x30 && s[i] <= 0x39 { i += 1 } }
        while take(0x20) {}
        let local = date + "T" + pad(hour, 2) + ":" + pad(minute, 2) + ":" + pad(second, 2)
        var offset = 0
        if take(0x5A) || take(0x7A) {
            offset = 0
        } else if i < s.count && (s[i] == 0x2B || s[i] == 0x2D) {
            let sign = s[i] == 0x2D ? -1 : 1
            i += 1
            guard let hours = number(2) else { return local }
            _ = take(0x3A)
            let minutes = number(2) ?? 0
            offset = sign * (hours * 60 + minutes)
        } else {
            return local
        }
        // To UTC through days since 1970 (the civil-from-days algorithm).
        var total = (days(year, month, day) * 24 + hour) * 60 + minute - offset
        let minutesOfDay = ((total % 1440) + 1440) % 1440
        total = (total - minutesOfDay) / 1440
        let (y, m, d) = civil(total)
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2) + "T" + pad(minutesOfDay / 60, 2) + ":"
            + pad(minutesOfDay % 60, 2) + ":" + pad(second, 2) + "Z"
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Days from 1970-01-01 to the given date (proleptic Gregorian).
    static func days(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civil(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp + (mp < 10 ? 3 : -9)
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
