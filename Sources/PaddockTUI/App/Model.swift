import Foundation
import PaddockCore
import PaddockStore

/// Everything the app shows, as plain values: `update` changes it, `view` draws it.
public struct AppState: Equatable {
    public var member: Actor
    public var width: Int
    public var height: Int
    /// The clock as of the last event; relative times ("3h") are drawn from it.
    public var now: Date
    /// Screens the member has opened; the last is on top. Never empty.
    public var stack: [Screen]
    public var status: Status?
    public var showingHelp = false
    /// The first key the help overlay shows, when it scrolls (a short window).
    public var helpScroll = 0
    /// A yes/no question that takes the next key (discarding a draft).
    public var confirmation: Confirmation?
    public var unreadNotifications = 0
    /// Open items in the flag queue; shown in the header to moderators and up only.
    public var flagQueueCount = 0
    /// The member's last step in the flag queue this session, which `u` there takes back.
    public var lastQueueStep: ModerationRequest?
    /// Ticks since the last look for other sessions' changes.
    var ticksSinceCheck = 0
    /// Text typed into the open form and not yet saved as a draft.
    var unsavedDraft: UnsavedDraft?

    public init(member: Actor, width: Int, height: Int, now: Date) {
        self.member = member
        self.width = width
        self.height = height
        self.now = now
        stack = [.home(HomeScreen())]
    }

    /// The community's boards as home last loaded them (home is always at the bottom).
    var boards: [BoardSummary] {
        guard case .home(let home) = stack[0] else { return [] }
        return home.overview?.boards.map(\.board) ?? []
    }

    public var screen: Screen {
        get { stack[stack.count - 1] }
        set { stack[stack.count - 1] = newValue }
    }
}

public enum Screen: Equatable {
    case home(HomeScreen)
    case board(BoardScreen)
    case thread(ThreadScreen)
    case compose(ComposeScreen)
    case roadmap(RoadmapScreen)
    case reviewQueue(ReviewQueueScreen)
    case statusDialog(StatusDialog)
    case mergeDialog(MergeDialog)
    case suggestionForm(SuggestionForm)
    case suggestionList(SuggestionListScreen)
    case flagDialog(FlagDialog)
    case moderationQueue(ModerationQueueScreen)
    case moderationLog(ModerationLogScreen)
    case moderationMenu(ModerationMenu)
    case conduct(ConductScreen)
    case inbox(InboxScreen)
    case search(SearchScreen)
}

public struct Status: Equatable {
    public var text: String
    public var isError: Bool

    public static func info(_ text: String) -> Status { Status(text: text, isError: false) }
    public static func error(_ text: String) -> Status { Status(text: text, isError: true) }
}

public struct Confirmation: Equatable {
    public var question: String
    public var onYes: [Command]
    /// What the status says when any other key answers.
    public var onNo = "Kept."
}

/// What compose is writing: a reply in a thread, or a new thread in a board.
public enum ComposeTarget: Equatable, Sendable {
    case reply(threadID: Int64, threadTitle: String, replyTo: Int64?)
    case newThread(boardSlug: String, boardTitle: String)

    /// Drafts are kept per target, so each compose finds its own.
    public var draftKey: String {
        switch self {
        case .reply(let id, _, let replyTo): replyTo.map { "reply:\(id):\($0)" } ?? "reply:\(id)"
        case .newThread(let slug, _): "thread:\(slug)"
        }
    }
}

/// What screens and `update` ask for. Navigation is applied by `update`;
/// the rest are effects the runtime performs, answering with a `Message`.
public indirect enum Command: Equatable {
    case push(Screen)
    case pop
    case quit
    case setStatus(Status)
    case confirm(Confirmation)
    case loadHome
    case loadBoard(slug: String, order: ThreadOrder, after: ThreadSummary?, limit: Int, placement: BoardPlacement)
    case loadThread(id: Int64, from: Int, limit: Int, placement: Placement)
    case markRead(threadID: Int64, position: Int)
    case markBoardRead(slug: String)
    case findNextUnread(after: ThreadSummary?)
    case openCompose(ComposeTarget, quoting: String?)
    case saveDraft(key: String, title: String, body: String)
    case deleteDraft(key: String)
    /// The kept draft of a form just opened, to offer it back.
    case loadDraft(key: String)
    case submit(ComposeTarget, title: String, body: String)
    case openEditor(text: String)
    case checkForChanges
    case checkNotifications
    /// A suggestion's status, supporters and official responses, for its thread's header.
    case loadSuggestion(id: Int64)
    /// Supports (true) or withdraws support from (false) a suggestion.
    case setSupport(id: Int64, supporting: Bool)
    /// Status and supporters for the rows of a suggestion board's page.
    case loadSuggestionRows(slug: String, ids: [Int64])
    /// A product's roadmap (nil: the first product).
    case loadRoadmap(product: String?)
    /// Opens a thread known only by its id (a suggestion in a roadmap or queue).
    case openThread(id: Int64)
    case loadReviewQueue(after: SuggestionCursor?, limit: Int)
    /// A manager's status change with its official response.
    case changeStatus(id: Int64, to: SuggestionStatus, response: String)
    /// A manager closes a suggestion as a duplicate of another, with an official response.
    case merge(duplicate: Int64, into: Int64, response: String)
    /// Products and their features still taking suggestions, for the suggestion form.
    case loadCatalog
    /// Up to 5 open suggestions like the title being typed.
    case findSimilar(text: String, product: String?)
    case submitSuggestion(board: String, product: String, features: [String], title: String, body: String)
    /// A page of a product's (or a feature's) suggestions; a nil product is the first.
    case loadSuggestions(SuggestionQuery, after: SuggestionCursor?, limit: Int)
    /// The page of a suggestion list just before `before` (its first row), or its last page when nil (`G`).
    case loadSuggestionsBackwards(SuggestionQuery, before: SuggestionCursor?, limit: Int)
    /// A flag, a review decision or a moderator's action on a post or thread.
    case moderate(ModerationRequest)
    case loadFlagQueue
    /// The flag queue's size, for a moderator's header (members: nothing).
    case countFlagQueue
    case loadConduct(handle: String)
    /// A page of the moderation log older than `before` (nil: the newest); `public` is the members' view.
    case loadModerationLog(public: Bool, before: Int64?, limit: Int)
    /// The page of the log just newer than entry `after` (0: the oldest page, for `G`).
    case loadModerationLogNewer(public: Bool, after: Int64, limit: Int)
    /// A page of the member's notifications older than `before` (nil: the newest).
    case loadInbox(before: Int64?, limit: Int)
    /// The page of notifications just newer than `after` (0: the oldest page, for `G`).
    case loadInboxNewer(after: Int64, limit: Int)
    case markNotificationRead(id: Int64)
    case markAllNotificationsRead
    /// Opens a thread at a post position (nil: where the member stopped reading).
    case openThreadAt(id: Int64, position: Int?)
    /// Watches (`.watching`), mutes (`.muted`) or stops following (nil) a thread.
    case follow(threadID: Int64, level: WatchLevel?)
    /// Mutes or unmutes a member, from a thread whose posts then fold or unfold.
    case muteMember(handle: String, muted: Bool, threadID: Int64)
    /// A page of search results for the viewer, after `after` (nil: the first page).
    case search(query: String, after: SearchCursor?, limit: Int)
}

