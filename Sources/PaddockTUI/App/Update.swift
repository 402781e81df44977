import Foundation
import PaddockCore
import PaddockStore

/// The app's rules of motion: a message changes the state and asks for effects.
/// Navigation, status and confirmation are applied here; what is returned is
/// for the runtime to perform (load, write, open the editor, quit).
public enum App {
    /// Ticks between looks for other sessions' changes (a tick is about 100 ms).
    static let ticksPerCheck = 5

    public static func update(_ state: inout AppState, _ message: Message) -> [Command] {
        let typed = state.screen.draft
        let commands = keepDrafts(message, before: typed, &state, commands(&state, message))
        var effects = apply(commands, to: &state)
        if let offer = draftToOffer(before: typed, state) { effects.append(offer) }
        return effects
    }

    static func commands(_ state: inout AppState, _ message: Message) -> [Command] {
        let body = Frame.body(width: state.width, height: state.height)
        switch message {
        case .event(let event):
            return handle(event, &state)

        case .homeLoaded(let overview):
            for i in state.stack.indices {
                if case .home(var home) = state.stack[i] {
                    home.overview = overview
                    home.list.reveal(count: overview.boards.count, visible: home.visibleRows(in: body))
                    state.stack[i] = .home(home)
                }
            }
        case .boardLoaded(let slug, let order, let page, let placement):
            for i in state.stack.indices {
                if case .board(var board) = state.stack[i], board.board.slug == slug, board.order == order {
                    board.loaded(page, placement: placement, body: body)
                    state.stack[i] = .board(board)
                }
            }
            if page.board.threadKind == .suggestion, !page.threads.isEmpty {
                return [.loadSuggestionRows(slug: slug, ids: page.threads.map(\.id))]
            }
        case .roadmapLoaded(let products, let roadmap):
            for i in state.stack.indices {
                if case .roadmap(var screen) = state.stack[i] {
                    screen.loaded(products: products, roadmap: roadmap)
                    state.stack[i] = .roadmap(screen)
                }
            }
        case .reviewQueueLoaded(let page, let after):
            for i in state.stack.indices {
                if case .reviewQueue(var queue) = state.stack[i] {
                    queue.loaded(page, after: after, body: body)
                    state.stack[i] = .reviewQueue(queue)
                }
            }
        case .statusChanged(let detail):
            var commands = closeSent(&state) { if case .statusDialog = $0 { true } else { false } }
            commands.append(.setStatus(.info("Now \(detail.suggestion.status.label): the author and every supporter are notified.")))
            return commands + answered(detail, &state)
        case .merged(let detail, let result):
            var commands = closeSent(&state) { if case .mergeDialog = $0 { true } else { false } }
            let moved = result.movedSupporters
            commands.append(.setStatus(.info("Merged #\(result.duplicate.id) into #\(result.into.id): \(moved) supporter"
                + "\(moved == 1 ? "" : "s") moved, \(result.into.supporterCount) in all; everyone is notified.")))
            return commands + answered(detail, &state)
        case .draftLoaded(let draft):
            for i in state.stack.indices where state.stack[i].restore(draft) {
                var commands: [Command] = [.setStatus(.info("Your unsent draft is back."))]
                // A suggestion's title comes back with the open suggestions like it.
                if case .suggestionForm(let form) = state.stack[i] { commands += form.similarQuery() }
                return commands
            }
        case .catalogLoaded(let products, let features):
            for i in state.stack.indices {
                if case .suggestionForm(var form) = state.stack[i] {
                    form.catalogLoaded(products, features)
                    state.stack[i] = .suggestionForm(form)
                }
            }
        case .similarFound(let text, let product, let found):
            if case .suggestionForm(var form) = state.screen {
                form.similarFound(text: text, product: product, found)
                state.screen = .suggestionForm(form)
            }
            if case .mergeDialog(var dialog) = state.screen {
                dialog.similarFound(text: text, product: product, found)
                state.screen = .mergeDialog(dialog)
            }
        case .suggestionPosted(let posted, let slug):
            var commands = closeSent(&state) { if case .suggestionForm = $0 { true } else { false } }
            commands.append(.setStatus(.info("Suggestion #\(posted.id) posted: you are its first supporter.")))
            if case .board(let board) = state.screen, board.board.slug == slug {
                commands.append(.loadBoard(slug: slug, order: board.order, after: nil, limit: BoardScreen.pageSize(body),
                                           placement: .select(posted.id)))
            }
            return commands
        case .suggestionsLoaded(let products, let features, let query, let page, let after):
            for i in state.stack.indices {
                if case .suggestionList(var list) = state.stack[i] {
                    list.loaded(products: products, features: features, query: query, page: page, after: after, body: body)
                    state.stack[i] = .suggestionList(list)
                }
            }
        case .suggestionsLoadedBackwards(let query, let page, let before):
            for i in state.stack.indices {
                if case .suggestionList(var list) = state.stack[i] {
                    list.loadedBackwards(query: query, page: page, before: before, body: body)
                    state.stack[i] = .suggestionList(list)
                }
            }
        case .threadFound(let summary):
            return ThreadScreen.open(summary)
        case .searchLoaded(let query, let page, let after):
            for i in state.stack.indices {
                if case .search(var search) = state.stack[i] {
                    search.loaded(query: query, page: page, after: after, body: body)
                    state.stack[i] = .search(search)
                }
            }
        case .suggestionRowsLoaded(let slug, let rows):
            for i in state.stack.indices {
                if case .board(var board) = state.stack[i], board.board.slug == slug {
                    for row in rows { board.suggestions[row.id] = row }
                    state.stack[i] = .board(board)
                }
            }
        case .threadLoaded(let detail, let placement):
            for i in state.stack.indices {
                if case .thread(var thread) = state.stack[i], thread.summary.id == detail.thread.id {
                    thread.loaded(detail, placement, body: body)
                    state.stack[i] = .thread(thread)
                    if i == state.stack.count - 1 { return thread.afterMove(body: body) }
                }
            }
        case .nextUnreadFound(let summary):
            guard let summary else { return [.setStatus(.info("No unread threads left."))] }
            if case .thread = state.screen { state.stack.removeLast() }
            return ThreadScreen.open(summary)
        case .composeReady(let target, let title, let text, let restored):
            return [.push(.compose(ComposeScreen(target: target, title: title, body: text)))]
                + (restored ? [.setStatus(.info("Your unsent draft is back."))] : [])
        case .submitted(let target, let threadID, let position):
            guard case .compose = state.screen else { return [] }
            state.stack.removeLast()
            switch target {
            case .reply:
                return [.setStatus(.info("Reply posted.")),
                        .loadThread(id: threadID, from: max(0, position - ThreadScreen.pageSize + 1), limit: ThreadScreen.pageSize,
                                    placement: .replace(scrollTo: .bottom))]
            case .newThread(let slug, _):
                var commands: [Command] = [.setStatus(.info("Thread started."))]
                if case .board(let board) = state.screen, board.board.slug == slug {
                    // The board comes back with the new thread selected.
                    commands.append(.loadBoard(slug: slug, order: board.order, after: nil, limit: BoardScreen.pageSize(body),
                                               placement: .select(threadID)))
                }
                return commands
            }
        case .submitFailed(let why):
            return [.setStatus(.error("Not posted: \(why). Your text is kept as a draft."))]
        case .failed(let why):
            return [.setStatus(.error(why))]
        case .changedElsewhere:
            return refresh(state)
        case .notificationsCounted(let count):
            state.unreadNotifications = count
        case .flagQueueCounted(let count):
            state.flagQueueCount = count
        case .conductLoaded(let record):
            for i in state.stack.indices {
                if case .conduct(var conduct) = state.stack[i], conduct.handle == record.handle {
                    conduct.record = record
                    state.stack[i] = .conduct(conduct)
                }
            }
        case .moderationLogLoaded(let rows, let before, let limit):
            for i in state.stack.indices {
                if case .moderationLog(var log) = state.stack[i] {
                    log.loaded(rows, before: before, limit: limit, body: body)
                    state.stack[i] = .moderationLog(log)
                }
            }
        case .moderationLogNewerLoaded(let rows, let after, let limit):
            for i in state.stack.indices {
                if case .moderationLog(var log) = state.stack[i] {
                    log.loadedNewer(rows, after: after, limit: limit, body: body)
                    state.stack[i] = .moderationLog(log)
                }
            }
        case .inboxNewerLoaded(let rows, let after, let limit):
            for i in state.stack.indices {
                if case .inbox(var inbox) = state.stack[i] {
                    inbox.loadedNewer(rows, after: after, limit: limit, body: body)
                    state.stack[i] = .inbox(inbox)
                }
            }
        case .inboxLoaded(let rows, let before, let limit):
            for i in state.stack.indices {
                if case .inbox(var inbox) = state.stack[i] {
                    inbox.loaded(rows, before: before, limit: limit, body: body)
                    state.stack[i] = .inbox(inbox)
                }
            }
        case .threadFoundAt(let summary, let position):
            return ThreadScreen.open(summary, at: position)
        case .notificationsMarked:
            return [.checkNotifications]
        case .followChanged(let threadID, let text):
            var commands: [Command] = [.setStatus(.info(text)), .checkNotifications]
            if case .thread(let thread) = state.screen, thread.summary.id == threadID, let reload = thread.refresh() {
                commands.append(reload)
            }
            return commands
        case .flagQueueLoaded(let items):
            // A short queue is the whole queue: the header's count agrees with it at once.
            if items.count < ModerationQueueScreen.limit { state.flagQueueCount = items.count }
            for i in state.stack.indices {
                if case .moderationQueue(var queue) = state.stack[i] {
                    queue.loaded(items, body: body)
                    state.stack[i] = .moderationQueue(queue)
                }
            }
        case .moderated(let request, let text):
            // What was typed is sent: its draft goes.
            var commands: [Command] = state.screen.draft.map { [.deleteDraft(key: $0.key)] } ?? []
            switch state.screen {
            case .flagDialog, .moderationMenu: state.stack.removeLast()
            case .moderationQueue(var queue):
                queue.deciding = nil
                state.screen = .moderationQueue(queue)
            case .conduct(var conduct):
                conduct.pending = nil
                conduct.reason.setText("")
                state.screen = .conduct(conduct)
            default: break
            }
            if request.postID != nil {
                state.lastQueueStep = request.isUndoableQueueStep ? request : nil
                for i in state.stack.indices {
                    if case .moderationQueue(var queue) = state.stack[i] {
                        queue.undoable = state.lastQueueStep
                        state.stack[i] = .moderationQueue(queue)
                    }
                }
            }
            commands += [.setStatus(.info(text)), .countFlagQueue]
            switch state.screen {
            case .thread(let thread) where thread.summary.id == request.threadID:
                if let reload = thread.refresh() { commands.append(reload) }
            case .moderationQueue:
                commands.append(.loadFlagQueue)
            case .conduct(let conduct):
                commands.append(.loadConduct(handle: conduct.handle))
            default: break
            }
            return commands
        case .suggestionLoaded(let detail):
            updateSuggestion(detail, in: &state)
        case .supportChanged(let detail, let supporting):
            updateSuggestion(detail, in: &state)
            let count = detail.suggestion.supporterCount
            let supporters = Plural.count(count, "supporter")
            return [.setStatus(.info(supporting ? "You support this suggestion: \(supporters)." : "Support withdrawn: \(supporters)."))]
        }
        return []
    }

