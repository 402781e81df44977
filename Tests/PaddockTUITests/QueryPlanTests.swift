import Foundation
import GRDB
import Testing
@testable import PaddockCore
@testable import PaddockStore
@testable import PaddockTUI

// The query-plan guard (issue 8, item 4).
//
// Every statement the screens and the CLI's list commands really run is
// captured with SQLite's statement trace while the app is driven headless
// through each screen (home, each board order with its keyset pages, a long
// thread's first, last and earlier pages, next unread, compose and its draft,
// notification counts, change checks) and while the CLI's list/page methods
// are called. Each distinct statement then goes through EXPLAIN QUERY PLAN and
// `QueryPlanRule` below decides whether it reads a whole table.
// `PLAN_DEBUG=1 swift test --skip-build --filter everyScreenQuery` prints every
// statement with its plan, and the screen the walk ended on.

/// What counts as reading a whole table, applied to each row of EXPLAIN QUERY PLAN:
///
/// - `SEARCH x USING …` — a lookup bounded by an index or the rowid: **passes**.
/// - `SCAN x USING [COVERING] INDEX i` — a walk of a whole index: **fails**,
///   except on the catalog tables that are listed whole by design and stay
///   small (`board`, `product`, `feature`: the home screen shows every board).
/// - `SCAN x` with no index, where `x` is a table (or an alias of one):
///   **fails** — the table is read from end to end. Same catalog exception.
/// - `SCAN x VIRTUAL TABLE INDEX n:M…` — a full-text (FTS5) MATCH: the
///   index finds the matching rows: **passes**. A virtual table scanned
///   without a MATCH (no `M` in its index string) **fails**.
/// - `SCAN x` where `x` is a subquery the plan built itself (`CO-ROUTINE x`,
///   `MATERIALIZE x`) or `SCAN CONSTANT ROW`: **passes** — it reads rows the
///   plan already bounded with a search and a LIMIT.
/// - `USE TEMP B-TREE FOR ORDER BY` (a sort instead of an index walk):
///   **fails**, unless the rows sorted come from a bounded list (`LIST
///   SUBQUERY`, a co-routine or materialized subquery, whose own LIMIT caps
///   the sort) — a keyset page must never sort a whole board.
/// - Anything else (`CORRELATED SCALAR SUBQUERY`, `LIST SUBQUERY`, `USE TEMP
///   B-TREE FOR DISTINCT` …) is structure, not a read: it passes, and the
///   reads under it are judged by the rules above.
enum QueryPlanRule {
    /// Tables that are lists shown whole by design, with a few rows each
    /// (the community's settings are a dozen keys, read together; the open
    /// demand counters are a row per product and per feature, which the
    /// dashboard lists whole).
    static let catalogTables: Set<String> = ["board", "product", "feature", "setting", "productDemand", "featureDemand"]

    struct Row: Equatable {
        let id: Int
        let parent: Int
        let detail: String
    }

    /// Statements whose sort is bounded by what they select, not by the size of
    /// the community, each with the reason; their other reads are still judged.
    static let boundedSorts: [(fragment: String, reason: String)] = [
        ("FROM supporter sp CROSS JOIN", "trending sorts the suggestions supported in the last 7 days, found through supporter_on_time"),
        ("FROM suggestionFeature sf JOIN feature f", "the features of one page of suggestions (an IN list of their ids)"),
        ("FROM memberMute mm JOIN member m", "one member's own mute list, found by the memberMute primary key (memberId, …)"),
        ("WHERE postSearch MATCH", "search ranks the posts that match its words, which the FTS5 index finds; the sort keeps one page"),
        ("FROM draft WHERE memberId", "one member's drafts of one form, found by the draft primary key: one per session that kept one"),
        ("FROM productRider r JOIN product p", "the products one member rides, found by the productRider primary key (memberId, …)"),
        ("FROM reputation r LEFT JOIN product p", "one member's points per product (a row per product they earned in), found by the reputation key (memberId, …)"),
        ("FROM pollAnswer a JOIN pollOption o", "one member's answers in one poll (at most 12), found by the pollAnswer primary key (threadId, memberId, …)"),
    ]

