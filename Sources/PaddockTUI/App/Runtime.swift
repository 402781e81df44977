import Foundation
import PaddockCore
import PaddockStore

/// Runs the app against a community: feeds terminal events to `update`,
/// performs the effects it asks for through the Community service, and feeds
/// the answers back. The terminal owns the loop; this owns the state.
public final class PaddockApp: TerminalProgram {
    public private(set) var state: AppState
    let community: Community
    let clock: () -> Date
    private var changeToken: Int?
    /// Read positions not yet written: a commit per key press would cost a disk
    /// flush on the key path, so they are written on the next tick, or before
    /// anything that reads them.
    private var unsavedReads: [Int64: Int] = [:]
    /// This session's name for its drafts: another session of the same member
    /// keeps its own (see `Community.saveDraft`).
    let session = String(UUID().uuidString.prefix(8))

    public init(community: Community, member: Actor, width: Int, height: Int, clock: @escaping () -> Date = { Date() }) {
        self.community = community
        self.clock = clock
        state = AppState(member: member, width: width, height: height, now: clock())
        changeToken = try? community.changeToken()
        dispatch([.homeLoadedOrFailed(community, member), .notificationsCounted((try? community.unreadNotificationCount(for: member)) ?? 0)])
        if member.role >= .moderator { dispatch([.flagQueueCounted((try? community.flagQueueCount()) ?? 0)]) }
    }

    public func handle(_ event: TerminalEvent) -> [TerminalRequest] {
        state.now = clock()
        var requests = dispatch([.event(event)])
        if event == .tick || event == .hangup || requests.contains(.quit) {
            if case .message(let failure) = saveReads() { requests += dispatch([failure]) }
        }
        return requests
    }

    func saveReads() -> Outcome {
        defer { unsavedReads = [:] }
        do {
            try community.markRead(by: state.member, positions: unsavedReads)
        } catch {
            return .message(.failed(Self.describe(error)))
        }
        return .nothing
    }

    public func render(width: Int, height: Int) -> Canvas {
        if width != state.width || height != state.height {
            _ = dispatch([.event(.resized(width: width, height: height))])
        }
        return App.view(state)
    }

    /// Runs messages through update until no effect answers with another.
    @discardableResult
    func dispatch(_ messages: [Message]) -> [TerminalRequest] {
        var queue = messages
        var requests: [TerminalRequest] = []
        while !queue.isEmpty {
            let message = queue.removeFirst()
            for effect in App.update(&state, message) {
                switch perform(effect) {
                case .message(let answer): queue.append(answer)
                case .request(let request): requests.append(request)
                case .nothing: break
                }
            }
        }
        return requests
    }

    enum Outcome {
        case message(Message)
        case request(TerminalRequest)
        case nothing
    }

