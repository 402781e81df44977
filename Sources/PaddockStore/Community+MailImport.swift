import Foundation
import GRDB
import PaddockCore

/// What an import did (or, for a dry run, would do).
public struct MailImportReport: Equatable, Sendable {
    /// Messages found in the sources.
    public var read = 0
    /// Messages written as posts (a dry run: that would be).
    public var imported = 0
    /// Messages whose Message-ID the community already holds.
    public var alreadyPresent = 0
    /// Messages not imported, by reason.
    public var skipped: [String: Int] = [:]
    /// The first skipped messages, each with its place and reason (at most `maxProblems`).
    public var problems: [String] = []
    public var threadsCreated = 0
    /// Imported messages that joined threads imported before.
    public var joinedExisting = 0
    public var membersCreated = 0
    /// Bodies over the post limit, cut with a note.
    public var truncated = 0
    /// Messages with text in a charset iconv did not know, read as Latin-1.
    public var unknownCharset = 0
    /// Messages dated after the import's start, dated then instead.
    public var futureDates = 0
    /// Sources in which no message was found (not an mbox, an empty maildir), as "PATH: no messages found (…)".
    public var empty: [String] = []
    public var dryRun = false

    public static let maxProblems = 100
    public var skippedTotal: Int { skipped.values.reduce(0, +) }

    mutating func skip(_ problem: MailProblem, at place: String) {
        skipped[problem.description, default: 0] += 1
        if problems.count < Self.maxProblems { problems.append("\(place): \(problem.description)") }
    }
}

/// How far an import has come, for a progress bar.
public struct MailImportProgress: Sendable {
    public enum Phase: String, Sendable { case reading, writing }
    public var phase: Phase
    /// Messages read (reading) or written (writing).
    public var done: Int
    /// Messages to write (writing); nil while reading.
    public var total: Int?
    public var bytesRead: Int64
    public var totalBytes: Int64
}

