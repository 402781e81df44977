import Foundation
import PaddockCore
import PaddockStore
import Testing

/// The demo community, read back only through the public queries a screen uses.
@Suite struct DemoCommunityTests {
    static let endingAt = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01 00:00 UTC

    struct Snapshot: Sendable {
        let community: Community
        let boards: [BoardSummary]
        let threads: [ThreadSummary]
        let posts: [PostView]
    }

    /// One build shared by the tests that only read it.
    static let shared = Result { try build() }

    static func build(operator handle: String = "owner") throws -> Snapshot {
        let database = try AppDatabase.inMemory()
        try DemoCommunity.build(database: database, operator: handle, endingAt: endingAt)
        let community = Community(database: database)
        let boards = try community.boards()
        var threads: [ThreadSummary] = []
        var posts: [PostView] = []
        for board in boards {
            let page = try community.threads(board: board.slug, limit: 1000)
            #expect(page.next == nil)
            for thread in page.threads {
                threads.append(thread)
                let detail = try community.thread(thread.id, limit: 1000)
                #expect(detail.posts.count == detail.postCount)
                posts += detail.posts
            }
        }
        return Snapshot(community: community, boards: boards, threads: threads, posts: posts)
    }

    @Test func boardsInOrderWithTheBlogFirst() throws {
        let demo = try Self.shared.get()
        #expect(demo.boards.map(\.slug) == ["announcements", "furia-950", "strada-1200", "vento-660",
                                            "ideas-lab", "garage", "rides", "bar"])
        #expect(demo.boards[0].threadKind == .announcement)
        #expect(demo.boards.first { $0.slug == "ideas-lab" }?.threadKind == .suggestion)
        #expect(demo.boards.dropFirst().filter { $0.slug != "ideas-lab" }.allSatisfy { $0.threadKind == .discussion })
        #expect(demo.boards.allSatisfy { !$0.description.isEmpty && $0.threadCount > 0 })
    }

    @Test func membersCoverEveryRole() throws {
        let demo = try Self.shared.get()
        let members = try demo.community.members()
        #expect(members.count >= 40)
        for role in Role.allCases {
            #expect(members.contains { $0.role == role }, "no \(role)")
        }
        #expect(members.filter { $0.role == .admin }.count >= 2)
        #expect(members.filter { $0.role == .manager }.count >= 3)
        #expect(members.filter { $0.role == .moderator }.count >= 4)
        #expect(members.first { $0.handle == "owner" }?.role == .admin)
        #expect(members.contains { $0.handle == "sato.ken" && $0.displayName == "佐藤 健" })
        #expect(members.contains { $0.displayName == "Niccolò Fabbri" })
    }

    @Test func operatorWithADemoHandleStillGetsEveryone() throws {
        let demo = try Self.build(operator: "elena.ardente")
        let members = try demo.community.members()
        #expect(members.first { $0.handle == "elena.ardente" }?.role == .admin)
        #expect(members.first { $0.handle == "elena.ardente_" }?.role == .manager)
    }

    @Test func enoughThreadsAndPostsWithALongTail() throws {
        let demo = try Self.shared.get()
        #expect(demo.threads.count >= 66)
        #expect(demo.posts.count >= 420)
        let lengths = demo.threads.map { $0.replyCount + 1 }
        #expect(lengths.filter { (2...8).contains($0) }.count > demo.threads.count / 2)
        #expect(lengths.filter { $0 >= 20 }.count >= 3)
        #expect(lengths.max()! <= 45)
    }

    @Test func catalogHasThreeProductsWithFeatures() throws {
        let demo = try Self.shared.get()
        let products = try demo.community.products()
        #expect(Set(products.map(\.slug)) == ["furia-950", "strada-1200", "vento-660"])
        for product in products {
            #expect(!product.description.isEmpty)
            let features = try demo.community.features(product: product.slug)
            #expect(features.count >= 5, "\(product.slug)")
            #expect(features.allSatisfy { !$0.description.isEmpty })
        }
    }

    @Test func announcementsAreWrittenByStaff() throws {
        let demo = try Self.shared.get()
        let blog = demo.threads.filter { $0.boardId == demo.boards[0].id }
        #expect(blog.count >= 6)
        #expect(blog.allSatisfy { $0.kind == .announcement && $0.authorRole >= .manager })
    }

    @Test func historySpansTheYearAndEndsRecently() throws {
        let demo = try Self.shared.get()
        let dates = demo.posts.map(\.createdAt)
        let first = dates.min()!, last = dates.max()!
        #expect(last.timeIntervalSince(first) > 300 * 86_400)
        #expect(first >= Self.endingAt - 365 * 86_400)
        #expect(last < Self.endingAt)
        #expect(Self.endingAt.timeIntervalSince(last) < 12 * 3600)
        // Within a thread, posts come in time order.
        for threadID in Set(demo.posts.map(\.threadId)) {
            let times = demo.posts.filter { $0.threadId == threadID }.sorted { $0.position < $1.position }.map(\.createdAt)
            #expect(times == times.sorted())
        }
    }

    @Test func textIsVaried() throws {
        let demo = try Self.shared.get()
        let bodies = demo.posts.map(\.body)
        #expect(bodies.contains { $0.contains("così") || $0.contains("perché") || $0.contains("città") || $0.contains("caffè") })
        #expect(bodies.contains { $0.unicodeScalars.contains { (0x3040...0x30FF).contains($0.value) || (0x4E00...0x9FFF).contains($0.value) } })
        #expect(bodies.contains { $0.unicodeScalars.contains { $0.properties.isEmojiPresentation } })
        // Replies that quote: linked to the quoted post, starting with "> ".
        let quoting = demo.posts.filter { $0.replyToId != nil }
        #expect(!quoting.isEmpty)
        #expect(quoting.allSatisfy { $0.body.hasPrefix("> ") })
        #expect(quoting.allSatisfy { post in demo.posts.contains { $0.id == post.replyToId && $0.threadId == post.threadId } })
        // Edited posts keep what they said before.
        let edited = demo.posts.filter { $0.revisionCount > 0 }
        #expect(edited.count >= 2)
        for post in edited {
            let revisions = try demo.community.revisions(of: post.id)
            #expect(revisions.count == post.revisionCount)
            #expect(revisions.allSatisfy { $0.body != post.body })
        }
        // No reply appears twice in the whole community.
        #expect(Set(bodies).count == bodies.count)
    }

    @Test func sameContentInTheSameOrderEveryTime() throws {
        let a = try Self.shared.get(), b = try Self.build()
        #expect(a.threads.map(\.title) == b.threads.map(\.title))
        #expect(a.posts.map(\.body) == b.posts.map(\.body))
        #expect(a.posts.map(\.authorHandle) == b.posts.map(\.authorHandle))
        #expect(a.posts.map(\.createdAt) == b.posts.map(\.createdAt))
    }

    @Test func theIdeasLabIsSuggestionsInEveryStatus() throws {
        let demo = try Self.shared.get()
        // Read at the demo's own "now", so that nothing expires on reading.
        let community = Community(database: demo.community.database, clock: { Self.endingAt - 3600 })
        var all: [SuggestionSummary] = []
        for product in try community.products() {
            all += try community.suggestions(product: product.slug, order: .new, filter: .all, limit: 500).suggestions
        }
        #expect(all.count >= 60)
        let byStatus = Dictionary(grouping: all, by: \.status)
        for status in SuggestionStatus.allCases {
            #expect(byStatus[status, default: []].count >= (status == .expired ? 1 : 3), "\(status)")
        }
        #expect(byStatus[.expired]?.count == 1)
        #expect(all.filter { $0.supporterCount >= 20 }.count >= 10)
        // Every manual change carries an official response from staff.
        for s in all where ![.new, .expired].contains(s.status) && !(s.status == .underReview && s.statusNote == nil) {
            #expect(s.statusNote?.isEmpty == false, "#\(s.id) \(s.title)")
        }
        for s in byStatus[.duplicate, default: []] {
            let detail = try community.suggestion(s.id)
            #expect(detail.duplicateRoot != nil && detail.duplicateRoot?.status != .duplicate)
            #expect(detail.responses.last?.toStatus == .duplicate)
        }
        let queue = try community.reviewQueue(by: try community.actor(handle: "elena.ardente"))
        #expect(!queue.suggestions.isEmpty)
        #expect(try community.roadmap(product: "furia-950").shipped.count >= 1)
    }
}