    /// Closes the form whose text was just sent (when it is on top) and forgets its draft.
    static func closeSent(_ state: inout AppState, _ isForm: (Screen) -> Bool) -> [Command] {
        guard isForm(state.screen) else { return [] }
        let sent = state.screen.draft
        state.stack.removeLast()
        return sent.map { [.deleteDraft(key: $0.key)] } ?? []
    }

    /// A suggestion answered officially (a status change, a merge): shown as it
    /// now stands, and its thread, when open, at the response, its newest post.
    static func answered(_ detail: SuggestionDetail, _ state: inout AppState) -> [Command] {
        updateSuggestion(detail, in: &state)
        guard case .thread(let thread) = state.screen, thread.summary.id == detail.suggestion.id else { return [] }
        return [.loadThread(id: thread.summary.id, from: max(0, thread.postCount + 1 - ThreadScreen.pageSize),
                            limit: ThreadScreen.pageSize, placement: .replace(scrollTo: .bottom))]
    }

    /// Every open thread of this suggestion shows it as it now stands.
    static func updateSuggestion(_ detail: SuggestionDetail, in state: inout AppState) {
        for i in state.stack.indices {
            if case .board(var board) = state.stack[i], board.suggestions[detail.suggestion.id] != nil {
                board.suggestions[detail.suggestion.id] = detail.suggestion
                state.stack[i] = .board(board)
            }
            if case .thread(var thread) = state.stack[i], thread.summary.id == detail.suggestion.id {
                thread.suggestion = detail
                state.stack[i] = .thread(thread)
            }
        }
    }

