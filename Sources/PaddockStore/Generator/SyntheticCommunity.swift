import Foundation
import GRDB
import PaddockCore

/// How big a synthetic community to build.
public struct SyntheticPlan: Sendable, Equatable {
    public var members: Int
    public var threads: Int
    public var posts: Int
    /// Suggestion threads on an ideas board, beyond `threads` and `posts` (one
    /// opening post each), tagged to features of two products, with supporters.
    public var suggestions: Int
    public var seed: UInt64
    /// The newest post is a little before this; history goes back three years.
    public var endingAt: Date
    /// The first admin: the person who will open the community (and whom `paddock bench` reads as).
    public var operatorHandle: String

    public init(members: Int, threads: Int, posts: Int, suggestions: Int = 0, seed: UInt64 = 1, endingAt: Date = Date(),
                operatorHandle: String) {
        self.members = members
        self.threads = threads
        self.posts = posts
        self.suggestions = suggestions
        self.seed = seed
        self.endingAt = endingAt
        self.operatorHandle = operatorHandle
    }

    /// The longest thread: at least 20,000 posts once the community has 100,000.
    var longestThread: Int {
        let replies = posts - threads
        guard replies > 0 else { return 1 }
        return 1 + (posts >= 100_000 ? min(replies, max(20_000, posts / 40)) : replies / 5)
    }

    /// The most the generator builds: ten times the largest community measured
    /// (BENCHMARKS.md); beyond, memory and time grow past any use.
    public static let maxPosts = 10_000_000
    public static let maxMembers = 1_000_000
    public static let maxSuggestions = 1_000_000

    /// A refusal naming the count and its range, before anything is written.
    public func validate() throws {
        guard (1...Self.maxPosts).contains(posts) else { throw CommunityError.invalid("--posts must be between 1 and \(Self.maxPosts)") }
        guard (2...Self.maxMembers).contains(members) else { throw CommunityError.invalid("--members must be between 2 and \(Self.maxMembers)") }
        guard threads >= 1 else { throw CommunityError.invalid("--threads must be at least 1") }
        guard (0...Self.maxSuggestions).contains(suggestions) else {
            throw CommunityError.invalid("--suggestions must be between 0 and \(Self.maxSuggestions)")
        }
        guard posts >= threads else {
            throw CommunityError.invalid("--posts (\(posts)) must be at least --threads (\(threads)): every thread has an opening post")
        }
        guard (try? Validate.handle(operatorHandle)) != nil else {
            throw CommunityError.invalid("'\(operatorHandle)' is not a valid handle for the admin; pass --admin HANDLE")
        }
    }
}

/// What was built.
public struct SyntheticReport: Codable, Sendable, Equatable {
    public let members: Int
    public let boards: Int
    public let threads: Int
    public let posts: Int
    public let suggestions: Int
    public let longestThreadID: Int64
    public let longestThreadPosts: Int
    public let seconds: Double
}

