import Foundation
import PaddockCore
import PaddockStore

/// A thread's posts, scrolled by line: author, role badge (staff posts are
/// official), relative time, the body wrapped to the width with quotes set apart.
/// It holds a window of posts and loads the pages before and after as you scroll,
/// so a thread of twenty thousand posts opens like one of two.
public struct ThreadScreen: Equatable, AppScreen {
    public var summary: ThreadSummary
    public var board: BoardSummary?
    public var posts: [PostView] = []
    public var postCount = 0
    public var loaded = false
    /// For a suggestion: its status, supporters and official responses, drawn above the posts.
    public var suggestion: SuggestionDetail?
    /// For a poll: its question, the member's vote and the results they may see, drawn above the posts.
    public var poll: PollDetail?
    /// The poll's closing time the screen last loaded it for (`wakesAt`).
    var pollClosingLookedAt: Date?
    /// The first line shown: a post of the window and a line within it.
    public var top = LinePosition(post: 0, line: 0)
    /// The selected post (▸), an index of the window: the one `R`, `f`, `m`, `p`
    /// and `X` act on. `]` and `[` move it; the view scrolls to keep it in sight.
    public var selected = 0
    /// The highest position already marked read.
    var markedUpTo: Int
    /// How the member follows this thread: watching, muted, or neither.
    public var watch: WatchLevel?
    /// Members this member muted: their posts fold to a one-line stub.
    public var mutedAuthors: Set<String> = []
    /// Folded posts the member opened with `o` (by post id).
    public var unfolded: Set<Int64> = []
    /// `@handles` in the loaded posts that are members: drawn in the mention style.
    public var mentioned: Set<String> = []
    /// Posts the thread's author marked helpful (`H`).
    public var helpful: Set<Int64> = []

    public static let pageSize = 40
    /// The most posts kept in memory; the far side is dropped past this.
    static let windowLimit = 200

    public struct LinePosition: Equatable, Sendable {
        public var post: Int
        public var line: Int
    }

    public init(summary: ThreadSummary) {
        self.summary = summary
        markedUpTo = summary.readPosition ?? -1
    }

    /// Opens a thread at its first unread post, with a little of what came before.
    static func open(_ summary: ThreadSummary) -> [Command] {
        let suggestion: [Command] = summary.kind == .suggestion ? [.loadSuggestion(id: summary.id)] : []
        return openPosts(summary) + suggestion + pollCommands(summary)
    }

    /// Opens a thread at a post (an inbox item, a search result), with a little of what came before;
    /// without a position, where the member stopped reading.
    static func open(_ summary: ThreadSummary, at position: Int?) -> [Command] {
        guard let position else { return open(summary) }
        let suggestion: [Command] = summary.kind == .suggestion ? [.loadSuggestion(id: summary.id)] : []
        return [.push(ThreadScreen(summary: summary)),
                .loadThread(id: summary.id, from: max(0, position - 2), limit: pageSize, placement: .replace(scrollTo: .position(position)))]
            + suggestion + pollCommands(summary)
    }

    static func openPosts(_ summary: ThreadSummary) -> [Command] {
        let firstUnread = (summary.readPosition ?? -1) + 1
        if firstUnread > 0, firstUnread <= summary.replyCount {
            let from = max(0, firstUnread - 3)
            return [.push(ThreadScreen(summary: summary)),
                    .loadThread(id: summary.id, from: from, limit: pageSize, placement: .replace(scrollTo: .position(firstUnread)))]
        }
        return [.push(ThreadScreen(summary: summary)),
                .loadThread(id: summary.id, from: 0, limit: pageSize, placement: .replace(scrollTo: .top))]
    }

    var firstPosition: Int { posts.first?.position ?? 0 }
    var lastPosition: Int { posts.last?.position ?? -1 }
    /// The selected post: what `R` quotes, `f` flags, `m` moderates, `p` and `X` are about.
    var focusedPost: PostView? { posts[safe: selected] }
    /// The post the view starts in.
    var topPost: PostView? { posts[safe: top.post] }

    /// A muted member's post, not opened with `o`: drawn as a one-line stub.
    func isFolded(_ post: PostView) -> Bool {
        mutedAuthors.contains(post.authorHandle.lowercased()) && !unfolded.contains(post.id)
    }

