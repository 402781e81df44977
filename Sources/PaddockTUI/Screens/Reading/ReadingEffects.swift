import Foundation
import PaddockCore
import PaddockStore

/// Reading and writing: home, boards, threads, compose, following.
enum ReadingEffects {
    struct LoadHome: Effect {
        func perform(_ env: EffectEnvironment) throws -> EffectOutcome {
            .answer(HomeLoaded(overview: try env.community.home(for: env.member)))
        }
    }

    struct LoadBoard: Effect {
        var slug: String
        var order: ThreadOrder
        var after: ThreadSummary?
        var limit: Int
        var placement: BoardPlacement

        func perform(_ env: EffectEnvironment) throws -> EffectOutcome {
            let (community, member) = (env.community, env.member)
            let backwards = placement == .last || placement == .prepend
            let page = backwards ? try community.threads(board: slug, reader: member, order: order, before: after, limit: limit)
                : try community.threads(board: slug, reader: member, order: order, after: after, limit: limit)
            return .answer(BoardLoaded(slug: slug, order: order, page: page, placement: placement))
        }
    }

    struct LoadThread: Effect {
        var id: Int64
        var from: Int
        var limit: Int
        var placement: Placement
        /// Reading a thread doesn't read the positions kept to be written: a scroll costs no write.
        var needsReadsSaved: Bool { false }

        func perform(_ env: EffectEnvironment) throws -> EffectOutcome {
            .answer(ThreadLoaded(detail: try env.community.thread(id, viewer: env.member, from: from, limit: limit), placement: placement))
        }
    }

    /// A read position, written on the next tick (a commit per key press would cost a disk flush on the key path).
    struct MarkRead: Effect {
        var threadID: Int64
        var position: Int
        var needsReadsSaved: Bool { false }

        func perform(_ env: EffectEnvironment) throws -> EffectOutcome {
            env.noteRead(thread: threadID, position: position)
            return .nothing
        }
    }

    struct MarkBoardRead: Effect {
        var slug: String
        func perform(_ env: EffectEnvironment) throws -> EffectOutcome {
            try env.community.markBoardRead(by: env.member, board: slug)
            return .message(.changedElsewhere)
        }
    }

    struct FindNextUnread: Effect {
        var after: ThreadSummary?
        func perform(_ env: EffectEnvironment) throws -> EffectOutcome {
            .answer(NextUnreadFound(summary: try env.community.nextUnread(for: env.member, after: after)))
        }
    }

    /// Opens a thread known by its id, at a post position (nil: where the member stopped reading).
    struct OpenThread: Effect {
        var id: Int64
        var position: Int?
        func perform(_ env: EffectEnvironment) throws -> EffectOutcome {
            .answer(ThreadFound(summary: try env.community.thread(id, viewer: env.member, from: 0, limit: 1).thread, position: position))
        }
    }

    /// Opens compose with its kept draft, or with the quoted post.
    struct OpenCompose: Effect {
        var target: ComposeTarget
        var quoting: String?
        func perform(_ env: EffectEnvironment) throws -> EffectOutcome {
            if let draft = try env.community.takeDraft(for: env.member, key: target.draftKey, session: env.session) {
                return .answer(ComposeReady(target: target, title: draft.title, body: draft.body, restored: true))
            }
            return .answer(ComposeReady(target: target, title: "", body: quoting ?? "", restored: false))
        }
    }

    /// Posts, and only then forgets the draft: a refusal keeps every word.
    struct Submit: Sending {
        var target: ComposeTarget
        var title: String
        var body: String
        func perform(_ env: EffectEnvironment) throws -> EffectOutcome {
            let (community, member) = (env.community, env.member)
            do {
                let sent: Submitted
                switch target {
                case .reply(let threadID, _, let replyTo):
                    let post = try community.reply(by: member, thread: threadID, body: body, replyTo: replyTo)
                    sent = Submitted(target: target, threadID: threadID, position: post.position)
                case .newThread(let slug, _):
                    let thread = try community.startThread(by: member, board: slug, title: title, body: body)
                    sent = Submitted(target: target, threadID: thread.id, position: 0)
                }
                try community.deleteDraft(for: member, key: target.draftKey, session: env.session)
                return .answer(sent)
            } catch {
                return .answer(SubmitFailed(why: PaddockApp.describe(error)))
            }
        }
    }

    /// Watches (`.watching`), mutes (`.muted`) or stops following (nil) a thread.
    struct Follow: Effect {
        var threadID: Int64
        var level: WatchLevel?

        func perform(_ env: EffectEnvironment) throws -> EffectOutcome {
            let (community, member) = (env.community, env.member)
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
            return .answer(FollowChanged(threadID: threadID, text: text))
        }
    }

    /// Mutes or unmutes a member, from a thread whose posts then fold or unfold.
    struct MuteMember: Effect {
        var handle: String
        var muted: Bool
        var threadID: Int64