/// Where a loaded page of a board's threads goes in the list.
public enum BoardPlacement: Equatable, Sendable {
    case replace
    /// Read from the top with this thread selected (one the member just started).
    case select(Int64)
    case append
    /// Read again from this row on (others posted): rows above it stay as they were.
    case refresh(from: Int)
    /// The board's last page (`G`), read backwards; `after` is nil.
    case last
    /// The page just before the first row loaded (`after` names that row), read backwards.
    case prepend
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

/// What happened: a key, a tick, or the answer to an effect.
public enum Message: Equatable {
    case event(TerminalEvent)
    case homeLoaded(HomeOverview)
    case boardLoaded(slug: String, order: ThreadOrder, page: ThreadPage, placement: BoardPlacement)
    case threadLoaded(ThreadDetail, Placement)
    case nextUnreadFound(ThreadSummary?)
    case composeReady(ComposeTarget, title: String, body: String, restored: Bool)
    case submitted(ComposeTarget, threadID: Int64, position: Int)
    case submitFailed(String)
    case failed(String)
    case changedElsewhere
    case notificationsCounted(Int)
    case suggestionLoaded(SuggestionDetail)
    /// Support given or withdrawn: the suggestion as it now stands.
    case supportChanged(SuggestionDetail, supporting: Bool)
    case suggestionRowsLoaded(slug: String, [SuggestionSummary])
    case roadmapLoaded(products: [ProductSummary], Roadmap?)
    case threadFound(ThreadSummary)
    case reviewQueueLoaded(SuggestionPage, after: SuggestionCursor?)
    case statusChanged(SuggestionDetail)
    /// A draft kept for a form that just opened.
    case draftLoaded(DraftText)
    /// A suggestion merged into another: the duplicate as it now stands, and the result.
    case merged(SuggestionDetail, MergeResult)
    case catalogLoaded([ProductSummary], [String: [FeatureSummary]])
    case similarFound(text: String, product: String?, [SuggestionSummary])
    case suggestionPosted(SuggestionSummary, board: String)
    /// A page of a suggestion list, with the products and the shown product's features; the query has its product filled in.
    case suggestionsLoaded(products: [ProductSummary], features: [FeatureSummary], SuggestionQuery, SuggestionPage, after: SuggestionCursor?)
    /// A page read backwards: its `next` is its first row when rows come before it.
    case suggestionsLoadedBackwards(SuggestionQuery, SuggestionPage, before: SuggestionCursor?)
    /// A moderation request done, with what to tell the member.
    case moderated(ModerationRequest, String)
    case flagQueueLoaded([ReviewQueueItem])
    case flagQueueCounted(Int)
    case conductLoaded(MemberRecordOfConduct)
    case moderationLogLoaded([ModerationLogEntry], before: Int64?, limit: Int)
    case moderationLogNewerLoaded([ModerationLogEntry], after: Int64, limit: Int)
    case inboxLoaded([InboxItem], before: Int64?, limit: Int)
    case inboxNewerLoaded([InboxItem], after: Int64, limit: Int)
    /// A thread to open at a post position (an inbox item, a search result).
    case threadFoundAt(ThreadSummary, position: Int?)
    /// Notifications were marked read: the header's count is read again.
    case notificationsMarked
    /// A watch or mute changed for a thread, with what to tell the member.
    case followChanged(threadID: Int64, String)
    case searchLoaded(query: String, SearchPage, after: SearchCursor?)
}