    /// Rows for the thread's own header above the posts.
    static let threadHeaderRows = 2
    /// Rows a suggestion's header adds: badge and features, progress, the latest response, a rule.
    static let suggestionHeaderRows = 4

    var headerRows: Int {
        Self.threadHeaderRows + (summary.kind == .suggestion ? Self.suggestionHeaderRows : 0) + (summary.kind == .poll ? PollHeader.rows : 0)
    }

    func textHeight(_ body: Rect) -> Int { max(1, body.height - headerRows) }

    // MARK: - Keys

    /// Why `r` and `R` would be refused here (a locked or archived thread, a silence); nil when the member may reply.
    func replyRefusal(member: Actor, now: Date) -> String? {
        do throws(CommunityError) {
            try Rules.reply(by: member, in: ThreadFacts(kind: summary.kind, locked: summary.locked,
                                                         archived: summary.archived, hidden: summary.hidden), now: now)
        } catch {
            return error.description
        }
        return nil
    }

    /// Why `s` would be refused here (the domain's rules: a suspension, a closed
    /// suggestion, an author's own support); nil when it can succeed.
    static func supportRefusal(_ detail: SuggestionDetail, supporting: Bool, member: Actor, now: Date) -> String? {
        do throws(CommunityError) {
            let s = detail.suggestion
            if supporting {
                try Rules.support(by: member, now: now)
            } else {
                try Rules.withdrawSupport(by: member, authorID: detail.authorId, now: now)
            }
            try SuggestionLifecycle.requireOpen(s.id, s.status, duplicateOf: s.duplicateOfId,
                                                doing: supporting ? "supported" : "withdrawn from")
        } catch {
            return error.description
        }
        return nil
    }

    public var breadcrumb: String { summary.title }

    /// The keys of a thread; a key whose action the domain's rules would refuse
    /// (another's role, a closed suggestion, an author's own support) is not offered.
    public func bindings(_ context: ScreenContext) -> [KeyBinding<Self>] {
        let (member, now) = (context.member, context.now)
        let handle: (inout Self, Key, ScreenContext) -> [Command] = { $0.handle($1, $2) }
        let canReply = replyRefusal(member: member, now: now) == nil
        var suggestionKeys: [KeyBinding<Self>] = []
        if summary.kind == .suggestion {
            let supporting = suggestion?.viewerSupports != true
            let detail = suggestion
            suggestionKeys = [
                KeyBinding("s", supporting ? "support" : "withdraw support", footer: true, keys: [.character("s")],
                           shown: detail.map { Self.supportRefusal($0, supporting: supporting, member: member, now: now) == nil } ?? false, handle),
                KeyBinding("S", "change status", footer: true, keys: [.character("S")],
                           shown: detail.map { StatusDialog.refusal($0, member: member) == nil } ?? false, handle),
                KeyBinding("D", "merge into another (duplicate)", footer: true, keys: [.character("D")],
                           shown: detail.map { MergeDialog.refusal($0, member: member) == nil } ?? false, handle),
            ]
        }
        let whenLoaded: (@escaping (inout Self, ScreenContext) -> [Command]) -> (inout Self, Key, ScreenContext) -> [Command] = { open in
            { thread, _, context in thread.loaded ? open(&thread, context) : [] }
        }
        return suggestionKeys + pollKeys(context) + [
            KeyBinding("r", "reply", footer: true, keys: [.character("r")], shown: canReply, handle),
            KeyBinding("R", "reply quoting", footer: true, keys: [.character("R")], shown: canReply, handle),
            KeyBinding("n", "next unread", footer: true, keys: [.character("n")], handle),
            KeyBinding("j k ↑↓", "scroll", keys: [.character("j"), .character("k"), .down, .up, .enter], handle),
            KeyBinding("Space PgDn", "page down", keys: [.character(" "), .pageDown], handle),
            KeyBinding("b PgUp", "page up", keys: [.character("b"), .pageUp], handle),
            KeyBinding("] [", "next, previous post", keys: [.character("]"), .character("["), .ctrl("n"), .ctrl("p")], handle),
            KeyBinding("g G", "first, last post", keys: [.character("g"), .character("G"), .home, .end], handle),
            KeyBinding("f", "flag the ▸ post", keys: [.character("f")], whenLoaded { thread, context in FlagDialog.open(thread, member: context.member) }),
            KeyBinding("m", "moderate (moderators)", keys: [.character("m")], whenLoaded { thread, context in
                ModerationMenu.open(thread, boards: context.boards, member: context.member)
            }),
            KeyBinding("p", "▸ author's profile", keys: [.character("p")], whenLoaded { thread, _ in ProfileScreen.open(thread) }),
            KeyBinding("H", "mark ▸ post helpful (toggles; your thread)", keys: [.character("H")],
                       shown: summary.authorHandle.lowercased() == member.handle.lowercased(),
                       whenLoaded { thread, _ in thread.toggleHelpful() }),
            KeyBinding("w x", "watch, mute thread (toggles)", keys: [.character("w"), .character("x")], handle),
            KeyBinding("X o", "mute ▸ author, open folded", keys: [.character("X"), .character("o")], handle),
            .inbox(), .search(), .help(), .back(),
        ]
    }

