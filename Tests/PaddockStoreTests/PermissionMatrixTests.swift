import Foundation
import GRDB
import Testing
@testable import PaddockCore
@testable import PaddockStore

/// Every command of the Community service × every role × whose content it is:
/// allowed, or refused with nothing written. Loosening any rule fails a row.
@Suite struct PermissionMatrixTests {
    /// Whose content (or which member) a command acts on.
    enum Owner: String, CustomStringConvertible {
        case actor, member, moderator, manager, admin
        var description: String { rawValue }
    }

    /// One fixture's cast and content, prepared before the command runs.
    struct Scene {
        let f: Fixture
        let actor: Actor
        let owner: Actor
        let thread: Int64
        let post: Int64
        let announcement: Int64
        let locked: Int64
        let flagger: Actor
    }

    struct Row: CustomTestStringConvertible, Sendable {
        let command: String
        let owner: Owner
        let allowed: Set<Role>
        let prepare: @Sendable (Scene) throws -> Void
        let run: @Sendable (Scene) throws -> Void
        var testDescription: String { "\(command) on \(owner)'s" }
    }

    static let staff: Set<Role> = [.moderator, .manager, .admin]
    static let everyone = Set(Role.allCases)
    static let managers: Set<Role> = [.manager, .admin]
    static let admins: Set<Role> = [.admin]

    static func row(_ command: String, _ owner: Owner, _ allowed: Set<Role>,
                    prepare: @escaping @Sendable (Scene) throws -> Void = { _ in },
                    _ run: @escaping @Sendable (Scene) throws -> Void) -> Row {
        Row(command: command, owner: owner, allowed: allowed, prepare: prepare, run: run)
    }

    static let flagged: @Sendable (Scene) throws -> Void = { s in try s.f.community.flag(by: s.flagger, post: s.post, reason: .spam) }
    static let hidden: @Sendable (Scene) throws -> Void = { s in try s.f.community.moderatePost(by: s.f.admin, post: s.post, action: .hide, reason: "r") }
    static let silenced: @Sendable (Scene) throws -> Void = { s in
        try s.f.community.silence(by: s.f.admin, member: s.owner.handle, until: s.f.clock.now + 3600, reason: "r")
    }