/// A realistic synthetic community written through the bulk path: one
/// transaction, prepared statements, foreign-key checks and row triggers off
/// while inserting, full-text indexes rebuilt once at the end, counters written
/// once from what was inserted. Board sizes, member activity and thread lengths
/// have long tails (Zipf and Pareto); one thread is very long (≥ 20,000 posts
/// from 100,000 posts up); text mixes accents, CJK and emoji.
public enum SyntheticCommunity {
    /// Builds the community into an empty file. When the method returns, the
    /// database holds `plan.members` members (the operator an admin, a few
    /// managers and moderators), the boards, `plan.threads` threads and exactly
    /// `plan.posts` posts, with every counter consistent (`invariantViolations`
    /// is empty).
    @discardableResult
    public static func generate(into database: AppDatabase, plan: SyntheticPlan,
                                progress: @escaping (String) -> Void = { _ in }) throws -> SyntheticReport {
        try plan.validate()
        let started = Date()
        let writer = database.writer
        let report: SyntheticReport = try writer.writeWithoutTransaction { db in
            guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM member") == 0 else {
                throw CommunityError.invalid("the community already has members; generate writes into a new file (pass another --db)")
            }
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(sql: "PRAGMA synchronous = OFF")
            try db.execute(sql: "PRAGMA cache_size = -262144")
            defer {
                try? db.execute(sql: "PRAGMA foreign_keys = ON")
                try? db.execute(sql: "PRAGMA synchronous = FULL")
                try? db.execute(sql: "PRAGMA cache_size = -2000")
            }
            var result: SyntheticReport!
            try db.inTransaction(.immediate) {
                let triggers = try suspendTriggers(db)
                var builder = Builder(db: db, plan: plan, progress: progress)
                result = try builder.run(started: started)
                for sql in triggers { try db.execute(sql: sql) }
                progress("counting activity per day")
                try Schema.rebuildActivityCounts(db)
                try rebuildFullTextIndexes(db, progress: progress)
                return .commit
            }
            return result
        }
        try writer.writeWithoutTransaction { db in
            if try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal" {
                progress("checkpoint")
                _ = try db.checkpoint(.truncate)
            }
        }
        return SyntheticReport(members: report.members, boards: report.boards, threads: report.threads, posts: report.posts,
                               suggestions: report.suggestions, longestThreadID: report.longestThreadID, longestThreadPosts: report.longestThreadPosts,
                               seconds: Date().timeIntervalSince(started))
    }

    /// Row triggers on the tables the generator fills (full-text sync, mostly)
    /// and the activity counters' (rebuilt once at the end): dropped for the
    /// bulk insert, their SQL returned to create them again.
    static func suspendTriggers(_ db: Database) throws -> [String] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT name, sql FROM sqlite_master WHERE type = 'trigger'
              AND (tbl_name IN ('member','board','thread','post','readState','threadWatch','notification')
                   OR name LIKE 'tally\\_%' ESCAPE '\\')
            """)
        for row in rows { try db.execute(sql: "DROP TRIGGER \(quoted(row["name"]))") }
        return rows.map { $0["sql"] }
    }

    /// Every external-content FTS5 table re-reads its content table once.
    static func rebuildFullTextIndexes(_ db: Database, progress: (String) -> Void) throws {
        let tables = try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%'
            """)
        for table in tables {
            progress("rebuilding the full-text index \(table)")
            try db.execute(sql: "INSERT INTO \(quoted(table))(\(quoted(table))) VALUES('rebuild')")
        }
    }

    static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    // MARK: - Invariants

    /// Counters that must agree with the rows they count; empty when all do.
    /// Each check walks an index, so this reads the whole file once: for tests
    /// and `paddock generate --check`, not for screens.
    public static func invariantViolations(in database: AppDatabase) throws -> [String] {
        try database.writer.read { db in
            var problems: [String] = []
            func check(_ what: String, _ sql: String) throws {
                let ids = try Int64.fetchAll(db, sql: sql + " LIMIT 5")
                if !ids.isEmpty { problems.append("\(what): \(ids.map(String.init).joined(separator: ", "))") }
            }
            try check("threads whose replyCount is not their posts − 1", """
                SELECT t.id FROM thread t WHERE t.replyCount <> (SELECT COUNT(*) FROM post p WHERE p.threadId = t.id) - 1
                """)
            try check("threads whose positions are not 0…replyCount", """
                SELECT t.id FROM thread t WHERE t.replyCount <> (SELECT MAX(position) FROM post p WHERE p.threadId = t.id)
                   OR (SELECT MIN(position) FROM post p WHERE p.threadId = t.id) <> 0
                """)
            try check("threads whose lastActivityAt is not their last post's time", """
                SELECT t.id FROM thread t WHERE t.lastActivityAt <>
                  (SELECT createdAt FROM post p WHERE p.threadId = t.id ORDER BY position DESC LIMIT 1)
                """)
            try check("boards whose threadCount is wrong", """
                SELECT b.id FROM board b WHERE b.threadCount <> (SELECT COUNT(*) FROM thread t WHERE t.boardId = b.id)
                """)
            try check("boards whose postCount is wrong", """
                SELECT b.id FROM board b WHERE b.postCount <> (SELECT COALESCE(SUM(replyCount + 1), 0) FROM thread t WHERE t.boardId = b.id)
                """)
            try check("members whose postCount is wrong", """
                SELECT m.id FROM member m WHERE m.postCount <> (SELECT COUNT(*) FROM post p WHERE p.authorId = m.id)
                """)
            try check("suggestions whose supporterCount is not their supporters", """
                SELECT s.threadId FROM suggestion s WHERE s.supporterCount <> (SELECT COUNT(*) FROM supporter p WHERE p.threadId = s.threadId)
                """)
            try check("feature tags whose copies of status or supporterCount are stale", """
                SELECT f.threadId FROM suggestionFeature f JOIN suggestion s ON s.threadId = f.threadId
                WHERE f.status <> s.status OR f.supporterCount <> s.supporterCount
                """)
            // The dashboard's counters, rebuilt after the bulk insert: as `paddock check` compares them.
            problems += try String.fetchAll(db, sql: Integrity.countersSQL).prefix(5)
            let orphans = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
            if !orphans.isEmpty { problems.append("\(orphans.count) rows point at rows that do not exist (PRAGMA foreign_key_check)") }
            return problems
        }
    }
}