    public mutating func receive(_ answer: any Answer, _ context: ScreenContext) -> [Command] {
        let body = context.body
        switch answer {
        case let page as ThreadLoaded where page.detail.thread.id == summary.id:
            take(page.detail, page.placement, body: body)
            return context.isTop ? afterMove(body: body) : []
        case let news as any SuggestionNews where news.detail.suggestion.id == summary.id:
            suggestion = news.detail
            // Answered officially (a status change, a merge): shown at the response, its newest post.
            guard news.isOfficialResponse else { return [] }
            return [.loadThread(id: summary.id, from: max(0, postCount + 1 - Self.pageSize), limit: Self.pageSize,
                                placement: .replace(scrollTo: .bottom))]
        case let news as any PollNews where news.detail.id == summary.id:
            poll = news.detail
            return []
        case let changed as FollowChanged where changed.threadID == summary.id && context.isTop:
            return refresh().map { [$0] } ?? []
        case let done as Moderated where done.request.threadID == summary.id:
            return refresh().map { [$0] } ?? []
        case let marked as HelpfulChanged where marked.thread == summary.id:
            if marked.helpful { helpful.insert(marked.post) } else { helpful.remove(marked.post) }
            return []
        default:
            return []
        }
    }

    public func reload(_ context: ScreenContext) -> [Command] {
        (summary.kind == .suggestion ? [.loadSuggestion(id: summary.id)] : []) + Self.pollCommands(summary) + (refresh().map { [$0] } ?? [])
    }

    public mutating func relayout(_ context: ScreenContext) {
        let body = context.body
        clampToEnd(width: body.width, height: textHeight(body))
        revealIfHidden(width: body.width, height: textHeight(body))
    }

    public mutating func click(row y: Int, _ context: ScreenContext) -> [Command] {
        guard loaded else { return [] }
        click(row: y, body: context.body)
        return afterMove(body: context.body)
    }