        func perform(_ env: EffectEnvironment) throws -> EffectOutcome {
            if muted {
                try env.community.muteMember(by: env.member, handle: handle)
                return .answer(FollowChanged(threadID: threadID, text: "\(handle) muted: their posts fold and their mentions don't reach you."))
            }
            try env.community.unmuteMember(by: env.member, handle: handle)
            return .answer(FollowChanged(threadID: threadID, text: "\(handle) unmuted."))
        }
    }
}

struct HomeLoaded: Answer {
    var overview: HomeOverview
}

struct BoardLoaded: Answer {
    var slug: String
    var order: ThreadOrder
    var page: ThreadPage
    var placement: BoardPlacement
}

struct ThreadLoaded: Answer {
    var detail: ThreadDetail
    var placement: Placement
}

struct NextUnreadFound: Answer {
    var summary: ThreadSummary?

    func follow(_ state: inout AppState) -> [Command] {
        guard let summary else { return [.setStatus(.info("No unread threads left."))] }
        // From a thread, the next one takes its place.
        return (state.screen is ThreadScreen ? [.dismiss] : []) + ThreadScreen.open(summary)
    }
}

/// A thread to open (a roadmap's or a queue's suggestion, an inbox item, a search result), at a post position.
struct ThreadFound: Answer {
    var summary: ThreadSummary
    var position: Int?

    func follow(_ state: inout AppState) -> [Command] { ThreadScreen.open(summary, at: position) }
}

struct ComposeReady: Answer {
    var target: ComposeTarget
    var title: String
    var body: String
    var restored: Bool

    func follow(_ state: inout AppState) -> [Command] {
        [.push(ComposeScreen(target: target, title: title, body: body))] + (restored ? [.setStatus(.info("Your unsent draft is back."))] : [])
    }
}

struct Submitted: Answer {
    var target: ComposeTarget
    var threadID: Int64
    var position: Int
}

struct SubmitFailed: Answer {
    var why: String

    func follow(_ state: inout AppState) -> [Command] { [.setStatus(.error("Not posted: \(why). Your text is kept as a draft."))] }
}

/// A watch or mute changed for a thread, with what to tell the member.
struct FollowChanged: Answer {
    var threadID: Int64
    var text: String

    func follow(_ state: inout AppState) -> [Command] { [.setStatus(.info(text)), .checkNotifications] }
}

extension Command {
    static var loadHome: Command { .effect(ReadingEffects.LoadHome()) }
    static func loadBoard(slug: String, order: ThreadOrder, after: ThreadSummary?, limit: Int, placement: BoardPlacement) -> Command {
        .effect(ReadingEffects.LoadBoard(slug: slug, order: order, after: after, limit: limit, placement: placement))
    }
    static func loadThread(id: Int64, from: Int, limit: Int, placement: Placement) -> Command {
        .effect(ReadingEffects.LoadThread(id: id, from: from, limit: limit, placement: placement))
    }
    static func markRead(threadID: Int64, position: Int) -> Command { .effect(ReadingEffects.MarkRead(threadID: threadID, position: position)) }
    static func markBoardRead(slug: String) -> Command { .effect(ReadingEffects.MarkBoardRead(slug: slug)) }
    static func findNextUnread(after: ThreadSummary?) -> Command { .effect(ReadingEffects.FindNextUnread(after: after)) }
    static func openCompose(_ target: ComposeTarget, quoting: String?) -> Command {
        .effect(ReadingEffects.OpenCompose(target: target, quoting: quoting))
    }
    static func submit(_ target: ComposeTarget, title: String, body: String) -> Command {
        .effect(ReadingEffects.Submit(target: target, title: title, body: body))
    }
    /// Opens a thread known only by its id (a suggestion in a roadmap or queue).
    static func openThread(id: Int64) -> Command { .effect(ReadingEffects.OpenThread(id: id, position: nil)) }
    /// Opens a thread at a post position (nil: where the member stopped reading).
    static func openThreadAt(id: Int64, position: Int?) -> Command { .effect(ReadingEffects.OpenThread(id: id, position: position)) }
    static func follow(threadID: Int64, level: WatchLevel?) -> Command { .effect(ReadingEffects.Follow(threadID: threadID, level: level)) }
    static func muteMember(handle: String, muted: Bool, threadID: Int64) -> Command {
        .effect(ReadingEffects.MuteMember(handle: handle, muted: muted, threadID: threadID))
    }
}

extension Message {
    static func homeLoaded(_ overview: HomeOverview) -> Message { .answer(HomeLoaded(overview: overview)) }
    static func boardLoaded(slug: String, order: ThreadOrder, page: ThreadPage, placement: BoardPlacement) -> Message {
        .answer(BoardLoaded(slug: slug, order: order, page: page, placement: placement))
    }
}