extension Community {
    /// Imports mailing-list archives into a discussion board (admins only).
    ///
    /// Two passes. The first reads every message's headers and threads them
    /// (`MailThreader`), keeping only ids, links, dates and places. The second
    /// reads each new message again, whole, and writes the threads in
    /// transactions of about `batchSize` messages: whole threads each, with
    /// their members, posts, Message-IDs and every counter, so a crash leaves a
    /// community that is consistent and an import that can simply be run again.
    ///
    /// Suggestion boards are refused (a suggestion needs a product and features
    /// mail does not name), and so is the announcement board (the company's
    /// blog, written by managers; mail authors are members).
    ///
    /// When the method returns, every message of the sources is a post, was
    /// present already, or is counted in `skipped` with its reason; with `dryRun`
    /// nothing was written.
    public func importMail(by actor: Actor, sources: [MailSource], board slug: String, dryRun: Bool = false, batchSize: Int = 1000,
                           progress: (MailImportProgress) -> Void = { _ in }) throws -> MailImportReport {
        let archive = try MailArchive(sources: sources)
        let board = try writer.read { db in
            try Rules.importMail(by: try Self.fresh(db, actor))
            let board = try Self.board(db, slug: slug)
            guard board.threadKind == .discussion else {
                throw CommunityError.invalid("the board '\(board.slug)' takes \(board.threadKind == .suggestion ? "suggestions" : "announcements"); import mail into a discussion board")
            }
            return board
        }
        var report = MailImportReport()
        report.dryRun = dryRun
        let totalBytes = archive.totalBytes()

        // A date in the future (a wrong clock) becomes the import's now: a post
        // in 2126 would keep its board's last activity there for a century.
        let nowMilliseconds = UTCTime.milliseconds(now)

        // Pass 1: envelopes and threading.
        var threader = MailThreader()
        var places: [MailArchive.Place] = []
        var dates: [Int64] = []
        var ids: [String] = []
        // Messages of a Paddock export (`post-N.thread-M@paddock.invalid`): their post and body, by index.
        var exported: [Int: (post: Int64, thread: Int64, body: String)] = [:]
        var lastReport = 0
        let empty = try archive.forEach { place, bytes, fallback, bytesRead in
            report.read += 1
            do {
                let envelope = try MailParser.envelope(bytes, fallbackDate: fallback)
                guard threader.add(messageID: envelope.messageID, references: envelope.references, subject: envelope.subject) != nil else {
                    report.skip(.duplicateMessageID, at: archive.describe(place))
                    return
                }
                if let (post, thread) = MailPost.exportedPost(envelope.messageID),
                   let message = try? MailParser.message(bytes, fallbackDate: fallback) {
                    exported[ids.count] = (post, thread, MailPost.body(message.body.post).0)
                }
                places.append(place)
                var date = UTCTime.milliseconds(envelope.date)
                if date > nowMilliseconds {
                    date = nowMilliseconds
                    report.futureDates += 1
                }
                dates.append(date)
                ids.append(envelope.messageID)
            } catch let problem as MailProblem {
                report.skip(problem, at: archive.describe(place))
            }
            if report.read - lastReport >= 500 {
                lastReport = report.read
                progress(MailImportProgress(phase: .reading, done: report.read, total: nil, bytesRead: bytesRead, totalBytes: totalBytes))
            }
        }

        report.empty = empty.map { source in
            switch source {
            case .mbox(let path): "\(path): no messages found (not an mbox?)"
            case .maildir(let path): "\(path): no messages found (an empty maildir)"
            }
        }
        // Nothing at all to import is a mistake (a wrong file, a compressed one): say so, write nothing.
        if report.read == 0 { throw CommunityError.invalid(report.empty.joined(separator: "; ")) }

        // What the community already holds: the archive's own messages (found
        // a chunk at a time, never as one big table), and the ids it only refers to.
        var present = [Bool](repeating: false, count: ids.count)
        var storedByMessage: [Int: StoredMail] = [:]
        try storedMessages(ids) { index, stored in
            present[index] = true
            // Only a message that can anchor new replies needs keeping: one in this board.
            if stored.board == board.id { storedByMessage[index] = stored }
        }
        // A board's own export, imported again: a post it names that is still there, with the same text, is present.
        let exportedHere: [ExportedPost] = exported.filter { !present[$0.key] }.map { ($0.key, $0.value.post, $0.value.thread, $0.value.body) }
        try exportedPosts(exportedHere) { index, found in
            present[index] = true
            if found.board == board.id { storedByMessage[index] = found }
        }
        var stored: [String: StoredMail] = [:]
        let missing = threader.missingIDs
        try storedMessages(missing) { index, found in stored[missing[index]] = found }
        // Ids a Paddock export gave, referred to but not in the archive: the posts they name.
        try exportedPosts(missing.indices.compactMap { i -> ExportedPost? in
            guard stored[missing[i]] == nil, let (post, thread) = MailPost.exportedPost(missing[i]) else { return nil }
            return (i, post, thread, nil)
        }) { index, found in stored[missing[index]] = found }
        let trees = threader.finish(external: Set(stored.keys))
        report.alreadyPresent = present.filter { $0 }.count
        let toWrite = ids.count - report.alreadyPresent
        ids = []

        // Pass 2: whole messages, a batch of threads at a time.
        var batch: [PlannedThread] = []
        var batchMessages = 0
        var written = 0
        var members = MemberCache()
        func place(_ index: Int) -> String { archive.describe(places[index]) }
        func flush() throws {
            guard !batch.isEmpty else { return }
            let parsed = batch.map { plan in plan.messages.map { i -> MailMessage? in
                guard let bytes = archive.read(places[i]) else { return nil }
                return try? MailParser.message(bytes, fallbackDate: Date(timeIntervalSince1970: TimeInterval(dates[i]) / 1000))
            } }
            if dryRun {
                try writer.read { db in
                    for (plan, messages) in zip(batch, parsed) {
                        try Self.tally(plan: plan, messages: messages, board: board.id!, into: &report, members: &members, place: place, db: db)
                    }
                }
            } else {
                do {
                    try writer.write { db in
                        for (plan, messages) in zip(batch, parsed) {
                            try Self.write(plan: plan, messages: messages, board: board, into: &report, members: &members, place: place, db: db)
                        }
                    }
                } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT && (error.message ?? "").contains("mailMessage.messageId") {
                    // Another import of the same messages wrote them after this one looked.
                    throw CommunityError.invalid("another import wrote some of these messages meanwhile; run this import again: it skips what is already present")
                }
            }
            for (plan, messages) in zip(batch, parsed) {
                for (i, message) in zip(plan.messages, messages) where message == nil {
                    report.skip(.unreadable("the file changed while importing"), at: archive.describe(places[i]))
                }
            }
            written += batchMessages
            progress(MailImportProgress(phase: .writing, done: written, total: toWrite, bytesRead: totalBytes, totalBytes: totalBytes))
            batch = []
            batchMessages = 0
        }
        progress(MailImportProgress(phase: .writing, done: 0, total: toWrite, bytesRead: totalBytes, totalBytes: totalBytes))
        for tree in trees {
            guard let plan = PlannedThread(tree: tree, present: present, dates: dates, stored: stored, storedByMessage: storedByMessage, board: board.id!) else { continue }
            batch.append(plan)
            batchMessages += plan.messages.count
            if batchMessages >= batchSize { try flush() }
        }
        try flush()
        return report
    }

