import Foundation
import PaddockCore
import PaddockStore

/// A poll thread: its poll above the posts, `v` to vote and see all results,
/// and `C` for managers to close it early.
extension ThreadScreen {
    static func pollCommands(_ summary: ThreadSummary) -> [Command] {
        summary.kind == .poll ? [.loadPoll(id: summary.id)] : []
    }

    /// A poll's thread, like its vote screen, loads the poll again at its closing time.
    public var wakesAt: Date? {
        guard let poll, poll.closedAt == nil, let closesAt = poll.closesAt, closesAt != pollClosingLookedAt else { return nil }
        return closesAt
    }

    public mutating func awoke(_ context: ScreenContext) -> [Command] {
        pollClosingLookedAt = poll?.closesAt
        return Self.pollCommands(summary)
    }

    func pollKeys(_ context: ScreenContext) -> [KeyBinding<Self>] {
        guard summary.kind == .poll else { return [] }
        return [KeyBinding("v", PollHeader.vKey(poll), footer: true, keys: [.character("v")]) { thread, _, _ in
            PollVoteScreen.open(id: thread.summary.id, title: thread.summary.title, poll: thread.poll)
        }, PollVoteScreen.closeKey(poll, id: summary.id, context)]
    }
}