/// One run of the generator, inside the caller's transaction.
private struct Builder {
    let db: Database
    let plan: SyntheticPlan
    let progress: (String) -> Void
    var random: SyntheticRandom

    init(db: Database, plan: SyntheticPlan, progress: @escaping (String) -> Void) {
        self.db = db
        self.plan = plan
        self.progress = progress
        random = SyntheticRandom(seed: plan.seed)
    }

    static let day: Int64 = 86_400_000
    static let managers = 3
    static let moderators = 4

    mutating func run(started: Date) throws -> SyntheticReport {
        let end = Int64((plan.endingAt.timeIntervalSince1970 * 1000).rounded()) - 60_000
        let start = end - 3 * 365 * Self.day
        let memberCount = plan.members
        let boards = SyntheticText.boards

        // Members: the operator, managers, moderators, then riders. Low ids post most.
        progress("members")
        let insertMember = try db.makeStatement(sql: """
            INSERT INTO member (id, handle, displayName, role, createdAt, standing, bio, postCount) VALUES (?, ?, ?, ?, ?, 'active', '', 0)
            """)
        for id in 1...memberCount {
            let role: String, handle: String, name: String
            if id == 1 {
                (role, handle, name) = ("admin", plan.operatorHandle, plan.operatorHandle)
            } else {
                let base = SyntheticText.names[(id - 2) % SyntheticText.names.count]
                role = id <= 1 + Self.managers ? "manager" : id <= 1 + Self.managers + Self.moderators ? "moderator" : "member"
                handle = base.handle + String(id)
                name = base.name
            }
            let joined = start - Int64(random.int(365)) * Self.day
            try insertMember.execute(arguments: [id, handle, name, role, SQLDate.string(milliseconds: joined)])
        }

        progress("boards")
        let insertBoard = try db.makeStatement(sql: """
            INSERT INTO board (id, slug, title, description, position, threadKind, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for (i, board) in boards.enumerated() {
            try insertBoard.execute(arguments: [i + 1, board.slug, board.title, board.description, i,
                                                i == 0 ? "announcement" : "discussion", SQLDate.string(milliseconds: start - Self.day)])
        }

        // Thread lengths: the longest first, then Pareto weights for the rest.
        let threadCount = plan.threads
        let longest = min(plan.longestThread, plan.posts - threadCount + 1)
        var lengths = [Int](repeating: 1, count: threadCount)
        var remaining = plan.posts - threadCount - (longest - 1)
        let longIndex = threadCount / 10  // an early thread, still active today
        lengths[longIndex] = longest
        if remaining > 0, threadCount > 1 {
            var weights = [Double](repeating: 0, count: threadCount)
            var sum = 0.0
            let cap = Double(max(1, longest / 2))
            for i in 0..<threadCount where i != longIndex {
                let w = min(cap, pow(1 - random.unit(), -1 / 1.2) - 0.7)
                weights[i] = w
                sum += w
            }
            var assigned = 0
            for i in 0..<threadCount where i != longIndex {
                // No other thread outgrows the longest.
                let extra = min(longest - 2, Int(Double(remaining) * weights[i] / sum))
                lengths[i] += extra
                assigned += extra
            }
            remaining -= assigned
            // What the others cannot hold without outgrowing it goes to the longest thread.
            let room = (0..<threadCount).reduce(0) { $0 + ($1 == longIndex ? 0 : longest - 1 - lengths[$1]) }
            if remaining > room {
                lengths[longIndex] += remaining - room
                remaining = room
            }
            while remaining > 0 {
                let i = random.int(threadCount)
                if i != longIndex, lengths[i] < longest - 1 { lengths[i] += 1; remaining -= 1 }
            }
        } else if remaining > 0 {
            lengths[longIndex] += remaining
        }

        // Threads start over the three years, in id order; boards by Zipf, the blog small.
        var starts = (0..<threadCount).map { _ in start + Int64(random.unit() * Double(end - start - Self.day)) }
        starts.sort()
        starts[longIndex] = min(starts[longIndex], start + 30 * Self.day)
        let boardSampler = ZipfSampler(count: boards.count - 1, exponent: 0.9)
        let authorSampler = ZipfSampler(count: memberCount - 1, exponent: 1.0)

        let insertThread = try db.makeStatement(sql: """
            INSERT INTO thread (id, boardId, kind, title, authorId, createdAt, lastActivityAt, replyCount, lastPosterId, pinned, locked)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let insertPost = try db.makeStatement(sql: """
            INSERT INTO post (id, threadId, position, authorId, body, createdAt, state, replyToId) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let insertWatch = try db.makeStatement(sql: "INSERT INTO threadWatch (memberId, threadId, level) VALUES (?, ?, 'watching')")
        let insertRead = try db.makeStatement(sql: "INSERT INTO readState (memberId, threadId, lastReadPosition, readAt) VALUES (?, ?, ?, ?)")

        var memberPosts = [Int](repeating: 0, count: memberCount + 1)
        var boardThreads = [Int](repeating: 0, count: boards.count + 1)
        var boardPosts = [Int](repeating: 0, count: boards.count + 1)
        var boardLast = [Int64](repeating: 0, count: boards.count + 1)
        var pinnedIn = Set<Int>()
        var postID: Int64 = 0
        var times: [Int64] = []
        var authors: [Int] = []
        let step = max(1, plan.posts / 10)
        var nextReport = step

        for index in 0..<threadCount {
            let threadID = Int64(index + 1)
            let n = lengths[index]
            let isLong = index == longIndex
            let boardID: Int
            if isLong { boardID = 2 }
            else if random.unit() < 0.01 { boardID = 1 }
            else { boardID = 2 + boardSampler.sample(&random) }
            let announcement = boardID == 1
            let opener = announcement ? 2 + random.int(Self.managers) : 2 + authorSampler.sample(&random)

            // Post times: most threads quiet down fast; long ones run to today.
            let begin = starts[index]
            let life = isLong ? end - begin : Int64(Double(end - begin) * pow(random.unit(), 3))
            times.removeAll(keepingCapacity: true)
            authors.removeAll(keepingCapacity: true)
            for k in 0..<n {
                let t = n == 1 ? begin : begin + max(Int64(k) * 1000, Int64(Double(life) * Double(k) / Double(n - 1)))
                times.append(min(t, end))
                authors.append(k == 0 ? opener : 2 + authorSampler.sample(&random))
            }
            if n > 1, random.unit() < 0.002 { authors[n - 1] = 1 }
            let last = times[n - 1]
            let pinned = !pinnedIn.contains(boardID) && random.unit() < 0.02
            if pinned { pinnedIn.insert(boardID) }
            let kind = announcement ? "announcement" : "discussion"
            try insertThread.execute(arguments: [threadID, boardID, kind, isLong ? "The big Furia 950 owners' thread 🏍 (all years)" : SyntheticText.title(&random),
                                                 opener, SQLDate.string(milliseconds: begin), SQLDate.string(milliseconds: last),
                                                 n - 1, authors[n - 1], pinned, random.unit() < 0.003])
            let firstPost = postID + 1
            for k in 0..<n {
                postID += 1
                let state = random.unit() < 0.004 ? (random.unit() < 0.7 ? "hidden" : "removed") : "visible"
                let replyTo: Int64? = k > 1 && random.unit() < 0.08 ? firstPost + Int64(random.int(k)) : nil
                try insertPost.execute(arguments: [postID, threadID, k, authors[k], SyntheticText.body(&random, position: k),
                                                   SQLDate.string(milliseconds: times[k]), state, replyTo])
                memberPosts[authors[k]] += 1
            }
            try insertWatch.execute(arguments: [opener, threadID])
            let openerLast = authors.lastIndex(of: opener) ?? 0
            try insertRead.execute(arguments: [opener, threadID, openerLast, SQLDate.string(milliseconds: times[openerLast])])
            // The operator has read most threads, some partly, a few not at all.
            if opener != 1 {
                let u = random.unit()
                let position = isLong ? n / 2 : u < 0.6 ? n - 1 : u < 0.75 ? random.int(n) : -1
                if position >= 0 {
                    try insertRead.execute(arguments: [1, threadID, position, SQLDate.string(milliseconds: times[position])])
                }
            }
            boardThreads[boardID] += 1
            boardPosts[boardID] += n
            boardLast[boardID] = max(boardLast[boardID], last)
            if postID >= nextReport {
                progress("\(postID) posts")
                nextReport += step
            }
        }

        progress("counters")
        let updateMember = try db.makeStatement(sql: "UPDATE member SET postCount = ? WHERE id = ?")
        for id in 1...memberCount where memberPosts[id] > 0 {
            try updateMember.execute(arguments: [memberPosts[id], id])
        }
        let updateBoard = try db.makeStatement(sql: "UPDATE board SET threadCount = ?, postCount = ?, lastActivityAt = ? WHERE id = ?")
        for id in 1...boards.count where boardThreads[id] > 0 {
            try updateBoard.execute(arguments: [boardThreads[id], boardPosts[id], SQLDate.string(milliseconds: boardLast[id]), id])
        }

        // A few notifications for the operator, a third unread.
        let insertNotification = try db.makeStatement(sql: """
            INSERT INTO notification (memberId, kind, threadId, actorId, text, createdAt, readAt) VALUES (1, 'watched', ?, ?, ?, ?, ?)
            """)
        for i in 0..<min(300, threadCount) {
            let thread = 1 + random.int(threadCount)
            let at = end - Int64(300 - i) * 3_600_000
            try insertNotification.execute(arguments: [thread, 2 + random.int(memberCount - 1), "a reply in a thread you watch",
                                                       SQLDate.string(milliseconds: at),
                                                       i % 3 == 0 ? nil : SQLDate.string(milliseconds: at + 60_000)])
        }

        if plan.suggestions > 0 {
            try addSuggestions(firstThread: Int64(threadCount + 1), firstPost: postID + 1, board: boards.count + 1,
                               start: start, end: end, authors: authorSampler)
        }

        return SyntheticReport(members: memberCount, boards: boards.count + (plan.suggestions > 0 ? 1 : 0),
                               threads: threadCount + plan.suggestions, posts: Int(postID) + plan.suggestions,
                               suggestions: plan.suggestions, longestThreadID: Int64(longIndex + 1), longestThreadPosts: lengths[longIndex],
                               seconds: Date().timeIntervalSince(started))
    }

    /// Two products with six features each, an ideas board, and the suggestions:
    /// supporters with a long tail (most have a handful, a few hundreds), statuses
    /// as a living community has them, each support row by a distinct member.
    mutating func addSuggestions(firstThread: Int64, firstPost: Int64, board: Int, start: Int64, end: Int64,
                                 authors: ZipfSampler) throws {
        progress("suggestions")
        let made = SQLDate.string(milliseconds: start - Self.day)
        try db.execute(sql: """
            INSERT INTO board (id, slug, title, description, position, threadKind, createdAt)
            VALUES (?, 'ideas', 'Ideas Lab', 'Suggest changes to the bikes; support the ones you want', ?, 'suggestion', ?)
            """, arguments: [board, board - 1, made])
        let products = [("furia-950", "Furia 950"), ("vento-1200", "Vento 1200")]
        let features = ["seat", "suspension", "electronics", "luggage", "lights", "exhaust"]
        for (p, product) in products.enumerated() {
            try db.execute(sql: "INSERT INTO product (id, slug, name, createdAt) VALUES (?, ?, ?, ?)",
                           arguments: [p + 1, product.0, product.1, made])
            for (f, feature) in features.enumerated() {
                try db.execute(sql: "INSERT INTO feature (id, productId, slug, name, createdAt) VALUES (?, ?, ?, ?, ?)",
                               arguments: [p * features.count + f + 1, p + 1, feature, feature.prefix(1).uppercased() + feature.dropFirst(), made])
            }
        }
        let insertThread = try db.makeStatement(sql: """
            INSERT INTO thread (id, boardId, kind, title, authorId, createdAt, lastActivityAt, replyCount, lastPosterId)
            VALUES (?, ?, 'suggestion', ?, ?, ?, ?, 0, ?)
            """)
        let insertPost = try db.makeStatement(sql: """
            INSERT INTO post (id, threadId, position, authorId, body, createdAt, state) VALUES (?, ?, 0, ?, ?, ?, 'visible')
            """)
        let insertSuggestion = try db.makeStatement(sql: """
            INSERT INTO suggestion (threadId, productId, status, supporterCount, milestone, milestoneDeadline, statusChangedAt)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        let insertTag = try db.makeStatement(sql: """
            INSERT INTO suggestionFeature (threadId, featureId, status, supporterCount) VALUES (?, ?, ?, ?)
            """)
        let insertSupporter = try db.makeStatement(sql: "INSERT INTO supporter (threadId, memberId, createdAt) VALUES (?, ?, ?)")
        let members = plan.members
        let milestones = MilestonePlan.standard.milestones
        let statuses: [(String, Double)] = [("new", 0.75), ("expired", 0.85), ("under_review", 0.9), ("planned", 0.94),
                                            ("in_progress", 0.96), ("shipped", 0.98), ("declined", 1.0)]
        var last: Int64 = 0
        var posts = [Int](repeating: 0, count: members + 1)
        for i in 0..<plan.suggestions {
            let thread = firstThread + Int64(i)
            let author = 2 + authors.sample(&random)
            let u = random.unit()
            let status = statuses.first { u < $0.1 }!.0
            var supporters = min(members, Int(pow(1 - random.unit(), -1 / 1.1)))
            // Open suggestions are racing their milestones (standard plan): recent,
            // and short of the last one; the rest were decided or expired any time.
            var milestone = 0
            var created = start + Int64(random.unit() * Double(end - start - Self.day))
            if status == "new" {
                supporters = min(supporters, milestones.last!.supporters - 1)
                milestone = milestones.firstIndex { supporters < $0.supporters } ?? 0
                let window = milestones[...milestone].reduce(0) { $0 + $1.days } - 1
                created = end - Int64(random.int(max(1, window))) * Self.day - Int64(random.int(86_400_000))
            }
            last = max(last, created)
            let at = SQLDate.string(milliseconds: created)
            let deadline = milestones[...milestone].reduce(created) { $0 + Int64($1.days) * Self.day }
            let product = 1 + random.int(products.count)
            try insertThread.execute(arguments: [thread, board, SyntheticText.title(&random), author, at, at, author])
            try insertPost.execute(arguments: [firstPost + Int64(i), thread, author, SyntheticText.body(&random, position: 0), at])
            posts[author] += 1
            try insertSuggestion.execute(arguments: [thread, product, status, supporters, milestone,
                                                     status == "new" ? SQLDate.string(milliseconds: deadline) : nil, at])
            var tags = Set<Int>()
            for _ in 0..<(1 + random.int(3)) { tags.insert((product - 1) * features.count + 1 + random.int(features.count)) }
            for feature in tags.sorted() { try insertTag.execute(arguments: [thread, feature, status, supporters]) }
            // The author, then distinct members stepping through the ids by a stride prime to their count.
            let stride = [7919, 104_729, 1_299_709].first { members % $0 != 0 } ?? 1
            var member = author
            for k in 0..<supporters {
                try insertSupporter.execute(arguments: [thread, member, SQLDate.string(milliseconds: min(end, created + Int64(k) * 60_000))])
                member = (member - 1 + stride) % members + 1
            }
        }
        let updateMember = try db.makeStatement(sql: "UPDATE member SET postCount = postCount + ? WHERE id = ?")
        for id in 1...members where posts[id] > 0 { try updateMember.execute(arguments: [posts[id], id]) }
        try db.execute(sql: "UPDATE board SET threadCount = ?, postCount = ?, lastActivityAt = ? WHERE id = ?",
                       arguments: [plan.suggestions, plan.suggestions, SQLDate.string(milliseconds: last), board])
    }
}
