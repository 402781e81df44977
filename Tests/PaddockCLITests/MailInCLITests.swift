import Foundation
import GRDB
import PaddockCore
@testable import PaddockStore
import Testing

/// `paddock mail-in` as an MTA runs it: one message on stdin, the exit status
/// (sysexits) the MTA acts on, one line saying why.
@Suite(.serialized) struct MailInCLITests {
    static let fixtureToken = "k7m2q4x5w3ab5cd6ef7g"

    struct Setup {
        let cli: CLI
        let thread: Int64
        let token: String
        let kurt: Int64

        /// A fixture as the community's own mail would be answered: its token and thread.
        func message(_ name: String) throws -> String {
            let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("MailInFixtures")
            let text = String(decoding: try Data(contentsOf: folder.appendingPathComponent(name)), as: UTF8.self)
            return text.replacingOccurrences(of: MailInCLITests.fixtureToken, with: token)
        }

        func mailIn(_ stdin: String, _ arguments: [String] = []) throws -> CLI.Result {
            try cli.run(["mail-in"] + arguments, stdin: stdin)
        }

        func bodies() throws -> [String] {
            struct Detail: Decodable { struct Post: Decodable { let body: String }; let posts: [Post] }
            let json = try cli.run(["thread", "show", "\(thread)", "--json", "--limit", "100"]).stdout
            return try JSONDecoder().decode(Detail.self, from: Data(json.utf8)).posts.map(\.body)
        }

        func sql<T>(_ body: (Database) throws -> T) throws -> T {
            let queue = try DatabaseQueue(path: cli.db)
            defer { try? queue.close() }
            return try queue.write(body)
        }
    }