    /// The reasons a plan fails; empty when it passes.
    static func violations(_ plan: [Row], aliases: [String: String], sql: String = "") -> [String] {
        let derived = Set(plan.compactMap { row -> String? in
            for prefix in ["CO-ROUTINE ", "MATERIALIZE "] where row.detail.hasPrefix(prefix) {
                return String(row.detail.dropFirst(prefix.count)).components(separatedBy: " ").first
            }
            return nil
        })
        // A sort is bounded by a subquery's LIMIT, by a statement listed above, or
        // when it reads only the small catalog tables.
        let readsOnlyCatalog = plan.allSatisfy { row in
            guard row.detail.hasPrefix("SCAN ") || row.detail.hasPrefix("SEARCH ") else { return true }
            let name = row.detail.components(separatedBy: " ")[1]
            return catalogTables.contains(aliases[name] ?? name)
        }
        let bounded = !derived.isEmpty || plan.contains { $0.detail.hasPrefix("LIST SUBQUERY") } || readsOnlyCatalog
            || boundedSorts.contains { sql.contains($0.fragment) }
        var problems: [String] = []
        for row in plan {
            let words = row.detail.components(separatedBy: " ")
            if row.detail.hasPrefix("SCAN "), words.count >= 2 {
                let name = words[1]
                if name == "CONSTANT" || derived.contains(name) { continue }
                if words.count >= 5, words[2] == "VIRTUAL", words[3] == "TABLE", let index = words.last,
                   index.split(separator: ":").last?.contains("M") == true { continue }
                let table = aliases[name] ?? name
                if catalogTables.contains(table) { continue }
                problems.append(words.count == 2 ? "reads the whole table \(table): \(row.detail)"
                                                 : "walks a whole index of \(table): \(row.detail)")
            } else if row.detail.hasPrefix("USE TEMP B-TREE FOR ORDER BY"), !bounded {
                problems.append("sorts every matching row instead of walking an index: \(row.detail)")
            }
        }
        return problems
    }

    /// `FROM thread t`, `JOIN member a`: what each alias in a statement stands for.
    static func aliases(in sql: String, tables: Set<String>) -> [String: String] {
        var map: [String: String] = [:]
        let words = sql.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: ",", with: " ")
            .components(separatedBy: " ").filter { !$0.isEmpty }
        for (i, word) in words.enumerated() where tables.contains(word) && i + 1 < words.count {
            var next = words[i + 1]
            if next.uppercased() == "AS", i + 2 < words.count { next = words[i + 2] }
            let keyword = ["WHERE", "JOIN", "LEFT", "ON", "ORDER", "LIMIT", "GROUP", "SET", "VALUES", "(", ")"]
            if !keyword.contains(next.uppercased()), next.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
                map[next] = word
            }
        }
        return map
    }
}

/// Statements as SQLite ran them, arguments filled in.
final class StatementLog: @unchecked Sendable {
    private let lock = NSLock()
    private var statements: [String] = []
    private var recording = false

    func record(_ sql: String) {
        lock.withLock { if recording { statements.append(sql) } }
    }

    func start() { lock.withLock { recording = true } }

    func stop() -> [String] {
        lock.withLock {
            recording = false
            return statements
        }
    }
}

@Suite struct QueryPlanTests {
    /// A community with enough rows that every screen pages: 30 threads in a
    /// board (a board page is a screenful), one of 120 posts (a thread page is 40),
    /// unread threads, a draft and notifications for the reader.
    struct Traced {
        let log = StatementLog()
        let clock = ManualClock(Date(timeIntervalSince1970: 1_780_000_000))
        let database: AppDatabase
        let community: Community
        let reader: Actor
        let manager: Actor
        let longThread: Int64
        /// The reader's own thread, with 30 replies by giulia that mention the reader: an inbox of pages.
        let ownThread: Int64
        let giulia: Actor

