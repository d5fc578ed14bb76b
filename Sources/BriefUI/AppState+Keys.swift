import BriefCore

/// Keys: the overlay on top takes them first, then the focused view's bindings.
extension AppState {
    public mutating func apply(_ key: Key) -> [Effect] {
        let effects = handle(key)
        settleReader()
        return effects
    }

    /// A selected key point that left the screen is no longer selected: the status line and
    /// the next `]` start from what is in view, whatever moved it.
    mutating func settleReader() {
        guard var reader else { return }
        reader.settle(height: geometry.textHeight)
        self.reader = reader
    }

    private mutating func handle(_ key: Key) -> [Effect] {
        message = nil
        if case .resize = key { return [] }
        // The editor before ^C: typed text is never dropped by a stray key.
        if topOverlay?.kind == .editor { return applyEditor(key) }
        if keymap.command(for: key, in: []) == .exit { return applyGlobal(.exit) }
        switch topOverlay {
        case .help: return applyHelp(key)
        case .why: close(.why); return []  // any key closes it
        case .prompt: return applyPrompt(key)
        case .notesList: return applyNotesList(key)
        case .links: return applyLinksList(key)
        case .editor: return applyEditor(key)
        case nil: break
        }
        if case .mouse(let event) = key { pendingCount = nil; return applyMouse(event) }
        // A count before a command (5j, 3], 50%), and '' (back to where the last jump started).
        if case .char(let c) = key, c.isASCII, let digit = c.wholeNumberValue, digit > 0 || pendingCount != nil {
            pendingCount = min((pendingCount ?? 0) * 10 + digit, 1_000_000)
            message = "\(pendingCount!)"
            return []
        }
        let count = pendingCount
        pendingCount = nil
        if key == .char("'"), reader != nil, topOverlay == nil {
            if awaitingQuote { awaitingQuote = false; return applyReader(.jumpBack) }
            awaitingQuote = true
            message = "'"
            return []
        }
        awaitingQuote = false
        let contexts: [CommandContext]
        if let reader {
            contexts = reader.focus == .outline ? [.outline, .reader] : [.reader]
        } else {
            contexts = [.library]
        }
        guard let binding = keymap.binding(for: key, in: contexts) else { return [] }
        switch binding.context {
        case .outline: return applyOutline(binding.command, count: count)
        case .reader: return binding.command == .listLinks ? openLinksList(select: count) : applyReader(binding.command, count: count)
        case .library: return applyLibrary(binding.command, count: count)
        case .global: return applyGlobal(binding.command)
        case .notes, .links, .editor, .prompt, .help: return []
        }
    }

    mutating func applyGlobal(_ command: Command) -> [Effect] {
        switch command {
        case .help: push(.help(scroll: 0)); return []
        case .exit: return (readingToSave().map { [$0] } ?? []) + [.quit]
        case .suspend: return [.suspend]
        case .redraw: return [.redraw]
        default: return []
        }
    }

    /// The context whose keys the help shows first.
    public var helpContext: CommandContext {
        guard let reader else { return .library }
        if notesList != nil { return .notes }
        return reader.focus == .outline ? .outline : .reader
    }

    mutating func applyHelp(_ key: Key) -> [Effect] {
        if case .mouse = key { return [] }
        let layout = helpLayout
        let scroll = helpScroll ?? 0
        switch keymap.command(for: key, only: .help) {
        case .lineDown: replace(.help(scroll: min(scroll + 1, layout.maximumScroll)))
        case .lineUp: replace(.help(scroll: max(0, scroll - 1)))
        case .pageDown: replace(.help(scroll: min(scroll + layout.page, layout.maximumScroll)))
        case .pageUp: replace(.help(scroll: max(0, scroll - layout.page)))
        default: close(.help)  // any other key closes it
        }
        return []
    }

    mutating func applyPrompt(_ key: Key) -> [Effect] {
        guard var prompt else { return [] }
        if case .char(let c) = key {
            prompt.text.append(c)
        } else {
            switch keymap.binding(for: key, in: [.prompt])?.command {
            case .deleteBackward:
                if prompt.text.isEmpty { cancelPrompt(); return [] }
                prompt.text.removeLast()
            case .acceptPrompt:
                close(.prompt)
                if prompt.kind == .search, prompt.text.isEmpty { reader?.search = nil }
                if prompt.kind == .search, let search = reader?.search, search.matches.isEmpty, search.isComplete {
                    // Said once; the status line does not go on saying it.
                    message = "no match for “\(search.query.withoutControls)”"
                    reader?.search = nil
                }
                return []
            case .cancelPrompt:
                cancelPrompt()
                return []
            case .suspend:
                return [.suspend]
            case .redraw:
                return [.redraw]
            default:
                return []
            }
        }
        replace(.prompt(prompt))
        switch prompt.kind {
        case .filter: library?.filter = prompt.text
        case .search: updateSearch(prompt.text)
        }
        return []
    }

    mutating func cancelPrompt() {
        guard let prompt else { return }
        close(.prompt)
        switch prompt.kind {
        case .filter: library?.filter = ""
        case .search:
            reader?.search = nil
            // Back to where the search started.
            if let origin = reader?.searchOrigin { reader?.top = origin }
            reader?.searchOrigin = nil
        }
    }