    static func handle(_ event: TerminalEvent, _ state: inout AppState) -> [Command] {
        let body = Frame.body(width: state.width, height: state.height)
        switch event {
        case .resized(let width, let height):
            state.width = width
            state.height = height
            relayout(&state)
            return []
        case .tick:
            state.ticksSinceCheck += 1
            var commands: [Command] = []
            if state.ticksSinceCheck >= ticksPerCheck {
                state.ticksSinceCheck = 0
                commands.append(.checkForChanges)
            }
            return commands
        case .hangup:
            return []  // what is typed is saved by keepDrafts
        case .editorFinished(let result):
            guard case .compose(var compose) = state.screen else { return [] }
            switch result {
            case .success(let text):
                compose.body = TextEditor(text: text)
                state.screen = .compose(compose)
                return [.setStatus(.info("Text taken back from the editor."))]
            case .failure(let failure):
                return [.setStatus(.error("\(failure.message); your text is unchanged."))]
            }
        case .mouse(let mouse):
            switch mouse {
            case .wheelUp: return handle(.key(.up), &state) + handle(.key(.up), &state) + handle(.key(.up), &state)
            case .wheelDown: return handle(.key(.down), &state) + handle(.key(.down), &state) + handle(.key(.down), &state)
            case .click(_, let y): return click(row: y, &state)
            }
        case .key(let key):
            return handle(key, &state, body: body)
        }
    }