    /// Calls `found` with the index and stored post of each (post, thread) that
    /// exists, with `body` as its text when one is given.
    typealias ExportedPost = (index: Int, post: Int64, thread: Int64, body: String?)

    func exportedPosts(_ posts: [ExportedPost], found: (Int, StoredMail) throws -> Void) throws {
        guard !posts.isEmpty else { return }
        try writer.read { db in
            for p in posts {
                guard let row = try Row.fetchOne(db, sql: """
                    SELECT p.body, t.boardId FROM post p JOIN thread t ON t.id = p.threadId WHERE p.id = ? AND p.threadId = ?
                    """, arguments: [p.post, p.thread]) else { continue }
                if let body = p.body, (row["body"] as String) != body { continue }
                try found(p.index, StoredMail(post: p.post, thread: p.thread, board: row["boardId"]))
            }
        }
    }

    /// Calls `found` with the index in `ids` and the stored post of each id the community holds.
    func storedMessages(_ ids: [String], found: (Int, StoredMail) throws -> Void) throws {
        try writer.read { db in
            var start = 0
            while start < ids.count {
                let end = min(ids.count, start + 500)
                let chunk = Array(ids[start..<end])
                var index: [String: Int] = [:]
                for (i, id) in chunk.enumerated() { index[id] = start + i }
                start = end
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT m.messageId, m.postId, p.threadId, t.boardId FROM mailMessage m
                    JOIN post p ON p.id = m.postId JOIN thread t ON t.id = p.threadId
                    WHERE m.messageId IN (\(databaseQuestionMarks(count: chunk.count)))
                    """, arguments: StatementArguments(chunk))
                while let row = try rows.next() {
                    if let i = index[row[0]] { try found(i, StoredMail(post: row[1], thread: row[2], board: row[3])) }
                }
            }
        }
    }

    /// Writes one planned thread: its new members, posts, Message-IDs and counters.
    static func write(plan: PlannedThread, messages: [MailMessage?], board: BoardRecord, into report: inout MailImportReport,
                      members: inout MemberCache, place: (Int) -> String, db: Database) throws {
        // Messages that could not be read again drop out; their replies keep the nearest ancestor left.
        let rows = try rowsFor(plan: plan, messages: messages, report: &report)
        guard !rows.isEmpty else { return }
        var nextID = try Int64.fetchOne(db, sql: """
            SELECT MAX(COALESCE((SELECT MAX(id) FROM post), 0), COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'post'), 0)) + 1
            """)!
        var threadID: Int64
        var position: Int
        let existingThread = try plan.existingThread ?? answeredThread(rows[0].message, board: board.id!, db: db)
        if let existingThread, try skipIfClosed(existingThread, rows: rows, plan: plan, report: &report, place: place, db: db) { return }
        let created = existingThread == nil
        if let existing = existingThread {
            threadID = existing
            position = try Int.fetchOne(db, sql: "SELECT replyCount + 1 FROM thread WHERE id = ?", arguments: [existing]) ?? 0
        } else {
            let opening = rows[0]
            let openingDate = plan.date(opening.node)
            let author = try members.member(for: opening.message.envelope.from, at: openingDate, db: db, report: &report)
            let title = try Validate.title(MailThreader.threadTitle(opening.message.envelope.subject))
            try db.execute(sql: """
                INSERT INTO thread (boardId, kind, title, authorId, createdAt, lastActivityAt, replyCount, lastPosterId)
                VALUES (?, 'discussion', ?, ?, ?, ?, 0, ?)
                """, arguments: [board.id, title, author, openingDate.stored, openingDate.stored, author])
            threadID = db.lastInsertedRowID
            position = 0
            report.threadsCreated += 1
        }
        // Post ids are given here, in position order, so a reply can name a parent written after it.
        var postIDs: [Int: Int64] = [:]
        for row in rows {
            postIDs[row.node] = nextID
            nextID += 1
        }
        let insertPost = try db.cachedStatement(sql: """
            INSERT INTO post (id, threadId, position, authorId, body, createdAt, state, replyToId, revisionCount)
            VALUES (?, ?, ?, ?, ?, ?, 'visible', ?, 0)
            """)
        let insertID = try db.cachedStatement(sql: "INSERT INTO mailMessage (messageId, postId) VALUES (?, ?)")
        let openingPost = created ? postIDs[rows[0].node] : try Int64.fetchOne(db, sql: "SELECT id FROM post WHERE threadId = ? AND position = 0", arguments: [threadID])
        var lastAuthor: Int64 = 0
        var lastDate = Date.distantPast
        var authors: [Int64: Int] = [:]
        for (n, row) in rows.enumerated() {
            let envelope = row.message.envelope
            let date = plan.date(row.node)
            let author = try members.member(for: envelope.from, at: date, db: db, report: &report)
            let (body, truncated) = MailPost.body(row.message.body.post)
            if truncated { report.truncated += 1 }
            if !row.message.body.unknownCharsets.isEmpty { report.unknownCharset += 1 }
            let isOpening = created && n == 0
            let replyTo: Int64? = isOpening ? nil : (row.parentNode.flatMap { postIDs[$0] } ?? row.storedParent ?? openingPost)
            try insertPost.execute(arguments: [postIDs[row.node], threadID, position, author, try Validate.body(body),
                                               date.stored, replyTo])
            try insertID.execute(arguments: [envelope.messageID, postIDs[row.node]])
            position += 1
            lastAuthor = author
            lastDate = max(lastDate, date)
            authors[author, default: 0] += 1
            report.imported += 1
            if !created { report.joinedExisting += 1 }
        }
        try db.execute(sql: "UPDATE thread SET replyCount = ?, lastActivityAt = ?, lastPosterId = ? WHERE id = ?",
                       arguments: [position - 1, lastDate.stored, lastAuthor, threadID])
        try db.execute(sql: """
            UPDATE board SET threadCount = threadCount + ?, postCount = postCount + ?,
              lastActivityAt = CASE WHEN lastActivityAt IS NULL OR lastActivityAt < ? THEN ? ELSE lastActivityAt END
            WHERE id = ?
            """, arguments: [created ? 1 : 0, rows.count, lastDate.stored, lastDate.stored, board.id])
        for (author, count) in authors {
            try db.execute(sql: "UPDATE member SET postCount = postCount + ? WHERE id = ?", arguments: [count, author])
        }
    }

    /// A dry run's counts for one planned thread: what `write` would add.
    static func tally(plan: PlannedThread, messages: [MailMessage?], board: Int64, into report: inout MailImportReport,
                      members: inout MemberCache, place: (Int) -> String, db: Database) throws {
        let rows = try rowsFor(plan: plan, messages: messages, report: &report)
        guard !rows.isEmpty else { return }
        let existingThread = try plan.existingThread ?? answeredThread(rows[0].message, board: board, db: db)
        if let existingThread, try skipIfClosed(existingThread, rows: rows, plan: plan, report: &report, place: place, db: db) { return }
        if existingThread == nil { report.threadsCreated += 1 }
        for row in rows {
            try members.count(row.message.envelope.from, db: db, report: &report)
            let (_, truncated) = MailPost.body(row.message.body.post)
            if truncated { report.truncated += 1 }
            if !row.message.body.unknownCharsets.isEmpty { report.unknownCharset += 1 }
            report.imported += 1
            if existingThread != nil { report.joinedExisting += 1 }
        }
    }

    /// Replies to an archived or locked thread are skipped, each with the reason
    /// (as a member could not reply there, imported mail cannot either); true when they were.
    static func skipIfClosed(_ thread: Int64, rows: [PostRow], plan: PlannedThread, report: inout MailImportReport,
                             place: (Int) -> String, db: Database) throws -> Bool {
        guard let row = try Row.fetchOne(db, sql: "SELECT archived, locked FROM thread WHERE id = ?", arguments: [thread]) else { return false }
        let state: String? = (row["archived"] as Bool) ? "archived" : (row["locked"] as Bool) ? "locked" : nil
        guard let state else { return false }
        for r in rows {
            if case .message(let i) = plan.tree.nodes[r.node].item { report.skip(.closedThread(state), at: place(i)) }
        }
        return true
    }

    /// A thread already in the board that a reply with no known parent answers,
    /// by its subject (a client that broke References, in a newer archive): the
    /// most recently active thread titled as the subject says, with or without
    /// its `[list]` tags, case aside.
    static func answeredThread(_ message: MailMessage, board: Int64, db: Database) throws -> Int64? {
        guard let titles = MailThreader.titlesAnswered(by: message.envelope.subject) else { return nil }
        return try Int64.fetchOne(db, sql: """
            SELECT id FROM thread WHERE boardId = ? AND title COLLATE NOCASE IN (\(databaseQuestionMarks(count: titles.count)))
            ORDER BY lastActivityAt DESC LIMIT 1
            """, arguments: StatementArguments([board]) + StatementArguments(titles))
    }

    struct PostRow {
        var node: Int
        var message: MailMessage
        /// The node of the nearest ancestor written in this import, if any.
        var parentNode: Int?
        /// The stored post of the nearest ancestor in this thread, if that comes first.
        var storedParent: Int64?
    }

    /// The plan's messages in position order, each with the parent it replies to.
    static func rowsFor(plan: PlannedThread, messages: [MailMessage?], report: inout MailImportReport) throws -> [PostRow] {
        var message: [Int: MailMessage] = [:]
        for (node, m) in zip(plan.nodes, messages) { if let m { message[node] = m } }
        return plan.nodes.compactMap { node in
            guard let m = message[node] else { return nil }
            // The nearest ancestor that is written here or stored in this thread.
            var parent = plan.tree.nodes[node].parent
            while let p = parent {
                if message[p] != nil { return PostRow(node: node, message: m, parentNode: p, storedParent: nil) }
                if let stored = plan.storedPosts[p] { return PostRow(node: node, message: m, parentNode: nil, storedParent: stored) }
                parent = plan.tree.nodes[p].parent
            }
            return PostRow(node: node, message: m, parentNode: nil, storedParent: nil)
        }
    }
}

/// A stored post that a Message-ID names.
struct StoredMail {
    var post: Int64
    var thread: Int64
    var board: Int64
}

/// One thread to write: the tree's new messages in position order, and the
/// stored thread they join, if the tree holds one of this board's posts.
struct PlannedThread {
    let tree: MailTree
    /// Tree node indexes of the messages to write, in position order (the opening post first for a new thread).
    let nodes: [Int]
    /// Archive message indexes of `nodes`.
    let messages: [Int]
    let existingThread: Int64?
    /// Stored posts of `existingThread` in the tree, by node.
    let storedPosts: [Int: Int64]
    /// Each tree node's date for its post (`MailTree.effectiveDates`: never before its parent's).
    let effectiveDates: [Int64]

    /// The date a node's post gets.
    func date(_ node: Int) -> Date { Date(timeIntervalSince1970: TimeInterval(effectiveDates[node]) / 1000) }

    init?(tree: MailTree, present: [Bool], dates: [Int64], stored: [String: StoredMail], storedByMessage: [Int: StoredMail], board: Int64) {
        self.tree = tree
        var newNodes: [Int] = []
        var existing: Int64?
        var storedNodes: [Int: StoredMail] = [:]
        for (n, node) in tree.nodes.enumerated() {
            if case .message(let i) = node.item, !present[i] { newNodes.append(n) }
        }
        guard !newNodes.isEmpty else { return nil }
        // Stored posts in the tree: the archive's present messages and the ids it only refers to.
        for (n, node) in tree.nodes.enumerated() {
            switch node.item {
            case .external(let id): if let s = stored[id] { storedNodes[n] = s }
            case .message(let i): if let s = storedByMessage[i] { storedNodes[n] = s }
            }
        }
        for n in tree.nodes.indices {
            if let s = storedNodes[n], s.board == board { existing = s.thread; break }
        }
        self.existingThread = existing
        self.storedPosts = storedNodes.filter { $0.value.thread == existing && existing != nil }.mapValues(\.post)
        func ownDate(_ n: Int) -> Int64 {
            if case .message(let i) = tree.nodes[n].item { return dates[i] }
            return 0
        }
        func archiveIndex(_ n: Int) -> Int {
            if case .message(let i) = tree.nodes[n].item { return i }
            return 0
        }
        // Posts go in tree order: a reply after its parent (never its parent's
        // id after its own), then by date, depth and place in the archive.
        let effective = tree.effectiveDates(ownDate)
        let depths = tree.depths
        effectiveDates = effective
        var ordered = newNodes.sorted { (effective[$0], depths[$0], archiveIndex($0)) < (effective[$1], depths[$1], archiveIndex($1)) }
        if existing == nil {
            // The opening post: the tree's root when it is a message, else the earliest at the top.
            let newSet = Set(newNodes)
            let opening: Int
            if newSet.contains(0), tree.nodes[0].parent == nil {
                opening = 0
            } else {
                opening = ordered.first { n in
                    var p = tree.nodes[n].parent
                    while let q = p { if newSet.contains(q) { return false }; p = tree.nodes[q].parent }
                    return true
                } ?? ordered[0]
            }
            ordered.removeAll { $0 == opening }
            ordered.insert(opening, at: 0)
        }
        nodes = ordered
        messages = ordered.map(archiveIndex)
    }

}

/// Members by address: found in `memberAddress`, else created with a handle
/// from the address (see `MailPost.handleCandidates`) and no key, so they
/// cannot log in until an admin attaches one (`paddock member key add`).
struct MemberCache {
    private var byAddress: [String: Int64] = [:]
    /// Dry runs: addresses that would be new.
    private var wouldCreate: Set<String> = []

    mutating func member(for from: MailAddress, at date: Date, db: Database, report: inout MailImportReport) throws -> Int64 {
        if let id = byAddress[from.address] { return id }
        if let id = try Int64.fetchOne(db, sql: "SELECT memberId FROM memberAddress WHERE address = ?", arguments: [from.address]) {
            byAddress[from.address] = id
            return id
        }
        let name = try Validate.name(MailPost.displayName(from), what: "display name", limit: Limits.displayNameCharacters)
        var handle: String?
        for candidate in MailPost.handleCandidates(for: from.address)
        where try !Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM member WHERE handle = ?)", arguments: [candidate])! {
            handle = candidate
            break
        }
        guard let handle else { throw CommunityError.invalid("no free handle for \(from.address)") }
        let id = try Community.insertMember(db, handle: handle, displayName: name, role: .member, at: date).id
        try db.execute(sql: "INSERT INTO memberAddress (address, memberId) VALUES (?, ?)", arguments: [from.address, id])
        byAddress[from.address] = id
        report.membersCreated += 1
        return id
    }

    mutating func count(_ from: MailAddress, db: Database, report: inout MailImportReport) throws {
        guard byAddress[from.address] == nil, !wouldCreate.contains(from.address) else { return }
        if let id = try Int64.fetchOne(db, sql: "SELECT memberId FROM memberAddress WHERE address = ?", arguments: [from.address]) {
            byAddress[from.address] = id
        } else {
            wouldCreate.insert(from.address)
            report.membersCreated += 1
        }
    }
}