    mutating func handle(_ key: Key, _ context: ScreenContext) -> [Command] {
        let (body, member, now) = (context.body, context.member, context.now)
        guard loaded else { return [] }
        let height = textHeight(body)
        let width = body.width
        switch key {
        case .down, .character("j"), .enter: scrollKeepingSelection(by: 1, width: width, height: height)
        case .up, .character("k"): scrollKeepingSelection(by: -1, width: width, height: height)
        case .pageDown, .character(" "): scrollKeepingSelection(by: max(1, height - 1), width: width, height: height)
        case .pageUp, .character("b"): scrollKeepingSelection(by: -max(1, height - 1), width: width, height: height)
        case .character("]"), .ctrl("n"):
            if selected + 1 < posts.count {
                select(selected + 1, width: width, height: height)
            } else if lastPosition >= postCount - 1 {
                return [.setStatus(.info("That is the last post."))]
            }
        case .character("["), .ctrl("p"):
            // Back to the top of the selected post first, when it starts above the screen.
            if let row = headerRow(selected, width: width), row < 0 {
                select(selected, width: width, height: height)
            } else if selected > 0 {
                select(selected - 1, width: width, height: height)
            } else if firstPosition == 0 {
                return [.setStatus(.info("That is the opening post."))]
            }
        case .home, .character("g"):
            if firstPosition > 0 {
                return [.loadThread(id: summary.id, from: 0, limit: Self.pageSize, placement: .replace(scrollTo: .top))]
            }
            top = LinePosition(post: 0, line: 0)
            selected = 0
        case .end, .character("G"):
            if lastPosition < postCount - 1 {
                return [.loadThread(id: summary.id, from: max(0, postCount - Self.pageSize), limit: Self.pageSize,
                                    placement: .replace(scrollTo: .bottom))]
            }
            scrollToBottom(width: width, height: height)
            selected = max(0, posts.count - 1)
        case .character("r"), .character("R"):
            // Said at once, not after the member has written the whole reply.
            if let refusal = replyRefusal(member: member, now: now) { return [.setStatus(.error(refusal))] }
            guard key == .character("R") else {
                return [.openCompose(.reply(threadID: summary.id, threadTitle: summary.title, replyTo: nil), quoting: nil)]
            }
            guard let post = focusedPost else { return [] }
            return [.openCompose(.reply(threadID: summary.id, threadTitle: summary.title, replyTo: post.id),
                                 quoting: Self.quote(post))]
        case .character("n"):
            return [.findNextUnread(after: summary)]
        case .character("s"):
            guard summary.kind == .suggestion else { return [] }
            guard let detail = suggestion else { return [.setStatus(.info("The suggestion is still loading."))] }
            let supporting = !(detail.viewerSupports ?? false)
            if let refusal = Self.supportRefusal(detail, supporting: supporting, member: member, now: now) {
                return [.setStatus(.error(refusal))]
            }
            return [.setSupport(id: detail.suggestion.id, supporting: supporting)]
        case .character("D"):
            guard summary.kind == .suggestion else { return [] }
            guard let detail = suggestion else { return [.setStatus(.info("The suggestion is still loading."))] }
            return MergeDialog.open(detail, member: member)
        case .character("S"):
            guard summary.kind == .suggestion else { return [] }
            guard let detail = suggestion else { return [.setStatus(.info("The suggestion is still loading."))] }
            return StatusDialog.open(detail, member: member)
        case .character("w"):
            return [.follow(threadID: summary.id, level: watch == .watching ? nil : .watching)]
        case .character("x"):
            return [.follow(threadID: summary.id, level: watch == .muted ? nil : .muted)]
        case .character("X"):
            guard let post = focusedPost else { return [] }
            guard post.authorHandle.lowercased() != member.handle.lowercased() else {
                return [.setStatus(.error("That is your own post: you cannot mute yourself."))]
            }
            return [.muteMember(handle: post.authorHandle, muted: !mutedAuthors.contains(post.authorHandle.lowercased()), threadID: summary.id)]
        case .character("o"):
            // Opens the folded posts on screen; with none folded there, folds them again.
            let onScreen = posts[top.post...].prefix { $0.position <= lastVisiblePosition(width: width, height: height) }
                .filter { mutedAuthors.contains($0.authorHandle.lowercased()) }
            guard !onScreen.isEmpty else { return [.setStatus(.info("No muted member's post on screen: o opens them."))] }
            let folded = onScreen.filter(isFolded)
            if folded.isEmpty { unfolded.subtract(onScreen.map(\.id)) } else { unfolded.formUnion(folded.map(\.id)) }
            clampToEnd(width: width, height: height)
            keepSelectionInView(width: width, height: height)
        default:
            return []
        }
        return afterMove(body: body)
    }

    /// After the view moves: load what lies beyond the window, mark what was seen read.
    mutating func afterMove(body: Rect) -> [Command] {
        var commands: [Command] = []
        if max(top.post, selected) >= posts.count - 10, lastPosition < postCount - 1 {
            commands.append(.loadThread(id: summary.id, from: lastPosition + 1, limit: Self.pageSize, placement: .append))
        } else if top.post < 5, firstPosition > 0 {
            let from = max(0, firstPosition - Self.pageSize)
            commands.append(.loadThread(id: summary.id, from: from, limit: firstPosition - from, placement: .prepend))
        }
        let seen = lastVisiblePosition(width: body.width, height: textHeight(body))
        if seen > markedUpTo {
            commands.append(.markRead(threadID: summary.id, position: seen))
            markedUpTo = seen
        }
        return commands
    }