    static func handle(_ key: Key, _ state: inout AppState, body: Rect) -> [Command] {
        if let confirmation = state.confirmation {
            state.confirmation = nil
            if key == .character("y") || key == .character("Y") { return confirmation.onYes }
            return [.setStatus(.info(confirmation.onNo))]
        }
        let tooSmall = state.width < Frame.minimumWidth || state.height < Frame.minimumHeight
        if tooSmall {
            return key == .character("q") || key == .ctrl("c") ? quit(&state) : []
        }
        if state.showingHelp {
            if !HelpOverlay.scroll(key, offset: &state.helpScroll, keys: Keymap.keys(for: state.screen, member: state.member, now: state.now), body: body) {
                state.showingHelp = false
            }
            return []
        }
        let composing: Bool
        switch state.screen {
        case .compose, .statusDialog, .mergeDialog, .suggestionForm, .flagDialog, .moderationMenu: composing = true
        case .moderationQueue(let queue): composing = queue.isTyping
        case .conduct(let conduct): composing = conduct.isTyping
        case .search(let search): composing = search.typing
        default: composing = false
        }
        state.status = nil
        switch key {
        case .ctrl("c"):
            return quit(&state)
        case .character("/") where !composing:
            if case .search = state.screen { break }
            return SearchScreen.open()
        case .character("?") where !composing, .function(1):
            state.showingHelp = true
            state.helpScroll = 0
            return []
        case .character("q") where !composing, .escape where !composing, .left where !composing, .character("h") where !composing:
            if state.stack.count == 1 {
                return key == .character("q") ? quit(&state) : []
            }
            return [.pop]
        case .character("i") where !composing:
            // The inbox opens from every screen that doesn't take `i` itself.
            switch state.screen {
            case .inbox: break
            default: return InboxScreen.open(body: body)
            }
        default:
            break
        }
        let member = state.member, now = state.now
        switch state.screen {
        case .home(let home):
            if key == .character("Q") { return ReviewQueueScreen.open(member: member, body: body) }
            if key == .character("S") { return SuggestionListScreen.open(body: body) }
            if key == .character("M") { return ModerationQueueScreen.open(member: member, undoable: state.lastQueueStep) }
            if key == .character("L") { return ModerationLogScreen.open(member: member, body: body) }
            return step(home, Screen.home, &state) { $0.handle(key, body: body) }
        case .board(let board):
            return step(board, Screen.board, &state) { $0.handle(key, body: body, member: member, now: now) }
        case .thread(let thread):
            if thread.loaded, key == .character("f") { return FlagDialog.open(thread, member: member) }
            if thread.loaded, key == .character("m") { return ModerationMenu.open(thread, boards: state.boards, member: member) }
            if thread.loaded, key == .character("p") { return ConductScreen.open(thread, member: member) }
            return step(thread, Screen.thread, &state) { $0.handle(key, body: body, member: member, now: now) }
        case .compose(let compose):
            return step(compose, Screen.compose, &state) { $0.handle(key, area: body) }
        case .roadmap(let roadmap):
            if key == .character("l") { return SuggestionListScreen.open(product: roadmap.roadmap?.product.slug, body: body) }
            return step(roadmap, Screen.roadmap, &state) { $0.handle(key, body: body) }
        case .reviewQueue(let queue):
            return step(queue, Screen.reviewQueue, &state) { $0.handle(key, body: body) }
        case .statusDialog(let dialog):
            return step(dialog, Screen.statusDialog, &state) { $0.handle(key, area: body) }
        case .mergeDialog(let dialog):
            return step(dialog, Screen.mergeDialog, &state) { $0.handle(key, area: body) }
        case .suggestionForm(let form):
            return step(form, Screen.suggestionForm, &state) { $0.handle(key, area: body) }
        case .suggestionList(let list):
            return step(list, Screen.suggestionList, &state) { $0.handle(key, body: body) }
        case .flagDialog(let dialog):
            return step(dialog, Screen.flagDialog, &state) { $0.handle(key, area: body) }
        case .moderationQueue(let queue):
            return step(queue, Screen.moderationQueue, &state) { $0.handle(key, body: body) }
        case .moderationLog(let log):
            return step(log, Screen.moderationLog, &state) { $0.handle(key, body: body) }
        case .moderationMenu(let menu):
            return step(menu, Screen.moderationMenu, &state) { $0.handle(key, area: body) }
        case .conduct(let conduct):
            return step(conduct, Screen.conduct, &state) { $0.handle(key, body: body, now: now) }
        case .inbox(let inbox):
            return step(inbox, Screen.inbox, &state) { $0.handle(key, body: body, now: now) }
        case .search(let search):
            return step(search, Screen.search, &state) { $0.handle(key, body: body) }
        }
    }

