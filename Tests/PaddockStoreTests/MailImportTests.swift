import Foundation
import GRDB
import Testing
@testable import PaddockCore
@testable import PaddockStore

/// Importing and exporting mailing lists through the service, on hand-written archives.
@Suite struct MailImportTests {
    /// 2027-06-01: after every date of the archives here (a later one is in the future and dated now).
    static let later = Date(timeIntervalSince1970: 1_811_808_000)

    static func fixture() throws -> Fixture {
        let f = try Fixture()
        f.clock.set(later)
        return f
    }

    static func file(_ text: String, name: String = "list.mbox") throws -> String {
        try file(Array(text.utf8), name: name)
    }

    static func file(_ bytes: [UInt8], name: String = "list.mbox") throws -> String {
        let folder = NSTemporaryDirectory() + "paddock-mail-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/" + name
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    static func message(_ id: String?, from: String = "Ann Rider <ann@example.org>", date: String = "Thu, 3 Dec 2026 09:00:00 +0000",
                        subject: String, refs: String? = nil, body: String) -> String {
        var text = "From x@y Thu Dec  3 09:00:00 2026\nFrom: \(from)\nDate: \(date)\nSubject: \(subject)\n"
        if let id { text += "Message-ID: <\(id)>\n" }
        if let refs { text += "References: \(refs)\nIn-Reply-To: \(refs.split(separator: " ").last!)\n" }
        return text + "\n" + body + "\n\n"
    }

    static let archive =
        message("seat@x", subject: "Seat height", body: "How low can the seat go?")
        + message("r1@x", from: "\"Bob\" <bob@example.org>", date: "Thu, 3 Dec 2026 10:00:00 +0000", subject: "Re: Seat height", refs: "<seat@x>", body: "Lowering kit: 20 mm.\n\n-- \nBob, Milano")
        + message("r2@x", date: "Thu, 3 Dec 2026 11:00:00 +0000", subject: "Re: Seat height", refs: "<seat@x> <r1@x>", body: "Thanks!")
        // A broken client: no References, but the subject says where it belongs.
        + message("r3@x", from: "carla@example.org", date: "Thu, 3 Dec 2026 12:00:00 +0000", subject: "Re: [riders] seat height", body: "Same question here.")
        // No Message-ID at all.
        + message(nil, from: "dario@example.org", date: "Fri, 4 Dec 2026 08:00:00 +0100", subject: "Exhaust noise", body: "Too loud?")
        // The same Message-ID twice: the first is kept.
        + message("r1@x", subject: "Re: Seat height", refs: "<seat@x>", body: "A copy.")
        // Not a message at all (no header fields), after a From_ line.
        + "From x@y Thu Dec  3 09:00:00 2026\nthis is no header\n\n"

    /// Each thread of the board: "title: handle 'body' <replied-to handle" per post, in position order.
    static func threads(_ community: Community, board: String = "furia") throws -> [[String]] {
        try community.database.writer.read { db in
            let threads = try Row.fetchAll(db, sql: "SELECT t.id, t.title FROM thread t JOIN board b ON b.id = t.boardId WHERE b.slug = ? ORDER BY t.createdAt, t.id", arguments: [board])
            return try threads.map { thread in
                let posts = try Row.fetchAll(db, sql: """
                    SELECT m.handle, p.body, r.handle AS parent FROM post p JOIN member m ON m.id = p.authorId
                    LEFT JOIN post q ON q.id = p.replyToId LEFT JOIN member m2 ON m2.id = q.authorId
                    LEFT JOIN (SELECT p3.id, m3.handle || ':' || p3.position AS handle FROM post p3 JOIN member m3 ON m3.id = p3.authorId) r ON r.id = p.replyToId
                    WHERE p.threadId = ? ORDER BY p.position
                    """, arguments: [thread["id"] as Int64])
                return [thread["title"] as String] + posts.map { post in
                    "\(post["handle"] as String) '\(post["body"] as String)'" + ((post["parent"] as String?).map { " <" + $0 } ?? "")
                }
            }
        }
    }

    @Test func anArchiveBecomesThreadsWithTheirRepliesAndMembers() throws {
        let f = try Self.fixture()
        let path = try Self.file(Self.archive)
        let report = try f.community.importMail(by: f.admin, sources: [.mbox(path)], board: "furia")
        #expect(report.read == 7)
        #expect(report.imported == 5)
        #expect(report.skipped == ["duplicate Message-ID (the first is kept)": 1, "not a mail message (no header fields)": 1])
        #expect(report.problems.count == 2 && report.problems[0].hasPrefix(path + " at byte "))
        #expect(report.threadsCreated == 2 && report.membersCreated == 4)
        #expect(try Self.threads(f.community) == [
            ["Seat height", "ann 'How low can the seat go?'", "bob 'Lowering kit: 20 mm.\n\n-- \nBob, Milano' <ann:0",
             "ann 'Thanks!' <bob:1", "carla 'Same question here.' <ann:0"],
            ["Exhaust noise", "dario 'Too loud?'"],
        ])
        #expect(try SyntheticCommunity.invariantViolations(in: f.community.database) == [])
        try f.community.database.writer.read { (db: Database) throws -> Void in
            // Imported members have no key, keep their name and address, and nobody has read the threads.
            #expect(try String.fetchOne(db, sql: "SELECT displayName FROM member WHERE handle = 'bob'") == "Bob")
            #expect(try String.fetchOne(db, sql: "SELECT a.address FROM memberAddress a JOIN member m ON m.id = a.memberId WHERE m.handle = 'ann'") == "ann@example.org")
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM memberKey") == 0)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM readState r JOIN thread t ON t.id = r.threadId WHERE t.title IN ('Seat height', 'Exhaust noise')") == 0)
            // The day counters saw the posts on their own days (UTC), and the new members.
            #expect(try Int.fetchOne(db, sql: "SELECT posts FROM activityDay WHERE day = '2026-12-03'") == 4)
            #expect(try Int.fetchOne(db, sql: "SELECT posts FROM activityDay WHERE day = '2026-12-04'") == 1)
            #expect(try Int.fetchOne(db, sql: "SELECT lastActivityAt > '2026-12-03' FROM board WHERE slug = 'furia'") == 1)
        }
        // Search finds imported text.
        #expect(try f.community.search("lowering", viewer: f.admin).hits.count == 1)
    }

    @Test func importingTwiceAddsNothingAndANewerArchiveJoinsItsThreads() throws {
        let f = try Self.fixture()
        let first = try f.community.importMail(by: f.admin, sources: [.mbox(try Self.file(Self.archive))], board: "furia")
        let counts = try f.tableCounts()
        let again = try f.community.importMail(by: f.admin, sources: [.mbox(try Self.file(Self.archive))], board: "furia")
        #expect(again.imported == 0 && again.alreadyPresent == first.imported && again.threadsCreated == 0 && again.membersCreated == 0)
        #expect(try f.tableCounts() == counts)

        // Next month's archive: one old message again, a reply to an old one, a new thread.
        let newer = Self.message("r2@x", date: "Thu, 3 Dec 2026 11:00:00 +0000", subject: "Re: Seat height", refs: "<seat@x> <r1@x>", body: "Thanks!")
            + Self.message("r4@x", from: "eve@example.org", date: "Mon, 4 Jan 2027 09:00:00 +0000", subject: "Re: Seat height", refs: "<seat@x> <r1@x>", body: "The kit fits the 2026 too.")
            + Self.message("n1@x", from: "bob@example.org", date: "Mon, 4 Jan 2027 10:00:00 +0000", subject: "Winter storage", body: "Battery tender?")
            // A broken client in the newer archive: no References, but its subject names the thread.
            + Self.message("r5@x", from: "eve@example.org", date: "Mon, 4 Jan 2027 11:00:00 +0000", subject: "AW: [riders] Re: exhaust NOISE", body: "Try the db-killer.")
        let next = try f.community.importMail(by: f.admin, sources: [.mbox(try Self.file(newer))], board: "furia")
        #expect(next.read == 4 && next.alreadyPresent == 1 && next.imported == 3 && next.joinedExisting == 2)
        #expect(next.threadsCreated == 1 && next.membersCreated == 1)
        let threads = try Self.threads(f.community)
        #expect(threads[0].last == "eve 'The kit fits the 2026 too.' <bob:1")
        #expect(threads[1].last == "eve 'Try the db-killer.' <dario:0")
        #expect(threads.map { $0[0] } == ["Seat height", "Exhaust noise", "Winter storage"])
        #expect(try SyntheticCommunity.invariantViolations(in: f.community.database) == [])
    }

    @Test func aDryRunCountsTheSameAndWritesNothing() throws {
        let f = try Self.fixture()
        let path = try Self.file(Self.archive)
        let counts = try f.tableCounts(), digest = try f.contentDigest()
        var dry = try f.community.importMail(by: f.admin, sources: [.mbox(path)], board: "furia", dryRun: true)
        #expect(try f.tableCounts() == counts)
        #expect(try f.contentDigest() == digest)
        #expect(dry.dryRun)
        dry.dryRun = false
        #expect(dry == (try f.community.importMail(by: f.admin, sources: [.mbox(path)], board: "furia")))
    }

    @Test func onlyAdminsImportAndOnlyIntoDiscussionBoards() throws {
        let f = try Self.fixture()
        let path = try Self.file(Self.archive)
        try f.expectRefusal(.notPermitted("only admins can import mail")) {
            _ = try f.community.importMail(by: f.manager, sources: [.mbox(path)], board: "furia")
        }
        try f.expectRefusal(.invalid("the board 'announcements' takes announcements; import mail into a discussion board")) {
            _ = try f.community.importMail(by: f.admin, sources: [.mbox(path)], board: "announcements")
        }
        try f.expectRefusal(.notFound("no board 'nowhere'")) {
            _ = try f.community.importMail(by: f.admin, sources: [.mbox(path)], board: "nowhere")
        }
        try f.expectRefusal(.invalid("cannot read the mbox /nonexistent.mbox: no such file")) {
            _ = try f.community.importMail(by: f.admin, sources: [.mbox("/nonexistent.mbox")], board: "furia")
        }
        try f.expectRefusal(.invalid("/tmp is not a maildir (a folder with cur/ and new/)")) {
            _ = try f.community.importMail(by: f.admin, sources: [.maildir("/tmp")], board: "furia")
        }
    }

    @Test func aMaildirImportsLikeAnMbox() throws {
        let f = try Self.fixture()
        let root = NSTemporaryDirectory() + "paddock-maildir-\(UUID().uuidString)"
        for folder in ["cur", "new", "tmp"] { try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true) }
        // No Date header: the file name's delivery time stands in.
        try "From: ann@example.org\nSubject: Tyres\nMessage-ID: <t@x>\n\nWhich tyres?\n".write(toFile: root + "/cur/1780000000.M1P1.host:2,S", atomically: true, encoding: .utf8)
        try "From: bob@example.org\nSubject: Re: Tyres\nIn-Reply-To: <t@x>\nDate: Thu, 3 Dec 2026 09:00:00 +0000\n\nRosso IV.\n".write(toFile: root + "/new/1780000100.M2P1.host", atomically: true, encoding: .utf8)
        let report = try f.community.importMail(by: f.admin, sources: [.maildir(root)], board: "furia")
        #expect(report.imported == 2 && report.threadsCreated == 1)
        #expect(try Self.threads(f.community) == [["Tyres", "ann 'Which tyres?'", "bob 'Rosso IV.' <ann:0"]])
        #expect(try f.community.database.writer.read { db in try String.fetchOne(db, sql: "SELECT createdAt FROM post WHERE position = 0 AND body = 'Which tyres?'") }
                == "2026-05-28 20:26:40.000")
    }

    @Test func hostileTextIsStoredAsWrittenAndDrawnSafely() throws {
        let f = try Self.fixture()
        let hostile = Self.message("h@x", subject: "Hi \u{1B}]0;owned\u{07} \u{1B}[31mred", body: "Body \u{1B}[2J cleared \u{202E}drawkcab\u{0}nul")
        _ = try f.community.importMail(by: f.admin, sources: [.mbox(try Self.file(hostile))], board: "furia")
        let thread = try Self.threads(f.community)[0]
        #expect(!SafeText.displayable(thread[0]).unicodeScalars.contains("\u{1B}"))
        #expect(SafeText.displayable(thread[0]) == "Hi ␛ ␛red")
        let body = try f.community.database.writer.read { db in try String.fetchOne(db, sql: "SELECT body FROM post ORDER BY id DESC LIMIT 1")! }
        #expect(body.contains("\u{FFFD}nul"), "a NUL cannot be stored; it becomes U+FFFD")
        #expect(SafeText.multiline(body).allSatisfy { !$0.unicodeScalars.contains("\u{1B}") && !$0.unicodeScalars.contains("\u{202E}") })
    }

    @Test func aTenMegabyteMessageIsCutWithANote() throws {
        let f = try Self.fixture()
        let big = String(repeating: String(repeating: "y", count: 99) + "\n", count: 100_000)
        let report = try f.community.importMail(by: f.admin, sources: [.mbox(try Self.file(Self.message("big@x", subject: "Big", body: big)))], board: "furia")
        #expect(report.imported == 1 && report.truncated == 1)
        let body = try f.community.database.writer.read { db in try String.fetchOne(db, sql: "SELECT body FROM post ORDER BY id DESC LIMIT 1")! }
        #expect(body.utf8.count <= Limits.bodyBytes && body.hasSuffix("the rest was cut at 64 KB]"))
        #expect(try SyntheticCommunity.invariantViolations(in: f.community.database) == [])
    }

    @Test func anExportImportsIntoANewCommunityAsTheSameThreads() throws {
        let f = try Self.fixture()
        _ = try f.community.importMail(by: f.admin, sources: [.mbox(try Self.file(Self.archive))], board: "furia")
        // Posts written in Paddock too, with a From_ line in a body.
        let thread = try f.community.startThread(by: f.member, board: "furia", title: "Valve clearances ✓", body: "From the manual:\n>From memory, 0.1 mm")
        let opening = try f.community.thread(thread.id).posts[0]
        let reply = try f.community.reply(by: f.other, thread: thread.id, body: "Checked, thanks", replyTo: opening.id)
        _ = try f.community.reply(by: f.member, thread: thread.id, body: "And the exhaust side?", replyTo: reply.id)
        var mbox: [UInt8] = []
        let exported = try f.community.exportMbox(board: "furia") { mbox += $0 }
        #expect(exported.threads == 3 && exported.posts == 8)

        // A new community whose only member is its admin: every author comes back as a member of its own.
        let g = Community(database: try AppDatabase.inMemory(), clock: { Self.later })
        let root = try g.actor(handle: try g.bootstrapAdmin(handle: "root").handle)
        try g.addBoard(by: root, slug: "furia", title: "Furia 950")
        let report = try g.importMail(by: root, sources: [.mbox(try Self.file(mbox))], board: "furia")
        #expect(report.imported == 8 && report.skippedTotal == 0)
        // Paddock's own members come back with their handles (their invented addresses say them).
        #expect(try Self.threads(g) == (try Self.threads(f.community)))
        #expect(try SyntheticCommunity.invariantViolations(in: g.database) == [])
        // And exporting the copy gives the same file.
        var again: [UInt8] = []
        try g.exportMbox(board: "furia") { again += $0 }
        #expect(String(decoding: again, as: UTF8.self) == String(decoding: mbox, as: UTF8.self))
    }

    /// Garbage in every part of a message: the import goes on, skips what it must, and the counters hold.
    @Test func brokenMessagesNeverStopTheImport() throws {
        let f = try Self.fixture()
        var random = SplitMix64(seed: 2026)
        let pieces = ["From: ", "Date: ", "Subject: ", "Message-ID: <", "References: <", "Content-Type: multipart/mixed; boundary=x\n",
                      "Content-Transfer-Encoding: base64\n", "Content-Type: text/plain; charset=\"\u{1B}[2J\"\n", "=?utf-8?B?////?=",
                      "--x\n", "--x--\n", "\n", "\r\n", ">From ", "From ", " ", "\t", "@", "<", ">", "é", "\u{0}", "\u{202E}",
                      "Thu, 3 Dec 2026 09:00:00 +0000", "=C3", "=\n", "<p>&#99999999;&bogus;</p>", "Content-Type: text/html\n"]
        var mbox: [UInt8] = []
        for n in 0..<300 {
            mbox += Array("From x@y Thu Dec  3 09:\(10 + n % 50):00 2026\n".utf8)
            if n % 3 != 0 { mbox += Array("From: m\(n % 17)@example.org\n".utf8) }
            for _ in 0..<(1 + Int(random.next() % 40)) {
                if random.next() % 9 == 0 {
                    mbox += (0..<Int(random.next() % 30)).map { _ in UInt8(truncatingIfNeeded: random.next()) }.filter { $0 != 10 }
                } else {
                    mbox += Array(pieces[Int(random.next() % UInt64(pieces.count))].utf8)
                }
            }
            mbox += Array("\n\n".utf8)
        }
        let report = try f.community.importMail(by: f.admin, sources: [.mbox(try Self.file(mbox))], board: "furia")
        #expect(report.read == 300)
        #expect(report.imported + report.skippedTotal == 300)
        #expect(report.imported > 100)
        #expect(try SyntheticCommunity.invariantViolations(in: f.community.database) == [])
        // Importing it again finds everything it took.
        let again = try f.community.importMail(by: f.admin, sources: [.mbox(try Self.file(mbox))], board: "furia")
        #expect(again.imported == 0 && again.alreadyPresent == report.imported)
    }

    /// A reply dated before its parent (a wrong clock) goes after it, dated as it: the import, and its dry run, work.
    @Test func aReplyDatedBeforeItsParentGoesAfterIt() throws {
        let f = try Self.fixture()
        let mbox = Self.message("a@x", date: "Thu, 3 Dec 2026 10:00:00 +0000", subject: "Clock", body: "A")
            + Self.message("b@x", from: "bob@example.org", date: "Thu, 3 Dec 2026 10:05:00 +0000", subject: "Re: Clock", refs: "<a@x>", body: "B")
            + Self.message("c@x", from: "carla@example.org", date: "Thu, 3 Dec 2026 10:01:00 +0000", subject: "Re: Clock", refs: "<a@x> <b@x>", body: "C")
        let path = try Self.file(mbox)
        var dry = try f.community.importMail(by: f.admin, sources: [.mbox(path)], board: "furia", dryRun: true)
        let report = try f.community.importMail(by: f.admin, sources: [.mbox(path)], board: "furia")
        dry.dryRun = false
        #expect(dry == report)
        #expect(report.imported == 3 && report.skippedTotal == 0)
        #expect(try Self.threads(f.community) == [["Clock", "ann 'A'", "bob 'B' <ann:0", "carla 'C' <bob:1"]])
        try f.community.database.writer.read { (db: Database) throws -> Void in
            #expect(try String.fetchAll(db, sql: "SELECT p.createdAt FROM post p JOIN thread t ON t.id = p.threadId WHERE t.title = 'Clock' ORDER BY p.position")
                    == ["2026-12-03 10:00:00.000", "2026-12-03 10:05:00.000", "2026-12-03 10:05:00.000"])
            #expect(try String.fetchOne(db, sql: "SELECT lastActivityAt FROM thread WHERE title = 'Clock'") == "2026-12-03 10:05:00.000")
        }
        #expect(try SyntheticCommunity.invariantViolations(in: f.community.database) == [])
    }

    /// A file with no message is said to be one; when no source has any, the import is refused and writes nothing.
    @Test func aFileWithNoMessagesIsSaidSo() throws {
        let f = try Self.fixture()
        let counts = try f.tableCounts()
        let garbage = try Self.file([0x1F, 0x8B, 0x08, 0x00, 0x41, 0x42, 0x0A, 0x00, 0xFF], name: "list.mbox.gz")
        let empty = try Self.file("", name: "empty.mbox")
        try f.expectRefusal(.invalid("\(garbage): no messages found (not an mbox?); \(empty): no messages found (not an mbox?)")) {
            _ = try f.community.importMail(by: f.admin, sources: [.mbox(garbage), .mbox(empty)], board: "furia")
        }
        #expect(try f.tableCounts() == counts)
        let report = try f.community.importMail(by: f.admin, sources: [.mbox(empty), .mbox(try Self.file(Self.archive))], board: "furia")
        #expect(report.imported == 5 && report.empty == ["\(empty): no messages found (not an mbox?)"])
    }

    /// A message dated after the import's start is dated at it (and counted), never in the future.
    @Test func aFutureDateBecomesTheImportsNow() throws {
        let f = try Self.fixture()
        let mbox = Self.message("f@x", date: "Mon, 1 Jan 2126 09:00:00 +0000", subject: "From the future", body: "Hi")
        let report = try f.community.importMail(by: f.admin, sources: [.mbox(try Self.file(mbox))], board: "furia")
        #expect(report.imported == 1 && report.futureDates == 1)
        try f.community.database.writer.read { (db: Database) throws -> Void in
            #expect(try String.fetchOne(db, sql: "SELECT createdAt FROM post ORDER BY id DESC LIMIT 1") == "2027-06-01 00:00:00.000")
            #expect(try String.fetchOne(db, sql: "SELECT lastActivityAt FROM board WHERE slug = 'furia'") == "2027-06-01 00:00:00.000")
        }
    }

    /// `From: NoAddr` is skipped; an address stored without an `@` exports as the member's invented one.
    @Test func noSenderAddressIsSkippedAndExportWritesValidAddresses() throws {
        let f = try Self.fixture()
        let mbox = Self.message("n@x", from: "NoAddr", subject: "Who", body: "Me")
        let report = try f.community.importMail(by: f.admin, sources: [.mbox(try Self.file(mbox))], board: "furia")
        #expect(report.imported == 0 && report.skipped == ["no sender address": 1])
        _ = try f.community.importMail(by: f.admin, sources: [.mbox(try Self.file(Self.archive))], board: "furia")
        try f.community.database.writer.write { db in
            try db.execute(sql: "UPDATE memberAddress SET address = 'noaddr' WHERE address = 'dario@example.org'")
        }
        var mbox2: [UInt8] = []
        try f.community.exportMbox(board: "furia") { mbox2 += $0 }
        let text = String(decoding: mbox2, as: UTF8.self)
        #expect(!text.contains("<noaddr>") && text.contains("<dario@paddock.invalid>"))
    }

    /// Mail replying into an archived or locked thread is skipped with the reason; the thread stays as it was.
    @Test func repliesToAnArchivedOrLockedThreadAreSkipped() throws {
        let f = try Self.fixture()
        _ = try f.community.importMail(by: f.admin, sources: [.mbox(try Self.file(Self.archive))], board: "furia")
        let seat = try f.community.database.writer.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM thread WHERE title = 'Seat height'")! }
        let noise = try f.community.database.writer.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM thread WHERE title = 'Exhaust noise'")! }
        try f.community.moderateThread(by: f.admin, thread: seat, action: .archive)
        try f.community.moderateThread(by: f.admin, thread: noise, action: .lock)
        let before = try Self.threads(f.community)
        let newer = Self.message("r9@x", from: "eve@example.org", date: "Mon, 4 Jan 2027 09:00:00 +0000", subject: "Re: Seat height", refs: "<seat@x>", body: "Late.")
            + Self.message("r10@x", from: "eve@example.org", date: "Mon, 4 Jan 2027 10:00:00 +0000", subject: "Re: Exhaust noise", body: "Too late.")
            + Self.message("n9@x", from: "eve@example.org", date: "Mon, 4 Jan 2027 11:00:00 +0000", subject: "Open question", body: "New.")
        let path = try Self.file(newer)
        var dry = try f.community.importMail(by: f.admin, sources: [.mbox(path)], board: "furia", dryRun: true)
        let report = try f.community.importMail(by: f.admin, sources: [.mbox(path)], board: "furia")
        dry.dryRun = false
        #expect(dry == report)
        #expect(report.imported == 1 && report.skipped == ["its thread is archived": 1, "its thread is locked": 1])
        #expect(Array(try Self.threads(f.community).prefix(2)) == before)
        #expect(try SyntheticCommunity.invariantViolations(in: f.community.database) == [])
    }

    /// Two imports of the same archive at once: the later writer stops with one clear line, and a rerun completes.
    @Test func aConcurrentImportOfTheSameMessagesIsOneClearError() throws {
        let f = try Self.fixture()
        let path = try Self.file(Self.archive)
        var other: MailImportReport?
        #expect(throws: CommunityError.invalid("another import wrote some of these messages meanwhile; run this import again: it skips what is already present")) {
            _ = try f.community.importMail(by: f.admin, sources: [.mbox(path)], board: "furia") { progress in
                // The other import writes everything between this one's reading and writing.
                if progress.phase == .writing, other == nil {
                    other = try? f.community.importMail(by: f.admin, sources: [.mbox(path)], board: "furia")
                }
            }
        }
        #expect(other?.imported == 5)
        let again = try f.community.importMail(by: f.admin, sources: [.mbox(path)], board: "furia")
        #expect(again.imported == 0 && again.alreadyPresent == 5)
        #expect(try SyntheticCommunity.invariantViolations(in: f.community.database) == [])
    }

    /// Replies to the same missing message, in two imports, share one thread, titled without "Re:".
    @Test func repliesToAMissingMessageAcrossImportsShareOneThread() throws {
        let f = try Self.fixture()
        let first = Self.message("g1@x", subject: "Re: Re: Ghost thread", refs: "<ghost@x>", body: "One")
        let second = Self.message("g2@x", from: "bob@example.org", date: "Fri, 4 Dec 2026 09:00:00 +0000", subject: "Re: Ghost thread", refs: "<ghost@x>", body: "Two")
        _ = try f.community.importMail(by: f.admin, sources: [.mbox(try Self.file(first))], board: "furia")
        let report = try f.community.importMail(by: f.admin, sources: [.mbox(try Self.file(second))], board: "furia")
        #expect(report.threadsCreated == 0 && report.joinedExisting == 1)
        #expect(try Self.threads(f.community) == [["Ghost thread", "ann 'One'", "bob 'Two' <ann:0"]])
        #expect(MailThreader.threadTitle("Re: [riders] AW: Ghost") == "[riders] Ghost")
        #expect(MailThreader.threadTitle("Re: ") == "Re:" && MailThreader.threadTitle("Seat height") == "Seat height")
    }

    /// A board's own export imported back into it adds nothing: its native posts are recognised by id and text.
    @Test func aBoardsOwnExportImportedBackAddsNothing() throws {
        let f = try Self.fixture()
        _ = try f.community.importMail(by: f.admin, sources: [.mbox(try Self.file(Self.archive))], board: "furia")
        let thread = try f.community.startThread(by: f.member, board: "furia", title: "Valve clearances", body: "0.1 mm?")
        let opening = try f.community.thread(thread.id).posts[0]
        _ = try f.community.reply(by: f.other, thread: thread.id, body: "Checked, thanks", replyTo: opening.id)
        var mbox: [UInt8] = []
        try f.community.exportMbox(board: "furia") { mbox += $0 }
        let counts = try f.tableCounts()
        // A reply written in a mail reader to the native post: it joins the native thread.
        let reply = Self.message("mail-reply@x", from: "eve@example.org", date: "Mon, 4 Jan 2027 09:00:00 +0000", subject: "Re: Valve clearances",
                                 refs: "<\(MailPost.messageID(post: opening.id, thread: thread.id))>", body: "And the exhaust side?")
        let report = try f.community.importMail(by: f.admin, sources: [.mbox(try Self.file(mbox))], board: "furia")
        #expect(report.imported == 0 && report.alreadyPresent == 7 && report.membersCreated == 0)
        #expect(try f.tableCounts() == counts)
        let more = try f.community.importMail(by: f.admin, sources: [.mbox(try Self.file(reply))], board: "furia")
        #expect(more.imported == 1 && more.joinedExisting == 1 && more.threadsCreated == 0)
        #expect(try Self.threads(f.community).last?.last == "eve 'And the exhaust side?' <marco:0")
        #expect(MailPost.exportedPost("post-12.thread-3@paddock.invalid")! == (12, 3))
        #expect(MailPost.exportedPost("post-12.thread-3x@paddock.invalid") == nil && MailPost.exportedPost("seat@x") == nil)
    }
}
