import BriefCore

/// Moving between the library's articles from inside the reader, and the read/unread mark.
extension AppState {
    /// The library rows on screen not filled in yet (the background work does them first).
    /// With an article open: the rows from the selected one on (where `J` goes next).
    public var libraryPathsInView: [String] {
        guard let library else { return [] }
        let rows = libraryLayout.list.height
        let first = reader == nil ? libraryLayout.firstIndex(selected: library.selected) : library.selected
        let shown = library.visible[min(first, library.visible.count)..<min(first + rows, library.visible.count)]
        return shown.map { library.entries[$0] }.filter { !$0.filled }.map(\.path)
    }

    mutating func applyArticleCommand(_ command: Command) -> [Effect] {
        switch command {
        case .nextArticle, .previousArticle, .nextUnreadArticle:
            guard var library, let reader else {
                message = "no library: Brief was opened on one article"
                return []
            }
            let count = library.visible.count
            let path = reader.document.path
            // Where the open article stands in the library's order and filter (else the selected row).
            let here = library.visible.firstIndex { library.entries[$0].path == path } ?? library.selected
            func openable(_ index: Int) -> Bool {
                let entry = library.entries[library.visible[index]]
                return entry.problem == nil && entry.path != path
            }
            var target: Int?
            var wrapped = false
            switch command {
            case .nextArticle:
                target = count == 0 ? nil : (here + 1..<count).first(where: openable)
                if target == nil { message = "last article" }
            case .previousArticle:
                target = (0..<min(here, count)).last(where: openable)
                if target == nil { message = "first article" }
            default:
                let unread = { (index: Int) in openable(index) && !library.entries[library.visible[index]].read }
                target = count == 0 ? nil : (here + 1..<count).first(where: unread)
                if target == nil, let first = (0..<min(here, count)).first(where: unread) {
                    target = first
                    wrapped = true
                }
                if target == nil { message = "no unread articles" + (library.filter.isEmpty ? "" : " match the filter") }
            }
            guard let target else { return [] }
            library.selected = target
            self.library = library
            let entry = library.entries[library.visible[target]]
            if command == .nextUnreadArticle {
                let left = library.visible.count { !library.entries[$0].read && library.entries[$0].path != entry.path }
                message = (wrapped ? "from the top: " : "") + "unread article \(target + 1)/\(count) · \(left) more unread"
            } else {
                message = "article \(target + 1)/\(count)"
            }
            return (readingToSave().map { [$0] } ?? []) + [.open(path: entry.path)]
        case .markUnread:
            if let reader {
                openArticleUnread.toggle()
                let path = reader.document.path
                library?.setRead(path, !openArticleUnread)
                message = openArticleUnread ? "marked unread: it stays unread when you leave" : "marked read"
                return readingToSave().map { [$0] } ?? [.setRead(path: path, read: !openArticleUnread)]
            }
            guard var library, let entry = library.selectedEntry, entry.problem == nil else { return [] }
            library.setRead(entry.path, !entry.read)
            self.library = library
            message = entry.read ? "marked unread" : "marked read"
            return [.setRead(path: entry.path, read: !entry.read)]
        default:
            return []
        }
    }
}