    func perform(_ effect: Command) -> Outcome {
        let member = state.member
        if case .markRead(let threadID, let position) = effect {
            unsavedReads[threadID] = max(position, unsavedReads[threadID] ?? position)
            return .nothing
        }
        if case .loadThread = effect {} else if !unsavedReads.isEmpty, case .message(let failure) = saveReads() {
            return .message(failure)
        }
        do {
            switch effect {
            case .quit:
                return .request(.quit)
            case .openEditor(let text):
                return .request(.openEditor(text: text))
            case .loadHome:
                return .message(.homeLoaded(try community.home(for: member)))
            case .loadBoard(let slug, let order, let after, let limit, let placement):
                let backwards = placement == .last || placement == .prepend
                let page = backwards ? try community.threads(board: slug, reader: member, order: order, before: after, limit: limit)
                    : try community.threads(board: slug, reader: member, order: order, after: after, limit: limit)
                return .message(.boardLoaded(slug: slug, order: order, page: page, placement: placement))
            case .loadThread(let id, let from, let limit, let placement):
                return .message(.threadLoaded(try community.thread(id, viewer: member, from: from, limit: limit), placement))
            case .markRead:
                break  // kept in unsavedReads above
            case .markBoardRead(let slug):
                try community.markBoardRead(by: member, board: slug)
                return .message(.changedElsewhere)
            case .findNextUnread(let after):
                return .message(.nextUnreadFound(try community.nextUnread(for: member, after: after)))
            case .openCompose(let target, let quoting):
                if let draft = try community.takeDraft(for: member, key: target.draftKey, session: session) {
                    return .message(.composeReady(target, title: draft.title, body: draft.body, restored: true))
                }
                return .message(.composeReady(target, title: "", body: quoting ?? "", restored: false))
            case .saveDraft(let key, let title, let body):
                try community.saveDraft(by: member, key: key, session: session, title: title, body: body)
            case .deleteDraft(let key):
                try community.deleteDraft(for: member, key: key, session: session)
            case .loadDraft(let key):
                guard let draft = try community.takeDraft(for: member, key: key, session: session) else { break }
                return .message(.draftLoaded(DraftText(key: key, title: draft.title, body: draft.body)))
            case .submit(let target, let title, let body):
                return .message(submit(target, title: title, body: body))
            case .checkForChanges:
                let token = try community.changeToken()
                defer { changeToken = token }
                if let changeToken, changeToken != token { return .message(.changedElsewhere) }
            case .checkNotifications:
                return .message(.notificationsCounted(try community.unreadNotificationCount(for: member)))
            case .loadSuggestion(let id):
                return .message(.suggestionLoaded(try community.suggestion(id, viewer: member)))
            case .setSupport(let id, let supporting):
                if supporting {
                    try community.support(by: member, suggestion: id)
                } else {
                    try community.withdrawSupport(by: member, suggestion: id)
                }
                return .message(.supportChanged(try community.suggestion(id, viewer: member), supporting: supporting))
            case .loadSuggestionRows(let slug, let ids):
                return .message(.suggestionRowsLoaded(slug: slug, try community.suggestionSummaries(ids: ids)))
            case .loadRoadmap(let slug):
                let products = try community.products().filter { $0.retiredAt == nil }
                guard let product = slug ?? products.first?.slug else { return .message(.roadmapLoaded(products: products, nil)) }
                return .message(.roadmapLoaded(products: products, try community.roadmap(product: product)))
            case .openThread(let id):
                return .message(.threadFound(try community.thread(id, viewer: member, from: 0, limit: 1).thread))
            case .loadReviewQueue(let after, let limit):
                return .message(.reviewQueueLoaded(try community.reviewQueue(by: member, after: after, limit: limit), after: after))
            case .changeStatus(let id, let status, let response):
                try community.changeStatus(by: member, suggestion: id, to: status, response: response)
                return .message(.statusChanged(try community.suggestion(id, viewer: member)))
            case .merge(let duplicate, let into, let response):
                // The same Community method as `paddock suggestion merge`.
                let result = try community.merge(by: member, duplicate: duplicate, into: into, response: response)
                return .message(.merged(try community.suggestion(duplicate, viewer: member), result))
            case .loadCatalog:
                let products = try community.products().filter { $0.retiredAt == nil }
                var features: [String: [FeatureSummary]] = [:]
                for product in products {
                    features[product.slug] = try community.features(product: product.slug).filter { $0.retiredAt == nil }
                }
                return .message(.catalogLoaded(products, features))
            case .findSimilar(let text, let product):
                let found = text.isEmpty ? [] : try community.similarSuggestions(to: text, product: product, limit: SuggestionForm.similarRows)
                return .message(.similarFound(text: text, product: product, found))
            case .submitSuggestion(let board, let product, let features, let title, let body):
                let posted = try community.suggest(by: member, product: product, features: features, title: title, body: body, board: board)
                return .message(.suggestionPosted(posted, board: board))
            case .loadSuggestions(var query, let after, let limit):
                let products = try community.products().filter { $0.retiredAt == nil }
                guard let product = query.product ?? products.first?.slug else {
                    return .message(.suggestionsLoaded(products: products, features: [], query, SuggestionPage(suggestions: [], next: nil), after: after))
                }
                query.product = product
                let features = try community.features(product: product)
                let page = try community.suggestions(product: product, feature: query.feature, order: query.order, filter: query.filter,
                                                     after: after, limit: limit)
                return .message(.suggestionsLoaded(products: products, features: features, query, page, after: after))
            case .loadSuggestionsBackwards(let query, let before, let limit):
                guard let product = query.product else { return .nothing }
                let page = try community.suggestions(product: product, feature: query.feature, order: query.order, filter: query.filter,
                                                     after: before, backwards: true, limit: limit)
                return .message(.suggestionsLoadedBackwards(query, page, before: before))
            case .moderate(let request):
                return .message(.moderated(request, try moderate(request)))
            case .loadFlagQueue:
                return .message(.flagQueueLoaded(try community.flagQueue(by: member, limit: ModerationQueueScreen.limit)))
            case .loadConduct(let handle):
                return .message(.conductLoaded(try community.conduct(of: handle, by: member)))
            case .loadModerationLog(let publicView, let before, let limit):
                let rows = try community.moderationLog(viewer: member, public: publicView, before: before, limit: limit)
                return .message(.moderationLogLoaded(rows, before: before, limit: limit))
            case .loadModerationLogNewer(let publicView, let after, let limit):
                let rows = try community.moderationLog(viewer: member, public: publicView, after: after, limit: limit)
                return .message(.moderationLogNewerLoaded(rows, after: after, limit: limit))
            case .loadInboxNewer(let after, let limit):
                return .message(.inboxNewerLoaded(try community.inbox(for: member, after: after, limit: limit), after: after, limit: limit))
            case .loadInbox(let before, let limit):
                return .message(.inboxLoaded(try community.inbox(for: member, before: before, limit: limit), before: before, limit: limit))
            case .markNotificationRead(let id):
                try community.markNotificationRead(by: member, notification: id)
                return .message(.notificationsMarked)
            case .markAllNotificationsRead:
                try community.markAllNotificationsRead(by: member)
                return .message(.notificationsMarked)
            case .openThreadAt(let id, let position):
                return .message(.threadFoundAt(try community.thread(id, viewer: member, from: 0, limit: 1).thread, position: position))
            case .follow(let threadID, let level):
                let text: String
                switch level {
                case .watching:
                    try community.watch(by: member, thread: threadID)
                    text = "Watching: you hear of every reply here."
                case .muted:
                    try community.muteThread(by: member, thread: threadID)
                    text = "Thread muted: it never shows as unread and never notifies you."
                case nil:
                    let current = try community.thread(threadID, viewer: member, from: 0, limit: 0).watch
                    if current == .muted {
                        try community.unmuteThread(by: member, thread: threadID)
                        text = "Thread unmuted."
                    } else {
                        try community.unwatch(by: member, thread: threadID)
                        text = "No longer watching: replies to you and mentions still notify you."
                    }
                }
                return .message(.followChanged(threadID: threadID, text))
            case .muteMember(let handle, let muted, let threadID):
                if muted {
                    try community.muteMember(by: member, handle: handle)
                    return .message(.followChanged(threadID: threadID, "\(handle) muted: their posts fold and their mentions don't reach you."))
                }
                try community.unmuteMember(by: member, handle: handle)
                return .message(.followChanged(threadID: threadID, "\(handle) unmuted."))
            case .search(let query, let after, let limit):
                let page = try community.search(query, viewer: member, limit: limit, after: after)
                return .message(.searchLoaded(query: query, page, after: after))
            case .countFlagQueue:
                guard member.role >= .moderator else { return .nothing }
                return .message(.flagQueueCounted(try community.flagQueueCount()))
            case .push, .pop, .setStatus, .confirm:
                break  // applied by update
            }
        } catch {
            return .message(.failed(Self.describe(error)))
        }
        return .nothing
    }