    /// Reads again the page from the post on top: edits and new replies appear, the view stays put.
    func refresh() -> Command? {
        guard loaded, let post = topPost else { return nil }
        return .loadThread(id: summary.id, from: post.position, limit: Self.pageSize, placement: .refresh)
    }

    // MARK: - Loading

    mutating func take(_ detail: ThreadDetail, _ placement: Placement, body: Rect) {
        summary = detail.thread
        board = detail.board
        postCount = detail.postCount
        watch = detail.watch
        mutedAuthors = Set(detail.mutedAuthors.map { $0.lowercased() })
        helpful = Set(detail.helpfulPosts)
        switch placement {
        case .replace: mentioned = Set(detail.mentionedMembers)
        case .refresh, .append, .prepend: mentioned.formUnion(detail.mentionedMembers)
        }
        let width = body.width, height = textHeight(body)
        switch placement {
        case .replace(let target):
            posts = detail.posts
            top = LinePosition(post: 0, line: 0)
            selected = 0
            switch target {
            case .top: break
            case .bottom:
                scrollToBottom(width: width, height: height)
                selected = max(0, posts.count - 1)
            case .position(let position):
                // Where the member went (a search result, a notification, the first unread post): selected, in view.
                if let index = posts.firstIndex(where: { $0.position >= position }) { top.post = index; selected = index }
            }
            clampToEnd(width: width, height: height)
            reveal(width: width, height: height)
        case .refresh:
            // The page read again starts at the post on top; the posts above it stay, and so does the selection.
            let selectedPosition = focusedPost?.position
            let from = detail.posts.first?.position ?? firstPosition
            posts = posts.filter { $0.position < from } + detail.posts
            if let index = posts.firstIndex(where: { $0.position >= from }) {
                top.post = index
                top.line = min(top.line, max(0, lineCount(index, width: width) - 1))
            }
            if let selectedPosition, let index = posts.lastIndex(where: { $0.position <= selectedPosition }) { selected = index }
        case .append:
            let fresh = detail.posts.filter { $0.position > lastPosition }
            posts += fresh
            if posts.count > Self.windowLimit {
                let drop = min(posts.count - Self.windowLimit, top.post, selected)
                posts.removeFirst(drop)
                top.post -= drop
                selected -= drop
            }
        case .prepend:
            let fresh = detail.posts.filter { $0.position < firstPosition }
            posts = fresh + posts
            top.post += fresh.count
            selected += fresh.count
            if posts.count > Self.windowLimit { posts.removeLast(posts.count - Self.windowLimit) }
        }
        selected = min(max(0, selected), max(0, posts.count - 1))
        loaded = true
    }

    // MARK: - Scrolling by line

    /// Moves the top line by `delta` lines, wrapping each post it passes once:
    /// a long post costs its wrap, not its wrap for every line scrolled.
    mutating func scroll(by delta: Int, width: Int, height: Int) {
        var remaining = abs(delta)
        if delta > 0 {
            while remaining > 0 {
                let within = min(remaining, lineCount(top.post, width: width) - 1 - top.line)
                if within > 0 {
                    top.line += within
                    remaining -= within
                } else if top.post + 1 < posts.count {
                    top = LinePosition(post: top.post + 1, line: 0)
                    remaining -= 1
                } else { break }
            }
            clampToEnd(width: width, height: height)
        } else {
            while remaining > 0 {
                if top.line > 0 {
                    let within = min(remaining, top.line)
                    top.line -= within
                    remaining -= within
                } else if top.post > 0 {
                    top = LinePosition(post: top.post - 1, line: lineCount(top.post - 1, width: width) - 1)
                    remaining -= 1
                } else { break }
            }
        }
    }

    // MARK: - The selected post