        init() throws {
            let log = self.log
            var config = AppDatabase.configuration()
            config.prepareDatabase { db in
                db.trace(options: .statement) { event in
                    if case .statement(let statement) = event { log.record(statement.expandedSQL) }
                }
            }
            database = try AppDatabase(DatabaseQueue(configuration: config))
            let clock = self.clock
            community = Community(database: database, clock: { clock.now })
            let admin = try community.actor(handle: try community.bootstrapAdmin(handle: "ada").handle)
            // Set-up posts in bursts no new member may; the limits come back on for the walk below.
            try community.setSetting(by: admin, key: "new_member_days", value: "0")
            let manager = try community.actor(handle: try community.addMember(by: admin, handle: "elena", role: .manager).handle)
            reader = try community.actor(handle: try community.addMember(by: admin, handle: "marco").handle)
            let giulia = try community.actor(handle: try community.addMember(by: admin, handle: "giulia").handle)
            try community.addBoard(by: admin, slug: "announcements", title: "Announcements", threadKind: .announcement)
            try community.addBoard(by: admin, slug: "furia", title: "Furia 950")
            try community.addBoard(by: admin, slug: "garage", title: "Garage")
            try community.startThread(by: manager, board: "announcements", title: "Furia 950 MY2026", body: "News.")
            var long: Int64 = 0
            for i in 0..<30 {
                clock.advance(by: 60)
                let thread = try community.startThread(by: giulia, board: "furia", title: "Thread \(i)", body: "Body \(i)")
                for j in 0..<(i % 4) {
                    clock.advance(by: 1)
                    try community.reply(by: j % 2 == 0 ? admin : reader, thread: thread.id, body: "Reply \(j)")
                }
                if i == 20 { long = thread.id }
            }
            for j in 0..<120 {
                clock.advance(by: 1)
                try community.reply(by: j % 3 == 0 ? reader : giulia, thread: long, body: "Post \(j) così 日本 🏍")
            }
            try community.startThread(by: giulia, board: "garage", title: "Chain slack", body: "How much?")
            try community.saveDraft(by: reader, key: "reply:\(long)", title: "", body: "half written")
            // Co-creation: a product, its features, an ideas board with suggestions in several statuses.
            try community.addBoard(by: admin, slug: "ideas", title: "Ideas Lab", threadKind: .suggestion)
            try community.addProduct(by: manager, slug: "furia-950", name: "Furia 950")
            for feature in ["seat", "exhaust", "lights"] {
                try community.addFeature(by: manager, product: "furia-950", slug: feature, name: feature.capitalized)
            }
            for i in 0..<30 {
                clock.advance(by: 60)
                let idea = try community.suggest(by: i % 2 == 0 ? giulia : admin, product: "furia-950",
                                                 features: [["seat", "exhaust", "lights"][i % 3]],
                                                 title: "Idea \(i) for the seat and lights", body: "Because \(i)")
                if i % 3 == 0 { try community.support(by: reader, suggestion: idea.id) }
                if i % 5 == 0 { try community.changeStatus(by: manager, suggestion: idea.id, to: .underReview, response: "Looking at it") }
                if i % 7 == 0 { try community.changeStatus(by: manager, suggestion: idea.id, to: .planned, response: "Planned for 2027") }
            }
            // The reader's inbox: replies that mention them, and a thread they muted.
            let own = try community.startThread(by: reader, board: "garage", title: "Marco's question", body: "Help, @giulia?")
            for j in 0..<30 {
                clock.advance(by: 1)
                try community.reply(by: giulia, thread: own.id, body: "Answer \(j), @marco")
            }
            try community.muteThread(by: reader, thread: long)
            try community.muteMember(by: reader, handle: "ada")
            ownThread = own.id
            self.giulia = giulia
            self.manager = manager
            try community.setSetting(by: admin, key: "new_member_days", value: "3")
            longThread = long
        }
    }

    /// Every statement a session runs while visiting each screen.
    static func screenStatements(_ fixture: Traced) throws -> [String] {
        let clock = fixture.clock
        fixture.log.start()
        let app = PaddockApp(community: fixture.community, member: fixture.reader, width: 80, height: 24, clock: { clock.now })
        // Home → furia board, paging down in each order (keyset cursors), then back.
        app.press(.down, .enter)
        for _ in 0..<3 {
            app.press(.pageDown, .pageDown, .end, .home)
            app.press(.character("o"))
        }
        // The long thread: first page, last page (G), earlier pages while scrolling up.
        if let board = app.state.screen as? BoardScreen,
           let index = board.threads.firstIndex(where: { $0.id == fixture.longThread }) {
            app.press(.home)
            for _ in 0..<index { app.press(.down) }
        }
        app.press(.enter)
        app.press(.character("G"))
        for _ in 0..<6 { app.press(.pageUp) }
        app.press(.character("g"))
        // Compose a reply: the draft comes back, is saved on the way out, then sent.
        app.press(.character("r"))
        app.type(" and finished")
        for _ in 0..<30 { _ = app.handle(.tick) }
        app.press(.escape, .character("r"), .ctrl("s"))
        // Next unread from the thread and from the board; mark the board read.
        app.press(.character("n"))
        app.press(.escape, .character("n"), .escape)
        app.press(.character("M"))
        app.press(.escape, .down, .enter)
        for _ in 0..<10 { _ = app.handle(.tick) }
        if ProcessInfo.processInfo.environment["PLAN_DEBUG"] != nil { print(app.screen()) }
        try suggestionScreens(fixture)
        try inboxScreens(fixture)
        try searchScreen(fixture)
        return fixture.log.stop()
    }