    static let rows: [Row] = [
        row("addMember", .actor, admins) { s in try s.f.community.addMember(by: s.actor, handle: "newcomer") },
        row("setRole", .actor, []) { s in try s.f.community.setRole(by: s.actor, handle: s.actor.handle, role: .member == s.actor.role ? .moderator : .member) },
        row("setRole", .member, admins) { s in try s.f.community.setRole(by: s.actor, handle: s.owner.handle, role: .moderator) },
        row("addBoard", .actor, admins) { s in try s.f.community.addBoard(by: s.actor, slug: "new", title: "New") },
        row("addProduct", .actor, managers) { s in try s.f.community.addProduct(by: s.actor, slug: "vento", name: "Vento") },
        row("addFeature", .actor, managers) { s in try s.f.community.addFeature(by: s.actor, product: "furia", slug: "seat", name: "Seat") },
        row("setSetting", .actor, admins) { s in try s.f.community.setSetting(by: s.actor, key: "flag_threshold", value: "5") },
        row("startThread", .actor, everyone) { s in try s.f.community.startThread(by: s.actor, board: "furia", title: "T", body: "b") },
        row("startThread announcement", .actor, managers) { s in try s.f.community.startThread(by: s.actor, board: "announcements", title: "T", body: "b") },
        row("reply", .actor, everyone) { s in try s.f.community.reply(by: s.actor, thread: s.thread, body: "r") },
        row("reply", .member, everyone) { s in try s.f.community.reply(by: s.actor, thread: s.thread, body: "r") },
        row("reply locked", .member, staff) { s in try s.f.community.reply(by: s.actor, thread: s.locked, body: "r") },
        row("edit", .actor, everyone) { s in try s.f.community.edit(by: s.actor, post: s.post, body: "e") },
        row("edit", .member, staff) { s in try s.f.community.edit(by: s.actor, post: s.post, body: "e") },
        row("edit after the window", .actor, staff, prepare: { s in s.f.clock.advance(by: 25 * 3600) }) { s in
            try s.f.community.edit(by: s.actor, post: s.post, body: "late")
        },
        row("flag", .actor, []) { s in try s.f.community.flag(by: s.actor, post: s.post, reason: .spam) },
        row("flag", .member, everyone) { s in try s.f.community.flag(by: s.actor, post: s.post, reason: .spam) },
        row("flag", .moderator, everyone) { s in try s.f.community.flag(by: s.actor, post: s.post, reason: .spam) },
        row("flagQueue", .member, staff, prepare: flagged) { s in _ = try s.f.community.flagQueue(by: s.actor) },
        row("claim", .member, staff, prepare: flagged) { s in try s.f.community.claim(by: s.actor, post: s.post) },
        row("agree", .actor, staff, prepare: flagged) { s in try s.f.community.agree(by: s.actor, post: s.post, reason: "r") },
        row("agree", .member, staff, prepare: flagged) { s in try s.f.community.agree(by: s.actor, post: s.post, reason: "r") },
        row("agree", .moderator, managers, prepare: flagged) { s in try s.f.community.agree(by: s.actor, post: s.post, reason: "r") },
        row("agree", .manager, managers, prepare: flagged) { s in try s.f.community.agree(by: s.actor, post: s.post, reason: "r") },
        row("disagree", .member, staff, prepare: flagged) { s in try s.f.community.disagree(by: s.actor, post: s.post) },
        row("ignore", .member, staff, prepare: flagged) { s in try s.f.community.ignore(by: s.actor, post: s.post) },
        row("hide post", .actor, staff) { s in try s.f.community.moderatePost(by: s.actor, post: s.post, action: .hide, reason: "r") },
        row("hide post", .member, staff) { s in try s.f.community.moderatePost(by: s.actor, post: s.post, action: .hide, reason: "r") },
        row("hide post", .moderator, managers) { s in try s.f.community.moderatePost(by: s.actor, post: s.post, action: .hide, reason: "r") },
        row("hide post", .manager, managers) { s in try s.f.community.moderatePost(by: s.actor, post: s.post, action: .hide, reason: "r") },
        row("hide post", .admin, admins) { s in try s.f.community.moderatePost(by: s.actor, post: s.post, action: .hide, reason: "r") },
        row("remove post", .member, staff) { s in try s.f.community.moderatePost(by: s.actor, post: s.post, action: .remove, reason: "r") },
        row("remove post", .moderator, managers) { s in try s.f.community.moderatePost(by: s.actor, post: s.post, action: .remove, reason: "r") },
        row("restore post", .member, staff, prepare: hidden) { s in try s.f.community.moderatePost(by: s.actor, post: s.post, action: .restore, reason: "") },
        row("lock", .member, staff) { s in try s.f.community.moderateThread(by: s.actor, thread: s.thread, action: .lock) },
        row("lock", .manager, staff) { s in try s.f.community.moderateThread(by: s.actor, thread: s.thread, action: .lock) },
        row("lock announcement", .manager, managers) { s in try s.f.community.moderateThread(by: s.actor, thread: s.announcement, action: .lock) },
        row("unlock", .member, staff) { s in try s.f.community.moderateThread(by: s.actor, thread: s.locked, action: .unlock) },
        row("pin", .member, staff) { s in try s.f.community.moderateThread(by: s.actor, thread: s.thread, action: .pin) },
        row("unpin", .member, staff, prepare: { s in try s.f.community.moderateThread(by: s.f.admin, thread: s.thread, action: .pin) }) { s in
            try s.f.community.moderateThread(by: s.actor, thread: s.thread, action: .unpin)
        },
        row("move", .member, staff) { s in try s.f.community.moderateThread(by: s.actor, thread: s.thread, action: .move(toBoard: "garage")) },
        row("archive", .member, staff) { s in try s.f.community.moderateThread(by: s.actor, thread: s.thread, action: .archive) },
        row("slowmode", .member, staff) { s in try s.f.community.moderateThread(by: s.actor, thread: s.thread, action: .slowMode(seconds: 60)) },
        row("hide thread", .member, staff) { s in try s.f.community.moderateThread(by: s.actor, thread: s.thread, action: .hide, reason: "r") },
        row("hide thread", .moderator, managers) { s in try s.f.community.moderateThread(by: s.actor, thread: s.thread, action: .hide, reason: "r") },
        row("warn", .actor, []) { s in try s.f.community.warn(by: s.actor, member: s.owner.handle, reason: "r") },
        row("warn", .member, staff) { s in try s.f.community.warn(by: s.actor, member: s.owner.handle, reason: "r") },
        row("warn", .moderator, managers) { s in try s.f.community.warn(by: s.actor, member: s.owner.handle, reason: "r") },
        row("warn", .manager, admins) { s in try s.f.community.warn(by: s.actor, member: s.owner.handle, reason: "r") },
        row("warn", .admin, []) { s in try s.f.community.warn(by: s.actor, member: s.owner.handle, reason: "r") },
        row("silence", .member, staff) { s in try s.f.community.silence(by: s.actor, member: s.owner.handle, until: s.f.clock.now + 60, reason: "r") },
        row("silence", .moderator, managers) { s in try s.f.community.silence(by: s.actor, member: s.owner.handle, until: s.f.clock.now + 60, reason: "r") },
        row("suspend", .member, staff) { s in try s.f.community.suspend(by: s.actor, member: s.owner.handle, until: s.f.clock.now + 60, reason: "r") },
        row("suspend", .manager, admins) { s in try s.f.community.suspend(by: s.actor, member: s.owner.handle, until: s.f.clock.now + 60, reason: "r") },
        row("lift", .member, staff, prepare: silenced) { s in try s.f.community.lift(by: s.actor, member: s.owner.handle) },
        row("lift", .moderator, managers, prepare: silenced) { s in try s.f.community.lift(by: s.actor, member: s.owner.handle) },
        row("conduct", .member, staff) { s in _ = try s.f.community.conduct(of: s.owner.handle, by: s.actor) },
        row("moderationLog", .actor, staff) { s in _ = try s.f.community.moderationLog(viewer: s.actor) },
        row("moderationLog public", .actor, everyone) { s in _ = try s.f.community.moderationLog(viewer: s.actor, public: true) },
    ]