    /// Elena's thread; kurt.weiss has an address and a reply token for it.
    func setup() throws -> Setup {
        let cli = try CLI()
        try #require(cli.run(["init", "--admin", "ada"]).status == 0)
        for command in [["setting", "set", "new_member_days", "0"], ["setting", "set", "mail_host", "community.example"],
                        ["member", "add", "elena", "--role", "manager"], ["member", "add", "kurt.weiss"],
                        ["board", "add", "hypermotard", "--title", "Hypermotard"]] {
            let r = try cli.run(as: "ada", command)
            try #require(r.status == 0, "\(command): \(r.stderr)")
        }
        try #require(cli.run(as: "elena", ["thread", "new", "--board", "hypermotard", "--title", "Seat height on the Hypermotard",
                                           "--body", "We are testing a 20 mm lower seat."]).status == 0)
        let community = Community(database: try AppDatabase.open(path: cli.db))
        let kurt = try community.actor(handle: "kurt.weiss").id
        let thread = try community.threads(board: "hypermotard").threads[0].id
        let token = try community.replyToken(member: kurt, thread: thread)
        try community.database.writer.write { db in
            try db.execute(sql: "INSERT INTO memberAddress (address, memberId) VALUES ('kurt.weiss@example.com', ?)", arguments: [kurt])
            try db.execute(sql: "INSERT INTO mailPreference (memberId, createdAt, updatedAt) VALUES (?, ?, ?)",
                           arguments: [kurt, Date().stored, Date().stored])
        }
        try community.database.close()
        return Setup(cli: cli, thread: thread, token: token, kurt: kurt)
    }

    @Test func repliesFromEachClientPostTheMembersOwnText() throws {
        let s = try setup()
        defer { s.cli.cleanUp() }
        let expected: [(String, String)] = [
            ("thunderbird-plain.eml", "Thanks Elena, the lower seat is what I was hoping for.\nI ride with 78 cm inseam."),
            ("thunderbird-flowed.eml", "A lower seat would help a lot of us: with the stock one I can only touch the ground with my toes at a stop, which is no fun in the city. Could it be offered as an accessory too?\n\nFrom the owners' meeting: everybody agreed."),
            ("gmail-alternative.eml", "Count me in for the test ride. I can come to Bologna any weekend in January."),
            ("outlook-original.eml", "Hi Elena,\n\nThat’s great news – the café ride in March would be the perfect place to try it.\n\nKurt"),
            ("outlook-html-only.eml", "Would the lower seat fit the 2025 model as well?"),
            ("apple-mail.eml", "Will the seat come in the black Alcantara too?"),
            ("iphone.eml", "Yes please 👍"),
            ("inline-reply.eml", "2023, the SP.\n\n1.72 m."),
        ]
        for (position, (name, text)) in expected.enumerated() {
            let r = try s.mailIn(s.message(name))
            #expect(r.status == 0, "\(name): \(r.stderr)")
            #expect(r.stdout == "paddock: posted #\(position + 2) in thread #\(s.thread) (reply \(position + 1)) as kurt.weiss\n", "\(name)")
        }
        #expect(try s.bodies() == ["We are testing a 20 mm lower seat."] + expected.map(\.1))

        // The MTA delivers the same message again (it lost our answer): posted once.
        let again = try s.mailIn(s.message("thunderbird-plain.eml"))
        #expect(again.status == 0)
        #expect(again.stdout == "paddock: already posted as #2: this message was delivered before\n")
        #expect(try s.bodies().count == expected.count + 1)
    }

    @Test func automaticMailExitsZeroAndPostsNothing() throws {
        let s = try setup()
        defer { s.cli.cleanUp() }
        let r = try s.mailIn(s.message("auto-reply.eml"))
        #expect(r.status == 0)
        #expect(r.stdout == "paddock: ignored automatic mail (it is marked Auto-Submitted: auto-replied): nothing posted\n")
        #expect(try s.bodies().count == 1)
    }

    @Test func refusalsAreOneLineWithTheMTAsExitCode() throws {
        let s = try setup()
        defer { s.cli.cleanUp() }
        let reply = try s.message("thunderbird-plain.eml")

        let unknown = try s.mailIn(reply.replacingOccurrences(of: s.token, with: "aaaaaaaaaaaaaaaaaaaa"))
        #expect(unknown.status == 67)
        #expect(unknown.stderr == "paddock: this reply address is unknown: reply to a newer mail from the community, or post in Paddock\n")

        let forwarded = try s.mailIn(reply.replacingOccurrences(of: "From: Kurt Weiss <kurt.weiss@example.com>", with: "From: Someone <someone@example.net>"))
        #expect(forwarded.status == 67)
        #expect(forwarded.stderr == "paddock: this reply address belongs to another member: reply from the address the mail was sent to\n")

        let notMail = try s.mailIn("")
        #expect(notMail.status == 65)
        #expect(notMail.stderr == "paddock: nothing was posted: not a mail message: no header fields\n")

        try #require(s.cli.run(as: "ada", ["mod", "lock", "\(s.thread)", "--reason", "cooling off"]).status == 0)
        let locked = try s.mailIn(reply)
        #expect(locked.status == 65)
        #expect(locked.stderr == "paddock: nothing was posted: the thread is locked: only moderators can reply\n")
        #expect(try s.bodies().count == 1)

        // No community file where the MTA looks: the message waits in the queue.
        let missing = try s.cli.run(["--db", s.cli.folder + "/nowhere/community.sqlite", "mail-in"], stdin: reply, withDB: false)
        #expect(missing.status == 75)
        #expect(missing.stderr.hasSuffix("; the message waits for another try\n"))
    }

    @Test func theEnvelopeRecipientWinsOverTheHeaders() throws {
        let s = try setup()
        defer { s.cli.cleanUp() }
        // Headers name an unknown token; the MTA says which address it delivered for.
        let reply = try s.message("thunderbird-plain.eml").replacingOccurrences(of: s.token, with: "aaaaaaaaaaaaaaaaaaaa")
        let r = try s.mailIn(reply, ["--recipient", "reply+\(s.token)@community.example"])
        #expect(r.status == 0, "\(r.stderr)")
        let env = try s.cli.run(["mail-in"], stdin: reply.replacingOccurrences(of: "<5b2c1f0e", with: "<other"),
                                environment: ["ORIGINAL_RECIPIENT": "reply+\(s.token)@community.example"])
        #expect(env.status == 0, "\(env.stderr)")
        #expect(try s.bodies().count == 3)
    }

    @Test func hostileTextIsPostedAsWrittenAndReadSafely() throws {
        let s = try setup()
        defer { s.cli.cleanUp() }
        let r = try s.mailIn(s.message("hostile.eml"))
        #expect(r.status == 0, "\(r.stderr)")
        let body = try s.bodies()[1]
        #expect(body.contains("\u{1B}[2J") && body.contains("\u{202E}"), "stored as written, as the app stores what is typed")
        #expect(!body.contains("Bcc") && !body.contains("injected"), "the subject is never used")
        let show = try s.cli.run(["thread", "show", "\(s.thread)"]).stdout
        let bad = show.unicodeScalars.filter { HostileCorpusCLITests.forbidden($0.value, allowNewline: true) }.map { "U+" + String($0.value, radix: 16) }
        #expect(bad == [])
        #expect(show.contains("Seat height on the Hypermotard"))
    }

    @Test func unsubscribeAndBounces() throws {
        let s = try setup()
        defer { s.cli.cleanUp() }
        // A bounce report for a mail kurt was sent (mail row N: bounce+N@).
        let mailID: Int64 = try s.sql { db in
            try db.execute(sql: """
                INSERT INTO mailOut (memberId, kind, messageId, address, subject, state, createdAt, sentAt)
                VALUES (?, 'reply', 'paddock.reply.57.x3k9@community.example', 'kurt.weiss@example.com', 's', 'sent', ?, ?)
                """, arguments: [s.kurt, Date().stored, Date().stored])
            return db.lastInsertedRowID
        }
        let bounce = try s.message("dsn-bounce.eml").replacingOccurrences(of: "bounce+42@", with: "bounce+\(mailID)@")
        let counted = try s.mailIn(bounce)
        #expect(counted.status == 0, "\(counted.stderr)")
        #expect(counted.stdout == "paddock: hard bounce 1 of 5 counted for kurt.weiss\n")
        #expect(try s.mailIn(bounce).stdout == "paddock: bounce not counted: this mail's bounce was counted before\n")
        let delay = try s.mailIn(s.message("dsn-delay.eml").replacingOccurrences(of: "bounce+42@", with: "bounce+\(mailID)@"))
        #expect(delay.status == 0)
        #expect(try s.sql { db in try Int.fetchOne(db, sql: "SELECT hardBounces FROM mailPreference WHERE memberId = ?", arguments: [s.kurt]) } == 1)

        let token = try Community(database: try AppDatabase.open(path: s.cli.db)).replyToken(member: s.kurt, thread: nil)
        let unsubscribe = try s.message("unsubscribe.eml").replacingOccurrences(of: s.token, with: token)
        let r = try s.mailIn(unsubscribe)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "paddock: mail to kurt.weiss stopped (unsubscribed by mail)\n")
        #expect(try s.mailIn(unsubscribe).stdout == "paddock: mail to kurt.weiss had already stopped\n")
        let reason = try s.sql { db in try String.fetchOne(db, sql: "SELECT stopReason FROM mailPreference WHERE memberId = ?", arguments: [s.kurt]) }
        #expect(reason == "unsubscribed by mail")
    }

    @Test func aBusyCommunityAsksTheMTAToTryAgain() throws {
        let s = try setup()
        defer { s.cli.cleanUp() }
        // Another program holds the write lock past mail-in's busy timeout.
        var config = Configuration()
        config.allowsUnsafeTransactions = true  // the lock is held across accesses on purpose
        let queue = try DatabaseQueue(path: s.cli.db, configuration: config)
        defer { try? queue.close() }
        try queue.inDatabase { db in try db.execute(sql: "BEGIN EXCLUSIVE") }
        let r = try s.mailIn(s.message("thunderbird-plain.eml"))
        try queue.inDatabase { db in try db.execute(sql: "ROLLBACK") }
        #expect(r.status == 75)
        #expect(r.stderr.contains("is busy") && r.stderr.hasSuffix("; the message waits for another try\n"), "\(r.stderr)")
        #expect(try s.bodies().count == 1)
    }
}