    /// The co-creation screens: the ideas board, a suggestion with support given
    /// and withdrawn, the roadmap, the suggestion list in every order, filter and
    /// feature, and the managers' review queue.
    static func suggestionScreens(_ fixture: Traced) throws {
        let clock = fixture.clock
        let app = PaddockApp(community: fixture.community, member: fixture.reader, width: 80, height: 24, clock: { clock.now })
        app.press(.end, .enter)  // the ideas board, last on home
        app.press(.pageDown, .end, .home, .down, .enter)
        app.press(.character("s"), .character("s"), .escape, .escape)
        app.press(.character("R"), .tab, .character("l"))
        for _ in 0..<3 { app.press(.character("o"), .end) }
        for _ in 0..<3 { app.press(.character("f"), .character("F"), .end) }
        app.press(.escape, .escape)
        let manager = PaddockApp(community: fixture.community, member: fixture.manager, width: 80, height: 24, clock: { clock.now })
        manager.press(.character("Q"), .end, .enter)
        // The dashboard over each period, and a feature's suggestions from it.
        manager.press(.escape, .escape, .escape, .character("D"), .character("]"), .character("]"), .character("["), .enter)
        if ProcessInfo.processInfo.environment["PLAN_DEBUG"] != nil { print(app.screen(), manager.screen()) }
    }

    /// The inbox: its pages, opening an item at its post, marking one and all
    /// read; in a thread, watch, mute and muting the ▸ post's author; a reply and
    /// an edit from another session that mention the reader.
    static func inboxScreens(_ fixture: Traced) throws {
        let clock = fixture.clock
        let app = PaddockApp(community: fixture.community, member: fixture.reader, width: 80, height: 24, clock: { clock.now })
        app.press(.character("i"), .pageDown, .end, .end, .home, .down, .enter)
        app.press(.character("w"), .character("w"), .character("x"), .character("x"), .character("o"))
        app.press(.escape, .character("m"), .character("M"), .escape)
        clock.advance(by: 60)
        let post = try fixture.community.reply(by: fixture.giulia, thread: fixture.ownThread, body: "One more, @marco")
        try fixture.community.edit(by: fixture.giulia, post: post.id, body: "One more, @marco and @elena")
        for _ in 0..<10 { _ = app.handle(.tick) }
        app.press(.character("i"), .enter, .character("X"), .character("X"))
        if ProcessInfo.processInfo.environment["PLAN_DEBUG"] != nil { print(app.screen()) }
    }

    /// Search: `/`, a query whose results page (the long thread matches), a
    /// result opened at its post, then a query with every filter.
    static func searchScreen(_ fixture: Traced) throws {
        let clock = fixture.clock
        let app = PaddockApp(community: fixture.community, member: fixture.reader, width: 80, height: 24, clock: { clock.now })
        app.press(.character("/"))
        app.type("così\n")
        app.press(.end, .end, .enter)
        app.press(.escape, .character("/"), .ctrl("u"))
        app.type("seat board:ideas product:furia-950 feature:seat status:new kind:suggestion author:giulia "
                 + "is:unread is:supported before:2030-01-01 after:2020-01-01 -rain\n")
        app.press(.ctrl("u"))
        app.type("idea* board:furia author:marco\n")
        if ProcessInfo.processInfo.environment["PLAN_DEBUG"] != nil { print(app.screen()) }
    }