    @Test(arguments: rows)
    func everyRoleGetsExactlyWhatTheRulesAllow(_ row: Row) throws {
        for role in Role.allCases {
            let f = try Fixture()
            let actor = switch role { case .member: f.member; case .moderator: f.moderator; case .manager: f.manager; case .admin: f.admin }
            try f.community.addBoard(by: f.admin, slug: "garage", title: "Garage")
            try f.community.addProduct(by: f.admin, slug: "furia", name: "Furia")
            let mod2 = try f.community.actor(handle: try f.community.addMember(by: f.admin, handle: "mod2", role: .moderator).handle)
            let flagger = try f.community.actor(handle: try f.community.addMember(by: f.admin, handle: "flagger").handle)
            let owner = switch row.owner {
            case .actor: actor
            case .member: f.other
            case .moderator: mod2  // never the acting moderator, "mod"
            case .manager: f.manager
            case .admin: f.admin
            }
            let thread = try f.community.startThread(by: owner, board: "furia", title: "Target", body: "text")
            let post = try f.community.thread(thread.id).posts[0].id
            let announcement = try f.community.startThread(by: f.manager, board: "announcements", title: "News", body: "n")
            let locked = try f.community.startThread(by: f.other, board: "furia", title: "Locked", body: "l")
            try f.community.moderateThread(by: f.admin, thread: locked.id, action: .lock)
            let scene = Scene(f: f, actor: actor, owner: owner, thread: thread.id, post: post, announcement: announcement.id,
                              locked: locked.id, flagger: flagger)
            try row.prepare(scene)
            let before = try f.everything()
            if row.allowed.contains(role) {
                #expect(throws: Never.self, "\(role) should be allowed: \(row.command) on \(row.owner)'s") { try row.run(scene) }
            } else {
                #expect(throws: CommunityError.self, "\(role) should be refused: \(row.command) on \(row.owner)'s") { try row.run(scene) }
                #expect(try f.everything() == before, "a refusal wrote: \(role) \(row.command) on \(row.owner)'s")
            }
        }
    }

    /// Every public method of the service that takes an acting member is in the matrix.
    @Test func theMatrixNamesEveryCommand() {
        let commands = Set(Self.rows.map { $0.command.split(separator: " ")[0] })
        for command in ["addMember", "setRole", "addBoard", "addProduct", "addFeature", "setSetting", "startThread", "reply", "edit",
                        "flag", "flagQueue", "claim", "agree", "disagree", "ignore", "hide", "remove", "restore", "lock", "unlock",
                        "pin", "unpin", "move", "archive", "slowmode", "warn", "silence", "suspend", "lift", "conduct", "moderationLog"] {
            #expect(commands.contains(Substring(command)), "\(command) is missing from the matrix")
        }
    }
}

extension Fixture {
    /// Every row of every table: what "nothing was written" compares, exactly.
    func everything() throws -> String {
        try community.database.writer.read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            return try tables.map { table in
                "\(table):\n" + (try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map(\.description).joined(separator: "\n"))
            }.joined(separator: "\n")
        }
    }
}