    /// Selects a post and scrolls as little as it takes to show it: its header,
    /// and its whole text when it fits.
    mutating func select(_ index: Int, width: Int, height: Int) {
        guard !posts.isEmpty else { return }
        selected = min(max(0, index), posts.count - 1)
        reveal(width: width, height: height)
    }

    /// Scrolls the selected post into view, header first.
    mutating func reveal(width: Int, height: Int) {
        guard let start = headerRow(selected, width: width) else { return }
        if start < 0 {
            top = LinePosition(post: selected, line: 0)
        } else {
            // Its text, not the blank line after it, ends on screen; its header never leaves the top.
            let end = start + max(1, lineCount(selected, width: width) - 1)
            if end > height { scroll(by: min(start, end - height), width: width, height: height) }
        }
        clampToEnd(width: width, height: height)
    }

    /// After a resize: the selection scrolled back into view if it left it.
    mutating func revealIfHidden(width: Int, height: Int) {
        guard let start = headerRow(selected, width: width) else { return }
        if start + lineCount(selected, width: width) - 1 <= 0 || start >= height { reveal(width: width, height: height) }
    }

    /// Scrolls by lines; a selection the view leaves moves to the nearest post still in it.
    mutating func scrollKeepingSelection(by delta: Int, width: Int, height: Int) {
        scroll(by: delta, width: width, height: height)
        keepSelectionInView(width: width, height: height)
    }

    mutating func keepSelectionInView(width: Int, height: Int) {
        guard !posts.isEmpty else { return }
        // The top post counts as shown while a line of its text (not only its closing blank line) is.
        let firstShown = top.line >= lineCount(top.post, width: width) - 1 && top.post + 1 < posts.count ? top.post + 1 : top.post
        let lastShown = lastVisibleIndex(width: width, height: height)
        selected = min(max(selected, firstShown), max(firstShown, lastShown))
    }

    /// The row (0: the first line under the header) where post `index` starts;
    /// negative when it starts above the screen. Nil for no such post.
    func headerRow(_ index: Int, width: Int) -> Int? {
        guard posts.indices.contains(index) else { return nil }
        if index <= top.post {
            var row = -top.line
            for i in stride(from: top.post - 1, through: index, by: -1) { row -= lineCount(i, width: width) }
            return row
        }
        var row = lineCount(top.post, width: width) - top.line
        for i in (top.post + 1)..<index { row += lineCount(i, width: width) }
        return row
    }

    /// The post drawn on a row of the text area (0: the first), if any.
    func postIndex(atRow row: Int, width: Int, height: Int) -> Int? {
        guard row >= 0, row < height, !posts.isEmpty else { return nil }
        var used = lineCount(top.post, width: width) - top.line
        var index = top.post
        while used <= row {
            index += 1
            guard index < posts.count else { return nil }
            used += lineCount(index, width: width)
        }
        return index
    }

    /// A click on the text selects the post drawn there.
    mutating func click(row: Int, body: Rect) {
        let height = textHeight(body)
        guard let index = postIndex(atRow: row - body.y - headerRows, width: body.width, height: height) else { return }
        select(index, width: body.width, height: height)
    }

    mutating func scrollToBottom(width: Int, height: Int) {
        guard !posts.isEmpty else { return }
        top = LinePosition(post: posts.count - 1, line: 0)
        var remaining = height - lineCount(top.post, width: width)
        // A last post taller than the screen: its last screenful.
        if remaining < 0 { top.line = -remaining }
        while remaining > 0 {
            if top.post > 0 {
                let above = lineCount(top.post - 1, width: width)
                if above <= remaining {
                    top = LinePosition(post: top.post - 1, line: 0)
                    remaining -= above
                } else {
                    top = LinePosition(post: top.post - 1, line: above - remaining)
                    remaining = 0
                }
            } else { break }
        }
    }

    /// At the thread's real end, the last screen is full rather than mostly blank.
    mutating func clampToEnd(width: Int, height: Int) {
        guard lastPosition >= postCount - 1, !posts.isEmpty else { return }
        var lines = lineCount(top.post, width: width) - top.line
        var index = top.post + 1
        while lines < height, index < posts.count {
            lines += lineCount(index, width: width)
            index += 1
        }
        if lines < height { scrollToBottom(width: width, height: height) }
    }