    /// Posts, and only then forgets the draft: a refusal keeps every word.
    func submit(_ target: ComposeTarget, title: String, body: String) -> Message {
        let member = state.member
        do {
            switch target {
            case .reply(let threadID, _, let replyTo):
                let post = try community.reply(by: member, thread: threadID, body: body, replyTo: replyTo)
                try community.deleteDraft(for: member, key: target.draftKey, session: session)
                return .submitted(target, threadID: threadID, position: post.position)
            case .newThread(let slug, _):
                let thread = try community.startThread(by: member, board: slug, title: title, body: body)
                try community.deleteDraft(for: member, key: target.draftKey, session: session)
                return .submitted(target, threadID: thread.id, position: 0)
            }
        } catch {
            return .submitFailed(Self.describe(error))
        }
    }

    /// Performs a moderation request; returns what to tell the member.
    func moderate(_ request: ModerationRequest) throws -> String {
        let member = state.member
        let undo = "u undoes"
        switch request {
        case .flag(let post, _, let reason, let note):
            let outcome = try community.flag(by: member, post: post, reason: reason, note: note)
            return ModerationOutcome.flagged(hidden: outcome.hidden, weight: outcome.weight, threshold: outcome.threshold).text()
        case .claim(let post):
            try community.claim(by: member, post: post)
            return ModerationOutcome.claimed(post: post).text()
        case .agree(let post, let reason, let remove):
            try community.agree(by: member, post: post, reason: reason, remove: remove)
            return ModerationOutcome.agreed(post: post, removed: remove).text(undo: undo)
        case .disagree(let post, let reason):
            try community.disagree(by: member, post: post, reason: reason)
            return ModerationOutcome.disagreed(post: post).text(undo: undo)
        case .ignore(let post):
            try community.ignore(by: member, post: post)
            return ModerationOutcome.ignored(post: post).text(undo: undo)
        case .undo(let post):
            let step = try community.undoReview(by: member, post: post)
            return ModerationOutcome.undone(post: post, step: step).text()
        case .post(let post, _, let action, let reason):
            try community.moderatePost(by: member, post: post, action: action, reason: reason)
            return ModerationOutcome.post(post, action).text()
        case .thread(let thread, let action, let reason):
            try community.moderateThread(by: member, thread: thread, action: action, reason: reason)
            return ModerationOutcome.thread(action).text()
        case .member(let handle, let kind, let until, let reason):
            switch kind {
            case .warn: try community.warn(by: member, member: handle, reason: reason)
            case .silence: try community.silence(by: member, member: handle, until: until ?? clock(), reason: reason)
            case .suspend: try community.suspend(by: member, member: handle, until: until ?? clock(), reason: reason)
            case .lift: try community.lift(by: member, member: handle, reason: reason)
            }
            return ModerationOutcome.member(handle: handle, kind).text()
        }
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? CommunityError { return error.description }
        return "something went wrong: \(error)"
    }
}

extension Message {
    static func homeLoadedOrFailed(_ community: Community, _ member: Actor) -> Message {
        do { return .homeLoaded(try community.home(for: member)) } catch { return .failed(PaddockApp.describe(error)) }
    }
}
