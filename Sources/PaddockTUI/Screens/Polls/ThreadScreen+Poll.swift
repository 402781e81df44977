import Foundation
import PaddockCore
import PaddockStore

/// A poll thread: its poll above the posts, and `v` to vote and see all results.
extension ThreadScreen {
    static func pollCommands(_ summary: ThreadSummary) -> [Command] {
        summary.kind == .poll ? [.loadPoll(id: summary.id)] : []
    }

    func pollKeys(_ context: ScreenContext) -> [KeyBinding<Self>] {
        guard summary.kind == .poll else { return [] }
        let what = poll.map { $0.isClosed ? "results" : ($0.voted ? "change vote, results" : "vote") } ?? "vote"
        return [KeyBinding("v", what, footer: true, keys: [.character("v")]) { thread, _, _ in
            PollVoteScreen.open(id: thread.summary.id, title: thread.summary.title, poll: thread.poll)
        }]
    }
}