    /// Lets the top screen handle a key and puts its new state back on the stack.
    static func step<S>(_ screen: S, _ wrap: (S) -> Screen, _ state: inout AppState,
                        _ handle: (inout S) -> [Command]) -> [Command] {
        var screen = screen
        let commands = handle(&screen)
        state.screen = wrap(screen)
        return commands
    }

    /// A click on a list row selects it; a second click on the selection opens it.
    static func click(row y: Int, _ state: inout AppState) -> [Command] {
        let body = Frame.body(width: state.width, height: state.height)
        switch state.screen {
        case .home(var home):
            let index = home.list.offset + y - body.y - HomeScreen.listTop
            guard let count = home.overview?.boards.count, index >= 0, index < count else { return [] }
            if index == home.list.selected { return handle(.enter, &state, body: body) }
            home.list.moveTo(index, count: count, visible: home.visibleRows(in: body))
            state.screen = .home(home)
        case .board(var board):
            let index = board.list.offset + y - body.y - 1
            guard index >= 0, index < board.threads.count else { return [] }
            if index == board.list.selected { return handle(.enter, &state, body: body) }
            board.list.moveTo(index, count: board.threads.count, visible: board.visibleRows(in: body))
            state.screen = .board(board)
        case .search(var search):
            let index = search.list.offset + (y - body.y - SearchScreen.headerRows) / SearchScreen.rowsPerHit
            guard y >= body.y + SearchScreen.headerRows, index >= 0, index < search.hits.count else { return [] }
            if index == search.list.selected, !search.typing { return handle(.enter, &state, body: body) }
            search.typing = false
            search.list.moveTo(index, count: search.hits.count, visible: search.visibleRows(in: body))
            state.screen = .search(search)
        case .thread(var thread):
            guard thread.loaded else { return [] }
            thread.click(row: y, body: body)
            state.screen = .thread(thread)
            return thread.afterMove(body: body)
        case .compose, .roadmap, .reviewQueue, .statusDialog, .mergeDialog, .suggestionForm, .suggestionList,
             .flagDialog, .moderationQueue, .moderationLog, .moderationMenu, .conduct:
            break
        case .inbox(var inbox):
            let index = inbox.list.offset + y - body.y - 1
            guard index >= 0, index < inbox.items.count else { return [] }
            if index == inbox.list.selected { return handle(.enter, &state, body: body) }
            inbox.list.moveTo(index, count: inbox.items.count, visible: inbox.visibleRows(in: body))
            state.screen = .inbox(inbox)
        }
        return []
    }

    static func quit(_ state: inout AppState) -> [Command] {
        [.quit]  // keepDrafts saves what is typed first
    }

