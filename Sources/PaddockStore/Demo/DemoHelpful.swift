import Foundation
import PaddockCore

/// Helpful marks over the demo's year, written through the service like the
/// rest: in every fourth thread with a few replies, its author marks the first
/// reply by someone else helpful, some hours after it was posted. Credits and
/// the rest of the cast's reputation need nothing here: the demo's supports and
/// status changes earn them through the same store code as members' do.
struct DemoHelpful {
    let community: Community
    let clock: ManualClock

    func run() throws {
        let resume = clock.now
        defer { clock.set(resume) }
        var candidates = 0
        for board in try community.boards() where board.threadKind != .announcement {
            for thread in try community.threads(board: board.slug, limit: 1000).threads where thread.replyCount >= 2 {
                candidates += 1
                guard candidates % 4 == 0 else { continue }
                let posts = try community.thread(thread.id, limit: 6).posts
                guard let reply = posts.dropFirst().first(where: { $0.authorHandle != thread.authorHandle && $0.state == .visible }) else { continue }
                clock.set(min(resume, reply.createdAt + 3 * 3600))
                try community.markHelpful(by: try community.actor(handle: thread.authorHandle), post: reply.id)
            }
        }
    }
}
