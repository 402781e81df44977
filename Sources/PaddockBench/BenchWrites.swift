import Foundation
import PaddockCore
import PaddockStore

extension BenchRunner {
    /// What members do that writes: reply, support and withdraw, flag, and the
    /// suggestion lists. Writes go to a copy of the community (SQLite's backup),
    /// never to the file being measured; each is a whole command's transaction,
    /// commit and fsync included.
    package func writes(scratch: String) throws -> [Measurement] {
        let copy = scratch + "/writes.sqlite"
        let source = try AppDatabase.open(path: path)
        try source.backup(to: copy, replace: true)
        try source.close()
        let community = Community(database: try AppDatabase.open(path: copy))
        let member = try community.actor(handle: handle)
        var measurements: [Measurement] = []

        let boards = try community.boards()
        guard let board = boards.filter({ $0.threadKind == .discussion }).max(by: { $0.threadCount < $1.threadCount }),
              let thread = try community.threads(board: board.slug, reader: member, limit: 1).threads.first else { return [] }
        var n = 0
        measurements.append(Measurement("reply", "a reply to the most recent thread of '\(board.slug)'", try repeated {
            n += 1
            _ = try community.reply(by: member, thread: thread.id, body: "Benchmark reply \(n): still going strong.")
        }))

        // Posts by others, newest first, each flagged once.
        let longest = try community.threads(board: board.slug, reader: member, order: .mostReplies, limit: 1).threads[0]
        let others = try community.thread(longest.id, viewer: member, from: 0, limit: Self.warmUp + repetitions + 200).posts
            .filter { $0.authorHandle != member.handle && $0.state == .visible }
        if others.count >= Self.warmUp + repetitions {
            var next = 0
            measurements.append(Measurement("flag", "a flag on a post of #\(longest.id) (a new review item)", try repeated {
                _ = try community.flag(by: member, post: others[next].id, reason: .spam)
                next += 1
            }))
        }

        let open = try community.products().compactMap { product in
            try community.suggestions(product: product.slug, order: .top, limit: 50).suggestions
                .first { $0.status == .new && $0.authorHandle != member.handle }.map { (product, $0) }
        }.first
        if let (product, open) = open {
            _ = try? community.withdrawSupport(by: member, suggestion: open.id)  // start from not supporting
            var support: [Double] = [], withdraw: [Double] = []
            for i in 0..<(Self.warmUp + repetitions) {
                let s = try Self.milliseconds { _ = try community.support(by: member, suggestion: open.id) }
                let w = try Self.milliseconds { _ = try community.withdrawSupport(by: member, suggestion: open.id) }
                if i >= Self.warmUp { support.append(s); withdraw.append(w) }
            }
            measurements.append(Measurement("support", "support #\(open.id) (\(open.supporterCount) supporters)", support))
            measurements.append(Measurement("withdraw", "withdraw that support", withdraw))
            measurements.append(Measurement("suggestionsTop", "'\(product.slug)' suggestions, most supported, a page",
                                            try repeated { _ = try community.suggestions(product: product.slug, order: .top, limit: 20) }))
        }
        measurements += try mailOutMeasurements(community: community)
        return measurements
    }
}