    // MARK: Library

    mutating func applyLibrary(_ command: Command, count: Int? = nil) -> [Effect] {
        guard var library else { return [] }
        if let moved = Self.moved(library.selected, count: library.visible.count, page: libraryLayout.page, command,
                                  times: count ?? 1) {
            library.selected = moved
            self.library = library
            return []
        }
        switch command {
        case .open:
            guard let entry = library.selectedEntry else { return [] }
            if let problem = entry.problem {
                message = "cannot open \(entry.title.withoutControls): \(problem.withoutControls)"
                return []
            }
            return [.open(path: entry.path)]
        case .filter: push(.prompt(Prompt(kind: .filter, text: library.filter)))
        case .cycleSort:
            library.sort = library.sort.next
            message = "sorted by \(library.sort.rawValue)"
        case .markUnread:
            self.library = library
            return applyArticleCommand(command)
        case .quit: return [.quit]
        default: return applyGlobal(command)
        }
        self.library = library
        return []
    }

    // MARK: Outline pane

    /// Where a list's selection goes for a movement command (nil for any other command):
    /// the library, the outline pane and the notes list move alike.
    static func moved(_ selected: Int, count: Int, page: Int, _ command: Command, times: Int = 1) -> Int? {
        let last = max(0, count - 1)
        let times = max(1, min(times, 1_000_000))
        switch command {
        case .lineDown: return min(selected + times, last)
        case .lineUp: return max(0, selected - times)
        case .pageDown: return min(selected + page * times, last)
        case .pageUp: return max(0, selected - page * times)
        case .top: return 0
        case .bottom: return last
        default: return nil
        }
    }

    mutating func applyOutline(_ command: Command, count: Int? = nil) -> [Effect] {
        guard var reader else { return [] }
        defer { self.reader = reader }
        if let moved = Self.moved(reader.selectedEntry, count: reader.visibleEntries.count,
                                  page: max(1, geometry.textHeight - 1), command, times: count ?? 1) {
            reader.selectedEntry = moved
            return []
        }
        switch command {
        case .jumpToEntry:
            guard reader.visibleEntries.indices.contains(reader.selectedEntry) else { return [] }
            jump(&reader, to: reader.document.outlineEntries[reader.visibleEntries[reader.selectedEntry]].position)
        case .fold:
            guard reader.visibleEntries.indices.contains(reader.selectedEntry) else { return [] }
            let index = reader.visibleEntries[reader.selectedEntry]
            let entries = reader.document.outlineEntries
            if entries[index].hasChildren, !reader.folded.contains(index) {
                reader.folded.insert(index)
                reader.refreshEntries()
            } else if let parent = reader.visibleEntries[..<reader.selectedEntry].lastIndex(where: {
                entries[$0].depth < entries[index].depth
            }) {
                reader.selectedEntry = parent
            }
        case .unfold:
            guard reader.visibleEntries.indices.contains(reader.selectedEntry) else { return [] }
            let index = reader.visibleEntries[reader.selectedEntry]
            if reader.folded.remove(index) != nil { reader.refreshEntries() }
        case .switchFocus:
            reader.focus = .text
        default:
            return []
        }
        return []
    }

    // MARK: Mouse

    mutating func applyMouse(_ event: MouseEvent) -> [Effect] {
        if var reader {
            let geometry = self.geometry
            switch event.kind {
            case .wheelUp, .wheelDown:
                if geometry.outlineShown, event.column < geometry.paneWidth {
                    let count = reader.visibleEntries.count
                    reader.focus = .outline
                    let step = event.kind == .wheelDown ? Metrics.wheelStep : -Metrics.wheelStep
                    reader.selectedEntry = min(max(0, reader.selectedEntry + step), max(0, count - 1))
                    self.reader = reader
                    return []
                }
                self.reader = reader
                for _ in 0..<Metrics.wheelStep { _ = applyReader(event.kind == .wheelDown ? .lineDown : .lineUp) }
            case .press:
                guard geometry.outlineShown, event.column < geometry.paneWidth,
                      event.row < geometry.textHeight else { return [] }
                let first = OutlineView.firstRow(reader, height: geometry.textHeight)
                let index = first + event.row
                guard reader.visibleEntries.indices.contains(index) else { return [] }
                reader.focus = .outline
                reader.selectedEntry = index
                self.reader = reader
                return applyOutline(.jumpToEntry)
            }
            return []
        }
        guard var library else { return [] }
        switch event.kind {
        case .wheelUp: library.selected = max(0, library.selected - Metrics.wheelStep)
        case .wheelDown: library.selected = min(library.selected + Metrics.wheelStep, max(0, library.visible.count - 1))
        case .press:
            let (first, count) = libraryListRows
            guard event.row >= first, event.row < first + count else { return [] }
            let index = libraryLayout.firstIndex(selected: library.selected) + event.row - first
            guard library.visible.indices.contains(index) else { return [] }
            if index == library.selected {
                self.library = library
                return applyLibrary(.open)
            }
            library.selected = index
        }
        self.library = library
        return []
    }
}