    /// What the CLI's list commands run: numbered pages, cursors, a thread's pages.
    static func cliStatements(_ fixture: Traced) throws -> [String] {
        let c = fixture.community
        fixture.log.start()
        let first = try c.threads(board: "furia", reader: fixture.reader, limit: 10)
        _ = try c.threads(board: "furia", reader: fixture.reader, after: first.next, limit: 10)
        let cursor = try c.cursor(board: "furia", page: 3, pageSize: 10)
        _ = try c.threads(board: "furia", after: cursor, limit: 10)
        _ = try c.thread(fixture.longThread, viewer: fixture.reader, from: 80, limit: 40)
        for order in ThreadOrder.allCases {
            let page = try c.threads(board: "furia", reader: fixture.reader, order: order, limit: 10)
            _ = try c.threads(board: "furia", reader: fixture.reader, order: order, after: page.threads.last, limit: 10)
        }
        _ = try c.home(for: fixture.reader)
        // `paddock member show`: a member's and a moderator's view (posts hidden counted by their index).
        _ = try c.memberProfile(of: "giulia", viewer: fixture.reader)
        _ = try c.memberProfile(of: "giulia", viewer: fixture.manager)
        let year = StatsPeriod.last(365, endingAt: fixture.clock.now)
        _ = try c.stats(by: fixture.manager, StatsQuery(period: year))
        _ = try c.stats(by: fixture.manager, StatsQuery(period: year, product: "furia-950"))
        _ = try c.stats(by: fixture.manager, StatsQuery(period: year, product: "furia-950", feature: "seat"))
        _ = try c.nextUnread(for: fixture.reader, after: nil)
        try c.markRead(by: fixture.reader, thread: fixture.longThread, upTo: 100)
        _ = try c.unreadNotificationCount(for: fixture.reader)
        let inbox = try c.inbox(for: fixture.reader, unreadOnly: true, limit: 10)
        _ = try c.inbox(for: fixture.reader, unreadOnly: true, before: inbox.last?.id, limit: 10)
        _ = try c.inbox(for: fixture.reader, before: inbox.last?.id, limit: 10)
        try c.markNotificationRead(by: fixture.reader, notification: inbox[0].id)
        try c.markAllNotificationsRead(by: fixture.reader)
        _ = try c.mutes(of: fixture.reader)
        try c.watch(by: fixture.reader, thread: fixture.ownThread)
        try c.unwatch(by: fixture.reader, thread: fixture.ownThread)
        try c.unmuteMember(by: fixture.reader, handle: "ada")
        _ = try c.draft(for: fixture.reader, key: "reply:1")
        _ = try c.boards()
        let found = try c.search("post cosi", viewer: fixture.reader, limit: 10)
        _ = try c.search("post cosi", viewer: fixture.reader, limit: 10, after: found.next)
        _ = try c.search("\"for the seat\" feature:seat status:planned", viewer: fixture.manager, limit: 10)
        return fixture.log.stop()
    }

    static func isQuery(_ sql: String) -> Bool {
        let head = sql.trimmingCharacters(in: .whitespacesAndNewlines).prefix(7).uppercased()
        guard ["SELECT", "INSERT", "UPDATE", "DELETE", "WITH"].contains(where: { head.hasPrefix($0) }) else { return false }
        return !sql.contains("sqlite_") && !sql.lowercased().contains("pragma")
    }

    static func check(_ statements: [String], in database: AppDatabase) throws -> (checked: Int, failures: [String]) {
        let queries = Array(Set(statements.filter(isQuery))).sorted()
        var failures: [String] = []
        try database.writer.read { db in
            let tables = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
            for sql in queries {
                let plan = try GRDB.Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map {
                    QueryPlanRule.Row(id: $0["id"], parent: $0["parent"], detail: $0["detail"])
                }
                let problems = QueryPlanRule.violations(plan, aliases: QueryPlanRule.aliases(in: sql, tables: tables), sql: sql)
                if !problems.isEmpty {
                    failures.append(problems.joined(separator: "; ") + "\n  in: " + sql
                                    + "\n  plan: " + plan.map(\.detail).joined(separator: " | "))
                }
            }
        }
        return (queries.count, failures)
    }