    func lastVisiblePosition(width: Int, height: Int) -> Int {
        guard !posts.isEmpty else { return -1 }
        return posts[lastVisibleIndex(width: width, height: height)].position
    }

    /// The last post with a line on screen.
    func lastVisibleIndex(width: Int, height: Int) -> Int {
        var used = lineCount(top.post, width: width) - top.line
        var index = top.post
        while used < height, index + 1 < posts.count {
            index += 1
            used += lineCount(index, width: width)
        }
        return index
    }

    func lineCount(_ index: Int, width: Int) -> Int {
        guard let post = posts[safe: index] else { return 0 }
        return lines(for: post, width: width, now: nil).count
    }

    /// A post's lines as this member sees it: folded to a stub when its author is muted.
    func lines(for post: PostView, width: Int, now: Date?) -> [Line] {
        guard isFolded(post) else {
            var lines = Self.lines(for: post, width: width, now: now)
            if helpful.contains(post.id), !lines.isEmpty { lines[0].text += " · ✓ helpful" }
            // Opened with `o`: the header still says whose post it is.
            if mutedAuthors.contains(post.authorHandle.lowercased()), !lines.isEmpty {
                lines[0].text = post.authorHandle + " (muted)" + lines[0].text.dropFirst(post.authorHandle.count)
                lines[0].role = .muted
            }
            return lines
        }
        var stub = "\(post.authorHandle) (muted)"
        if let now { stub += " · " + Ago.describe(post.createdAt, now: now) }
        if post.position > 0 { stub += " · #\(post.position)" }
        stub += " · o opens"
        return [Line(text: stub, role: .muted, indent: 1), Line(text: "", role: .normal, indent: 0)]
    }

    // MARK: - Drawing

    struct Line: Equatable {
        var text: String
        var role: StyleRole
        var indent: Int
    }

    static func badge(_ role: Role) -> String? {
        switch role {
        case .manager, .admin: "Official"
        case .moderator: "Moderator"
        case .member: nil
        }
    }

    /// A post as lines at a width: a header, the body, a blank line. `now` only
    /// changes the header's relative time, never the count of lines.
    /// Bodies wrap at most this wide, however wide the window: long lines are hard to read.
    static let readingWidth = 100

    static func lines(for post: PostView, width: Int, now: Date?) -> [Line] {
        var header = post.authorHandle
        if let badge = badge(post.authorRole) { header += "  [\(badge)]" }
        if let now { header += " · " + Ago.describe(post.createdAt, now: now) }
        if post.position > 0 { header += " · #\(post.position)" }
        if post.editedAt != nil { header += " · edited" }
        var lines = [Line(text: header, role: post.authorRole.isStaff ? .official : .title, indent: 1)]
        let textWidth = max(1, min(width - 2, readingWidth))
        switch post.state {
        case .visible:
            lines += bodyLines(post.body, width: textWidth)
        case .hidden, .removed:
            lines += TextWrap.lines(post.placeholder, width: textWidth).map { Line(text: $0, role: .muted, indent: 1) }
            if !post.body.isEmpty { lines += bodyLines(post.body, width: textWidth).map { Line(text: $0.text, role: .muted, indent: 1) } }
        }
        lines.append(Line(text: "", role: .normal, indent: 0))
        return lines
    }

    static func bodyLines(_ body: String, width: Int) -> [Line] {
        var out: [Line] = []
        for line in SafeText.multiline(body) {
            let isQuote = line.hasPrefix(">")
            let wrapped = line.isEmpty ? [""] : TextWrap.lines(line, width: width)
            out += wrapped.map { Line(text: $0, role: isQuote ? .quote : .normal, indent: 1) }
        }
        return out
    }

    /// Restyles each `@handle` of a drawn line that names a member.
    static func highlightMentions(_ text: String, members: Set<String>, into canvas: inout Canvas, x: Int, y: Int, maxWidth: Int) {
        guard !members.isEmpty, text.contains("@") else { return }
        let safe = SafeText.displayable(text)
        let characters = Array(safe)
        for span in Mentions.spans(in: safe) where members.contains(span.handle) {
            let start = TextWidth.of(String(characters[0..<span.offset]))
            let width = TextWidth.of(String(characters[span.offset..<(span.offset + span.length)]))
            let end = min(start + width, maxWidth)
            guard start < end else { continue }
            canvas.restyle(x: x + start, y: y, width: end - start, role: .mention)
        }
    }