    /// Re-reads what is on screen after another session changed the file.
    static func refresh(_ state: AppState) -> [Command] {
        let body = Frame.body(width: state.width, height: state.height)
        var commands: [Command] = [.checkNotifications, .countFlagQueue]
        switch state.screen {
        case .home: commands.append(.loadHome)
        case .board(let board):
            commands.append(board.refresh(body: body))
        case .thread(let thread):
            if thread.summary.kind == .suggestion { commands.append(.loadSuggestion(id: thread.summary.id)) }
            guard let command = thread.refresh() else { break }
            commands.append(command)
        case .compose: break
        case .roadmap(let roadmap): commands.append(roadmap.refresh())
        case .reviewQueue(let queue): commands.append(queue.refresh(body: body))
        case .suggestionList(let list): commands.append(list.refresh(body: body))
        case .moderationQueue: commands.append(.loadFlagQueue)
        case .moderationLog(let log): commands.append(log.refresh(body: body))
        case .conduct(let conduct): commands.append(.loadConduct(handle: conduct.handle))
        case .inbox(let inbox): commands.append(inbox.refresh(body: body))
        case .statusDialog, .mergeDialog, .suggestionForm, .flagDialog, .moderationMenu, .search: break
        }
        return commands
    }

    /// After a resize, every list keeps its selection in view.
    static func relayout(_ state: inout AppState) {
        let body = Frame.body(width: state.width, height: state.height)
        for i in state.stack.indices {
            switch state.stack[i] {
            case .home(var home):
                home.list.reveal(count: home.overview?.boards.count ?? 0, visible: home.visibleRows(in: body))
                state.stack[i] = .home(home)
            case .board(var board):
                board.list.reveal(count: board.threads.count, visible: board.visibleRows(in: body))
                state.stack[i] = .board(board)
            case .thread(var thread):
                thread.clampToEnd(width: body.width, height: thread.textHeight(body))
                thread.revealIfHidden(width: body.width, height: thread.textHeight(body))
                state.stack[i] = .thread(thread)
            case .reviewQueue(var queue):
                queue.list.reveal(count: queue.suggestions.count, visible: queue.visibleRows(in: body))
                state.stack[i] = .reviewQueue(queue)
            case .suggestionList(var list):
                list.list.reveal(count: list.suggestions.count, visible: list.visibleRows(in: body))
                state.stack[i] = .suggestionList(list)
            case .moderationQueue(var queue):
                queue.list.reveal(count: queue.items.count, visible: queue.visibleRows(in: body))
                state.stack[i] = .moderationQueue(queue)
            case .moderationLog(var log):
                log.list.reveal(count: log.entries.count, visible: log.visibleRows(in: body))
                state.stack[i] = .moderationLog(log)
            case .inbox(var inbox):
                inbox.list.reveal(count: inbox.items.count, visible: inbox.visibleRows(in: body))
                state.stack[i] = .inbox(inbox)
            case .search(var search):
                search.list.reveal(count: search.hits.count, visible: search.visibleRows(in: body))
                state.stack[i] = .search(search)
            case .compose, .roadmap, .statusDialog, .mergeDialog, .suggestionForm, .flagDialog, .moderationMenu, .conduct:
                break
            }
        }
    }

    /// Applies navigation, status and confirmations; returns the effects left for the runtime.
    static func apply(_ commands: [Command], to state: inout AppState) -> [Command] {
        var effects: [Command] = []
        let body = Frame.body(width: state.width, height: state.height)
        for command in commands {
            switch command {
            case .push(let screen):
                state.stack.append(screen)
            case .pop:
                guard state.stack.count > 1 else { continue }
                state.stack.removeLast()
                // Coming back, the list shows what was read meanwhile.
                switch state.screen {
                case .home: effects.append(.loadHome)
                case .board(let board):
                    effects.append(board.refresh(body: body))
                case .reviewQueue(let queue):
                    effects.append(queue.refresh(body: body))
                case .suggestionList(let list):
                    effects.append(list.refresh(body: body))
                case .moderationQueue:
                    effects.append(.loadFlagQueue)
                case .moderationLog(let log):
                    effects.append(log.refresh(body: body))
                case .inbox(let inbox):
                    effects.append(inbox.refresh(body: body))
                default: break
                }
            case .setStatus(let status):
                state.status = status
            case .confirm(let confirmation):
                state.confirmation = confirmation
            case .markRead(let threadID, let position):
                for i in state.stack.indices {
                    if case .thread(var thread) = state.stack[i], thread.summary.id == threadID {
                        thread.noteMarked(position)
                        state.stack[i] = .thread(thread)
                    }
                }
                effects.append(command)
            default:
                effects.append(command)
            }
        }
        return effects
    }
}