    static func dump(_ statements: [String], in database: AppDatabase) throws {
        try database.writer.read { db in
            for sql in Array(Set(statements.filter(isQuery))).sorted() {
                let plan = try GRDB.Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String }
                print(sql, "\n   =>", plan.joined(separator: " | "))
            }
        }
    }

    @Test func everyScreenQueryUsesAnIndex() throws {
        let fixture = try Traced()
        let statements = try Self.screenStatements(fixture)
        let (checked, failures) = try Self.check(statements, in: fixture.database)
        if ProcessInfo.processInfo.environment["PLAN_DEBUG"] != nil { try Self.dump(statements, in: fixture.database) }
        #expect(checked > 20, "the walk through the screens ran only \(checked) distinct statements")
        #expect(failures.isEmpty, "\(failures.count) statements read a whole table:\n\(failures.joined(separator: "\n"))")
    }

    @Test func theScreensWalkReachesEveryKindOfQuery() throws {
        let fixture = try Traced()
        let statements = try Self.screenStatements(fixture).filter(Self.isQuery)
        let expected: [(String, String)] = [
            ("home unread count", "SELECT t.boardId, COUNT(*) AS unread FROM ("),
            ("latest announcement", "t.kind = 'announcement'"),
            ("board page by activity", "ORDER BY t.pinned DESC, t.lastActivityAt DESC, t.id DESC LIMIT"),
            ("board page with a cursor", "AND (t.pinned, t.lastActivityAt, t.id) < ("),
            ("board page by replies", "ORDER BY t.replyCount DESC, t.id DESC LIMIT"),
            ("board page by replies with a cursor", "AND (t.replyCount, t.id) < ("),
            ("unread only", "COALESCE((SELECT lastReadPosition FROM readState"),
            ("thread page", "WHERE p.threadId = "),
            ("mark read", "INSERT INTO readState"),
            ("next unread", "DESC LIMIT 1"),
            ("notification count", "FROM notification WHERE memberId"),
            ("draft", "FROM draft WHERE memberId"),
            ("save draft", "INSERT INTO draft"),
            ("mark board read", "INSERT INTO boardRead"),
            ("a suggestion's header", "FROM suggestion"),
            ("support", "INSERT INTO supporter"),
            ("withdraw", "DELETE FROM supporter"),
            ("similar or listed suggestions by feature", "suggestionFeature"),
            ("inbox page", "FROM notification n"),
            ("inbox page with a cursor", "AND n.id < "),
            ("mark a notification read", "UPDATE notification SET readAt = "),
            ("a muted thread is never unread", "w.level = 'muted'"),
            ("watch or mute a thread", "INSERT INTO threadWatch"),
            ("mute a member", "INSERT OR IGNORE INTO memberMute"),
            ("a mention once per post", "kind = 'mention'"),
            ("who muted the replier", "FROM memberMute"),
            ("search", "WHERE postSearch MATCH"),
            ("search with a cursor", "AND (postSearch.rank > "),
            ("search by feature", "FROM suggestionFeature sf WHERE sf.threadId = t.id"),
            ("search unread", "FROM readState r WHERE r.memberId"),
            ("search supported", "FROM supporter sp WHERE sp.threadId"),
            ("search results' rows", "JOIN board b ON b.id = t.boardId JOIN member a ON a.id = p.authorId"),
        ]
        for (what, fragment) in expected {
            #expect(statements.contains { $0.contains(fragment) }, "the screens never ran the \(what) query")
        }
    }

    @Test func everyCLIListQueryUsesAnIndex() throws {
        let fixture = try Traced()
        let statements = try Self.cliStatements(fixture)
        #expect(statements.contains { $0.contains("LIMIT 1 OFFSET") }, "the numbered-page cursor was not run")
        let (_, failures) = try Self.check(statements, in: fixture.database)
        #expect(failures.isEmpty, "\(failures.count) statements read a whole table:\n\(failures.joined(separator: "\n"))")
    }

    /// Ratings (a feature's page, a product's features, rating and editing,
    /// the managers' falling ratings) and For you read by index, and the
    /// walk reached each of them.
    @Test func ratingAndForYouQueriesUseAnIndex() throws {
        let fixture = try Traced()
        let c = fixture.community
        try c.setRides(by: fixture.reader, product: "furia-950", rides: true)
        try c.rate(by: fixture.reader, product: "furia-950", feature: "exhaust", stars: 4, review: "Loud")
        fixture.log.start()
        try c.rate(by: fixture.reader, product: "furia-950", feature: "seat", stars: 3, review: "Firm")
        fixture.clock.advance(by: 86_400)
        try c.rate(by: fixture.reader, product: "furia-950", feature: "seat", stars: 2)
        _ = try c.featureRatings(product: "furia-950", feature: "seat", viewer: fixture.reader)
        _ = try c.productRatings(product: "furia-950")
        _ = try c.products(riddenBy: "marco")
        _ = try c.forYou(viewer: fixture.reader)
        _ = try c.forYou(viewer: fixture.giulia)
        let poll = try c.startPoll(by: fixture.manager, board: "furia", title: "Next Furia", intro: "i",
                                   question: .features(product: "furia-950", features: ["seat"]))
        try c.vote(by: fixture.reader, poll: poll.id, ballot: .opinions([1: FeatureAnswer(.like, comment: "firm")]))
        _ = try c.poll(poll.id, viewer: fixture.manager, comments: 3)
        _ = try c.forYou(viewer: fixture.reader)
        _ = try c.stats(by: fixture.manager, StatsQuery(period: .last(90, endingAt: fixture.clock.now), parts: [.ratings]))
        let clock = fixture.clock
        let app = PaddockApp(community: c, member: fixture.reader, width: 80, height: 24, clock: { clock.now })
        app.press(.character("y"), .enter, .escape, .escape, .character("S"), .character("F"), .character("*"), .character("5"), .enter)
        let statements = fixture.log.stop()
        for fragment in ["FROM featureRatingDay d INDEXED BY featureRatingDay_on_day", "INDEXED BY supporter_on_member_time",
                         "INDEXED BY featureRating_on_member", "INDEXED BY pollVote_on_member", "a.comment != '' ORDER BY a.commentedAt DESC", "INDEXED BY suggestionFeature_on_feature_count",
                         "FROM featureRatingTotal", "INSERT INTO featureRating"] {
            #expect(statements.contains { $0.contains(fragment) }, "never ran: \(fragment)")
        }
        let (checked, failures) = try Self.check(statements, in: fixture.database)
        #expect(checked > 10)
        #expect(failures.isEmpty, "\(failures.count) statements read a whole table:\n\(failures.joined(separator: "\n"))")
    }

    /// The Atom feeds (announcements, one board, the roadmap's status changes)
    /// read their newest entries by index, whatever the community's size.
    @Test func feedQueriesUseAnIndex() throws {
        let fixture = try Traced()
        let c = fixture.community
        fixture.log.start()
        for kind in [FeedKind.announcements, .board(slug: "furia"), .board(slug: "ideas"), .roadmap] {
            _ = try c.feed(kind, limit: 10)
        }
        let statements = fixture.log.stop()
        for fragment in ["INDEXED BY thread_on_kind_created", "FROM statusChange c", "SELECT MIN(id) FROM member"] {
            #expect(statements.contains { $0.contains(fragment) }, "never ran: \(fragment)")
        }
        let (checked, failures) = try Self.check(statements, in: fixture.database)
        #expect(checked >= 4)
        #expect(failures.isEmpty, "\(failures.count) statements read a whole table:\n\(failures.joined(separator: "\n"))")
    }

    @Test func mailInQueriesUseAnIndex() throws {
        let fixture = try Traced()
        let c = fixture.community
        try c.database.writer.write { db in
            try db.execute(sql: "INSERT INTO memberAddress (address, memberId) VALUES ('marco@example.com', ?)", arguments: [fixture.reader.id])
            try db.execute(sql: "INSERT INTO mailPreference (memberId, createdAt, updatedAt) VALUES (?, 0, 0)", arguments: [fixture.reader.id])
            try db.execute(sql: """
                INSERT INTO mailOut (memberId, kind, messageId, address, subject, state, createdAt)
                VALUES (?, 'reply', 'm@x', 'marco@example.com', 's', 'sent', 0)
                """, arguments: [fixture.reader.id])
        }
        let token = try c.replyToken(member: fixture.reader.id, thread: fixture.ownThread)
        let unsubscribe = try c.replyToken(member: fixture.reader.id, thread: nil)
        fixture.log.start()
        let reply = "From: marco@example.com\nTo: reply+\(token)@x\nMessage-ID: <r@x>\n\nThanks\n"
        _ = try c.receiveMail(IncomingMail.parse(Array(reply.utf8)))
        _ = try c.receiveMail(IncomingMail.parse(Array(reply.utf8)))
        _ = try c.receiveMail(IncomingMail.parse(Array("From: m@x\nTo: unsubscribe+\(unsubscribe)@x\n\n".utf8)))
        let report = """
            From: MAILER-DAEMON@x
            To: bounce+1@x
            Content-Type: multipart/report; report-type=delivery-status; boundary=b

            --b
            Content-Type: message/delivery-status

            Final-Recipient: rfc822; marco@example.com
            Status: 5.1.1
            --b
            Content-Type: text/rfc822-headers

            Message-ID: <m@x>
            --b--
            """
        _ = try c.receiveMail(IncomingMail.parse(Array(report.utf8)))
        let statements = fixture.log.stop()
        for fragment in ["FROM memberAddress", "FROM mailMessage", "UPDATE mailPreference SET stoppedAt", "UPDATE mailOut SET bouncedAt"] {
            #expect(statements.contains { $0.contains(fragment) }, "never ran: \(fragment)")
        }
        let (checked, failures) = try Self.check(statements, in: fixture.database)
        #expect(checked >= 4)
        #expect(failures.isEmpty, "\(failures.count) statements read a whole table:\n\(failures.joined(separator: "\n"))")
    }

    /// mail-out reads each member's due mail by index: members by id, their
    /// notifications past their cursor, their unread inbox, their engagement,
    /// and the week's support once per run, whatever the community's size.
    @Test func mailOutQueriesUseAnIndex() throws {
        let fixture = try Traced()
        let c = fixture.community
        let admin = try c.actor(handle: "ada")
        try c.setSetting(by: admin, key: "mail_host", value: "mail.example.org")
        try c.setEmail(by: fixture.reader, member: fixture.reader.handle, address: "reader@example.org")
        try c.setEmail(by: fixture.giulia, member: fixture.giulia.handle, address: "giulia@example.org")
        try c.setMailChoices(by: fixture.giulia, member: fixture.giulia.handle, digest: .daily)
        _ = try c.reply(by: fixture.manager, thread: fixture.ownThread, body: "@\(fixture.reader.handle) and @giulia, news")
        fixture.clock.advance(by: 7 * 86_400)
        fixture.log.start()
        let report = try c.sendDueMail(limit: 100) { _ in .failed("try again") }
        fixture.clock.advance(by: 61)
        _ = try c.sendDueMail(limit: 100) { _ in .sent }
        let statements = fixture.log.stop()
        #expect(report.queued >= 3, "notices and digests were due: \(report)")
        for fragment in ["INDEXED BY notification_on_member_unread", "INDEXED BY supporter_on_time", "INDEXED BY mailOut_on_retry",
                         "FROM mailPreference p", "INDEXED BY notification_on_member"] {
            #expect(statements.contains { $0.contains(fragment) }, "never ran: \(fragment)")
        }
        let (checked, failures) = try Self.check(statements, in: fixture.database)
        #expect(checked > 8)
        #expect(failures.isEmpty, "\(failures.count) statements read a whole table:\n\(failures.joined(separator: "\n"))")
    }

    // The rule itself, on plans as SQLite 3.40 prints them.

    @Test func ruleFailsWholeTableScans() {
        let aliases = ["t": "thread"]
        #expect(!QueryPlanRule.violations([.init(id: 2, parent: 0, detail: "SCAN t")], aliases: aliases).isEmpty)
        #expect(!QueryPlanRule.violations([.init(id: 2, parent: 0, detail: "SCAN post")], aliases: [:]).isEmpty)
        #expect(!QueryPlanRule.violations([.init(id: 2, parent: 0, detail: "SCAN t USING INDEX thread_on_kind_activity")],
                                          aliases: aliases).isEmpty)
        #expect(!QueryPlanRule.violations([.init(id: 2, parent: 0, detail: "SEARCH t USING INDEX thread_on_board_activity (boardId=?)"),
                                           .init(id: 9, parent: 0, detail: "USE TEMP B-TREE FOR ORDER BY")], aliases: aliases).isEmpty)
    }

    @Test func ruleJudgesFullTextScansByTheirMatch() {
        #expect(QueryPlanRule.violations([.init(id: 2, parent: 0, detail: "SCAN postSearch VIRTUAL TABLE INDEX 0:M2")], aliases: [:]).isEmpty)
        #expect(!QueryPlanRule.violations([.init(id: 2, parent: 0, detail: "SCAN postSearch VIRTUAL TABLE INDEX 0:")], aliases: [:]).isEmpty)
    }

    @Test func rulePassesSearchesAndBoundedSubqueries() {
        #expect(QueryPlanRule.violations([.init(id: 2, parent: 0, detail: "SEARCH t USING INDEX thread_on_board_activity (boardId=? AND hidden=?)"),
                                          .init(id: 5, parent: 0, detail: "SEARCH a USING INTEGER PRIMARY KEY (rowid=?)")],
                                         aliases: ["t": "thread", "a": "member"]).isEmpty)
        #expect(QueryPlanRule.violations([.init(id: 2, parent: 0, detail: "CO-ROUTINE recent"),
                                          .init(id: 5, parent: 2, detail: "SEARCH t USING INDEX thread_on_board_activity (boardId=? AND hidden=?)"),
                                          .init(id: 20, parent: 0, detail: "SCAN recent")], aliases: ["t": "thread"]).isEmpty)
        #expect(QueryPlanRule.violations([.init(id: 2, parent: 0, detail: "SCAN board USING INDEX board_on_position")], aliases: [:]).isEmpty)
    }
}