    static func quote(_ post: PostView) -> String {
        let lines = post.body.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix(">") }.prefix(8)
        return "> \(post.authorHandle) wrote:\n" + lines.map { "> " + $0 }.joined(separator: "\n") + "\n\n"
    }

    public func render(into canvas: inout Canvas, _ context: ScreenContext) {
        let (body, now) = (context.body, context.now)
        var titleLine = summary.title
        if summary.kind == .announcement { titleLine = "Announcement: " + titleLine }
        if summary.kind == .poll { titleLine = "Poll: " + titleLine }
        canvas.put(" " + TextWrap.truncate(titleLine, width: body.width - 1), x: 0, y: body.y, role: .title, maxWidth: body.width)
        var facts = [board?.title ?? "", "\(summary.replyCount) repl\(summary.replyCount == 1 ? "y" : "ies")"]
        if watch == .watching { facts.append("watching") }
        if watch == .muted { facts.append("muted") }
        if summary.locked { facts.append("locked") }
        if summary.archived { facts.append("archived") }
        if summary.hidden { facts.append("hidden from members") }
        if summary.slowModeSeconds > 0 { facts.append("slow mode: one post per \(TimeText.describe(seconds: summary.slowModeSeconds))") }
        if loaded, let focused = focusedPost, postCount > 1 {
            facts.append(focused.position == 0 ? "opening post" : "reply \(focused.position) of \(postCount - 1)")
            // "reply 5 of 40" says how many replies there are: in a narrow window it stands for both.
            if TextWidth.of(" " + facts.filter { !$0.isEmpty }.joined(separator: " · ")) > body.width { facts.remove(at: 1) }
        }
        let factsLine = " " + facts.filter { !$0.isEmpty }.joined(separator: " · ")
        canvas.put(TextWrap.truncate(factsLine, width: body.width), x: 0, y: body.y + 1, role: .muted, maxWidth: body.width)
        if summary.kind == .suggestion {
            SuggestionHeader.render(suggestion, into: &canvas, x: 0, y: body.y + Self.threadHeaderRows, width: body.width, now: now)
        }
        if summary.kind == .poll {
            PollHeader.render(poll, into: &canvas, x: 0, y: body.y + Self.threadHeaderRows, width: body.width, style: context.chartStyle,
                              now: context.now)
        }
        guard loaded else {
            canvas.put(" Loading…", x: 0, y: body.y + headerRows, role: .muted)
            return
        }
        let height = textHeight(body)
        var y = body.y + headerRows
        var index = top.post
        var skip = top.line
        while y < body.y + headerRows + height, let post = posts[safe: index] {
            for (number, line) in lines(for: post, width: body.width, now: now).enumerated().dropFirst(skip) {
                guard y < body.y + headerRows + height else { break }
                // The selected post, the one R quotes: marked on its first line shown.
                if index == selected, number == skip { canvas.put("▸", x: 0, y: y, role: .accent) }
                canvas.put(line.text, x: line.indent, y: y, role: line.role, maxWidth: body.width - line.indent)
                if number > 0, line.role == .normal || line.role == .quote {
                    Self.highlightMentions(line.text, members: mentioned, into: &canvas, x: line.indent, y: y,
                                           maxWidth: body.width - line.indent)
                }
                y += 1
            }
            skip = 0
            index += 1
        }
        if index >= posts.count, lastPosition < postCount - 1, y < body.y + headerRows + height {
            canvas.put(" Loading more…", x: 0, y: y, role: .muted)
        }
    }
}

/// Where a loaded page of posts goes in the thread screen's window.
public enum Placement: Equatable, Sendable {
    case replace(scrollTo: ScrollTarget)
    /// The same window read again (others replied): the view stays where it was.
    case refresh
    case append
    case prepend
}

public enum ScrollTarget: Equatable, Sendable {
    case top, bottom, position(Int)
}
