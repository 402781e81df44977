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
        /// A suggestion by the owner, tagged to furia's exhaust, in the Ideas Lab.
        let suggestion: Int64
        /// Another open suggestion about furia, by a plain member who is never the actor.
        let target: Int64
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

    /// The actor's standing, set in the database: no role, not even an admin's, escapes it.
    static func standing(_ standing: String) -> @Sendable (Scene) throws -> Void {
        { s in
            try s.f.community.database.writer.write { db in
                try db.execute(sql: "UPDATE member SET standing = ?, standingUntil = ? WHERE id = ?",
                               arguments: [standing, s.f.clock.now + 86_400, s.actor.id])
            }
        }
    }
    static let suspendedActor = standing("suspended")
    static let silencedActor = standing("silenced")
    /// Past the first milestone's deadline with too few supporters: the suggestions expire.
    static let expired: @Sendable (Scene) throws -> Void = { s in
        s.f.clock.advance(by: 31 * 86_400)
        try s.f.community.maintenance()
    }
    static let supporting: @Sendable (Scene) throws -> Void = { s in try s.f.community.support(by: s.actor, suggestion: s.suggestion) }
    static let actorHasEmail: @Sendable (Scene) throws -> Void = { s in
        try s.f.community.setEmail(by: s.actor, member: s.actor.handle, address: "actor@example.org")
    }
    static let ownerHasEmail: @Sendable (Scene) throws -> Void = { s in
        try s.f.community.setEmail(by: s.owner, member: s.owner.handle, address: "owner@example.org")
    }
    static let riding: @Sendable (Scene) throws -> Void = { s in try s.f.community.setRides(by: s.actor, product: "furia", rides: true) }
    static let hiddenSuggestion: @Sendable (Scene) throws -> Void = { s in
        try s.f.community.moderateThread(by: s.f.admin, thread: s.suggestion, action: .hide, reason: "r")
    }

    static let rows: [Row] = [
        row("addMember", .actor, admins) { s in try s.f.community.addMember(by: s.actor, handle: "newcomer") },
        row("setRole", .actor, []) { s in try s.f.community.setRole(by: s.actor, handle: s.actor.handle, role: .member == s.actor.role ? .moderator : .member) },
        row("setRole", .member, admins) { s in try s.f.community.setRole(by: s.actor, handle: s.owner.handle, role: .moderator) },
        row("addBoard", .actor, admins) { s in try s.f.community.addBoard(by: s.actor, slug: "new", title: "New") },
        row("importMail", .actor, admins) { s in
            let path = NSTemporaryDirectory() + "paddock-matrix-\(UUID().uuidString).mbox"
            try "From a@b Thu Dec  3 09:00:00 2026\nFrom: a@b\nSubject: s\n\nb\n".write(toFile: path, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: path) }
            _ = try s.f.community.importMail(by: s.actor, sources: [.mbox(path)], board: "furia")
        },
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
        row("undoReview", .member, staff, prepare: { s in
            try flagged(s)
            if s.actor.role >= .moderator { try s.f.community.ignore(by: s.actor, post: s.post) }
        }) { s in try s.f.community.undoReview(by: s.actor, post: s.post) },
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
        // Reputation: profiles open for everyone (conduct only shows to staff); helpful marks are the thread author's.
        row("memberProfile", .member, everyone) { s in _ = try s.f.community.memberProfile(of: s.owner.handle, viewer: s.actor) },
        row("markHelpful", .actor, everyone, prepare: replied) { s in try s.f.community.markHelpful(by: s.actor, post: try firstReply(s)) },
        row("markHelpful", .member, [], prepare: replied) { s in try s.f.community.markHelpful(by: s.actor, post: try firstReply(s)) },
        row("markHelpful own", .actor, []) { s in try s.f.community.markHelpful(by: s.actor, post: s.post) },
        row("unmarkHelpful", .actor, everyone, prepare: markedHelpful) { s in try s.f.community.unmarkHelpful(by: s.actor, post: try firstReply(s)) },
        row("unmarkHelpful", .member, [], prepare: markedHelpful) { s in try s.f.community.unmarkHelpful(by: s.actor, post: try firstReply(s)) },
        row("moderationLog", .actor, staff) { s in _ = try s.f.community.moderationLog(viewer: s.actor) },
        row("moderationLog public", .actor, everyone) { s in _ = try s.f.community.moderationLog(viewer: s.actor, public: true) },
        row("thread", .member, everyone) { s in _ = try s.f.community.thread(s.thread, viewer: s.actor) },
        row("thread hidden", .member, staff, prepare: { s in try s.f.community.moderateThread(by: s.f.admin, thread: s.thread, action: .hide, reason: "r") }) { s in
            _ = try s.f.community.thread(s.thread, viewer: s.actor)
        },
        row("revisionHistory", .member, everyone) { s in _ = try s.f.community.revisionHistory(of: s.post, viewer: s.actor) },
        row("revisionHistory hidden", .actor, staff, prepare: hidden) { s in _ = try s.f.community.revisionHistory(of: s.post, viewer: s.actor) },
        // Co-creation: suggestions, support, the lifecycle and the catalog.
        row("suggest", .actor, everyone) { s in try s.f.community.suggest(by: s.actor, product: "furia", features: ["exhaust"], title: "Idea", body: "b") },
        row("suggest silenced", .actor, [], prepare: silencedActor) { s in
            try s.f.community.suggest(by: s.actor, product: "furia", features: ["exhaust"], title: "Idea", body: "b")
        },
        row("suggest suspended", .actor, [], prepare: suspendedActor) { s in
            try s.f.community.suggest(by: s.actor, product: "furia", features: ["exhaust"], title: "Idea", body: "b")
        },
        row("resubmit", .actor, everyone, prepare: expired) { s in try s.f.community.resubmit(by: s.actor, suggestion: s.suggestion) },
        row("resubmit", .member, [], prepare: expired) { s in try s.f.community.resubmit(by: s.actor, suggestion: s.suggestion) },
        row("support", .actor, []) { s in try s.f.community.support(by: s.actor, suggestion: s.suggestion) },
        row("support", .member, everyone) { s in try s.f.community.support(by: s.actor, suggestion: s.suggestion) },
        row("support", .admin, [.member, .moderator, .manager]) { s in try s.f.community.support(by: s.actor, suggestion: s.suggestion) },
        row("support silenced", .member, everyone, prepare: silencedActor) { s in try s.f.community.support(by: s.actor, suggestion: s.suggestion) },
        row("support suspended", .member, [], prepare: suspendedActor) { s in try s.f.community.support(by: s.actor, suggestion: s.suggestion) },
        row("support expired", .member, [], prepare: expired) { s in try s.f.community.support(by: s.actor, suggestion: s.suggestion) },
        row("withdrawSupport", .actor, []) { s in try s.f.community.withdrawSupport(by: s.actor, suggestion: s.suggestion) },
        row("withdrawSupport", .member, everyone, prepare: supporting) { s in try s.f.community.withdrawSupport(by: s.actor, suggestion: s.suggestion) },
        row("withdrawSupport suspended", .member, [], prepare: { s in try supporting(s); try suspendedActor(s) }) { s in
            try s.f.community.withdrawSupport(by: s.actor, suggestion: s.suggestion)
        },
        row("changeStatus", .actor, managers) { s in
            try s.f.community.changeStatus(by: s.actor, suggestion: s.suggestion, to: .underReview, response: "r")
        },
        row("changeStatus", .member, managers) { s in
            try s.f.community.changeStatus(by: s.actor, suggestion: s.suggestion, to: .planned, response: "r")
        },
        row("changeStatus", .admin, managers) { s in
            try s.f.community.changeStatus(by: s.actor, suggestion: s.suggestion, to: .declined, response: "r")
        },
        row("merge", .actor, managers) { s in try s.f.community.merge(by: s.actor, duplicate: s.suggestion, into: s.target, response: "r") },
        row("merge", .member, managers) { s in try s.f.community.merge(by: s.actor, duplicate: s.suggestion, into: s.target, response: "r") },
        row("maintenance", .member, everyone, prepare: { s in s.f.clock.advance(by: 31 * 86_400) }) { s in _ = try s.f.community.maintenance() },
        row("setMilestones", .actor, admins) { s in try s.f.community.setMilestones(by: s.actor, try MilestonePlan(setting: "5/10")) },
        row("milestonePlan", .actor, everyone) { s in _ = try s.f.community.milestonePlan() },
        row("editProduct", .actor, managers) { s in try s.f.community.editProduct(by: s.actor, product: "furia", name: "Furia 2", description: "d") },
        row("editFeature", .actor, managers) { s in
            try s.f.community.editFeature(by: s.actor, product: "furia", feature: "exhaust", name: "Pipes", description: "d")
        },
        row("retireFeature", .actor, managers) { s in try s.f.community.retireFeature(by: s.actor, product: "furia", feature: "exhaust") },
        row("retireProduct", .actor, managers) { s in try s.f.community.retireProduct(by: s.actor, product: "furia") },
        row("reviewQueue", .actor, managers) { s in _ = try s.f.community.reviewQueue(by: s.actor) },
        row("suggestion", .member, everyone) { s in _ = try s.f.community.suggestion(s.suggestion, viewer: s.actor) },
        row("suggestion", .actor, everyone) { s in _ = try s.f.community.suggestion(s.suggestion, viewer: s.actor) },
        row("suggestion hidden", .member, staff, prepare: hiddenSuggestion) { s in _ = try s.f.community.suggestion(s.suggestion, viewer: s.actor) },
        row("suggestions", .member, everyone) { s in _ = try s.f.community.suggestions(product: "furia") },
        row("suggestionSummaries", .member, everyone) { s in _ = try s.f.community.suggestionSummaries(ids: [s.suggestion]) },
        row("supporters", .member, everyone) { s in _ = try s.f.community.supporters(of: s.suggestion) },
        row("roadmap", .actor, everyone) { s in _ = try s.f.community.roadmap(product: "furia") },
        // Everyone may ask; what each role sees of it is StatsTests'.
        row("stats", .actor, everyone) { s in _ = try s.f.community.stats(by: s.actor, StatsQuery(period: .last(30, endingAt: s.f.clock.now))) },
        row("similarSuggestions", .member, everyone) { s in _ = try s.f.community.similarSuggestions(to: "Target idea", product: "furia") },
        // Inbox, watch and mute: each member's own, whatever their role; a suspension stops them, a silence doesn't.
        row("markNotificationRead", .actor, everyone, prepare: repliedTo) { s in
            try s.f.community.markNotificationRead(by: s.actor, notification: try s.f.community.inbox(for: s.owner)[0].id)
        },
        row("markNotificationRead", .member, [], prepare: repliedTo) { s in
            try s.f.community.markNotificationRead(by: s.actor, notification: try s.f.community.inbox(for: s.owner)[0].id)
        },
        row("markAllNotificationsRead", .actor, everyone, prepare: repliedTo) { s in try s.f.community.markAllNotificationsRead(by: s.actor) },
        row("watch", .member, everyone) { s in try s.f.community.watch(by: s.actor, thread: s.thread) },
        row("watch suspended", .member, [], prepare: suspendedActor) { s in try s.f.community.watch(by: s.actor, thread: s.thread) },
        row("watch silenced", .member, everyone, prepare: silencedActor) { s in try s.f.community.watch(by: s.actor, thread: s.thread) },
        row("muteThread suspended", .member, [], prepare: suspendedActor) { s in try s.f.community.muteThread(by: s.actor, thread: s.thread) },
        row("muteMember suspended", .member, [], prepare: suspendedActor) { s in try s.f.community.muteMember(by: s.actor, handle: s.owner.handle) },
        row("markAllNotificationsRead suspended", .actor, [], prepare: { s in try repliedTo(s); try suspendedActor(s) }) { s in
            try s.f.community.markAllNotificationsRead(by: s.actor)
        },
        row("markAllNotificationsRead silenced", .actor, everyone, prepare: { s in try repliedTo(s); try silencedActor(s) }) { s in
            try s.f.community.markAllNotificationsRead(by: s.actor)
        },
        row("addKey suspended", .actor, [], prepare: suspendedActor) { s in try s.f.community.addKey(by: s.actor, to: s.actor.handle, key: testKey) },
        row("addKey silenced", .actor, everyone, prepare: silencedActor) { s in try s.f.community.addKey(by: s.actor, to: s.actor.handle, key: testKey) },
        row("watch hidden", .member, staff, prepare: { s in try s.f.community.moderateThread(by: s.f.admin, thread: s.thread, action: .hide, reason: "r") }) { s in
            try s.f.community.watch(by: s.actor, thread: s.thread)
        },
        row("unwatch", .actor, everyone) { s in try s.f.community.unwatch(by: s.actor, thread: s.thread) },
        row("muteThread", .member, everyone) { s in try s.f.community.muteThread(by: s.actor, thread: s.thread) },
        row("muteThread hidden", .member, staff, prepare: { s in try s.f.community.moderateThread(by: s.f.admin, thread: s.thread, action: .hide, reason: "r") }) { s in
            try s.f.community.muteThread(by: s.actor, thread: s.thread)
        },
        row("unmuteThread", .member, everyone) { s in try s.f.community.unmuteThread(by: s.actor, thread: s.thread) },
        row("muteMember", .member, everyone) { s in try s.f.community.muteMember(by: s.actor, handle: s.owner.handle) },
        row("muteMember", .admin, [.member, .moderator, .manager]) { s in try s.f.community.muteMember(by: s.actor, handle: s.owner.handle) },
        row("muteMember", .actor, []) { s in try s.f.community.muteMember(by: s.actor, handle: s.actor.handle) },
        row("unmuteMember", .member, everyone) { s in try s.f.community.unmuteMember(by: s.actor, handle: s.owner.handle) },
        // Serving over SSH: keys and invites.
        row("addKey", .actor, everyone) { s in try s.f.community.addKey(by: s.actor, to: s.actor.handle, key: testKey) },
        row("addKey", .member, admins) { s in try s.f.community.addKey(by: s.actor, to: s.owner.handle, key: testKey) },
        row("keys", .actor, everyone) { s in _ = try s.f.community.keys(of: s.actor.handle, by: s.actor) },
        row("keys", .member, admins) { s in _ = try s.f.community.keys(of: s.owner.handle, by: s.actor) },
        row("removeKey", .actor, everyone, prepare: { s in try s.f.community.addKey(by: s.f.admin, to: s.actor.handle, key: testKey) }) { s in
            try s.f.community.removeKey(by: s.actor, from: s.actor.handle, fingerprint: testKey.fingerprint)
        },
        row("removeKey", .member, admins, prepare: { s in try s.f.community.addKey(by: s.f.admin, to: s.owner.handle, key: testKey) }) { s in
            try s.f.community.removeKey(by: s.actor, from: s.owner.handle, fingerprint: testKey.fingerprint)
        },
        row("createInvite", .actor, staff) { s in try s.f.community.createInvite(by: s.actor) },
        row("createInvite moderator", .actor, admins) { s in try s.f.community.createInvite(by: s.actor, role: .moderator) },
        row("createInvite suspended", .actor, [], prepare: suspendedActor) { s in try s.f.community.createInvite(by: s.actor) },
        row("invites", .actor, staff) { s in _ = try s.f.community.invites(by: s.actor) },
        // Everyone searches; what hidden and removed text each role finds is SearchTests' business.
        row("search", .member, everyone) { s in _ = try s.f.community.search("target", viewer: s.actor) },
        row("searchSQL", .member, everyone) { s in _ = try s.f.community.searchSQL("target", viewer: s.actor) },
        // Concept polls: managers start and close them; everyone votes and reads them; a hidden one is no poll to members.
        row("startPoll", .actor, managers) { s in
            try s.f.community.startPoll(by: s.actor, board: "furia", title: "P", intro: "i", question: .choice(options: ["a", "b"], multiple: false))
        },
        row("startPoll features", .actor, managers) { s in
            try s.f.community.startPoll(by: s.actor, board: "furia", title: "P", intro: "i", question: .features(product: "furia", features: ["exhaust"]))
        },
        row("vote", .manager, everyone, prepare: pollStarted) { s in try s.f.community.vote(by: s.actor, poll: try poll(s), ballot: .choices([1])) },
        row("vote suspended", .manager, [], prepare: { s in try pollStarted(s); try suspendedActor(s) }) { s in
            try s.f.community.vote(by: s.actor, poll: try poll(s), ballot: .choices([1]))
        },
        row("vote hidden", .manager, staff, prepare: { s in
            try pollStarted(s)
            try s.f.community.moderateThread(by: s.f.admin, thread: try poll(s), action: .hide, reason: "r")
        }) { s in try s.f.community.vote(by: s.actor, poll: try poll(s), ballot: .choices([1])) },
        row("closePoll", .manager, managers, prepare: pollStarted) { s in try s.f.community.closePoll(by: s.actor, poll: try poll(s)) },
        row("poll", .manager, everyone, prepare: pollStarted) { s in _ = try s.f.community.poll(try poll(s), viewer: s.actor) },
        // Comments on a feature poll are read by managers and the poll's author (the author here is the fixture's manager).
        row("poll comments", .actor, managers, prepare: featurePollStarted) { s in
            guard try s.f.community.poll(try poll(s), viewer: s.actor, comments: 3).comments != nil else { throw CommunityError.notPermitted("no comments") }
        },
        // Ratings: anyone says they ride a product and then rates its features; nobody rates one they do not ride.
        row("setEmail", .actor, everyone) { s in try s.f.community.setEmail(by: s.actor, member: s.actor.handle, address: "me@example.org") },
        row("setEmail", .member, admins) { s in try s.f.community.setEmail(by: s.actor, member: s.owner.handle, address: "them@example.org") },
        row("memberMail", .actor, everyone) { s in _ = try s.f.community.memberMail(of: s.actor.handle, viewer: s.actor) },
        row("memberMail", .member, admins, prepare: ownerHasEmail) { s in _ = try s.f.community.memberMail(of: s.owner.handle, viewer: s.actor) },
        row("setMailChoices", .actor, everyone, prepare: actorHasEmail) { s in
            try s.f.community.setMailChoices(by: s.actor, member: s.actor.handle, mentions: false, digest: .daily)
        },
        row("setMailChoices", .member, admins, prepare: ownerHasEmail) { s in
            try s.f.community.setMailChoices(by: s.actor, member: s.owner.handle, mentions: false)
        },
        row("clearEmail", .actor, everyone, prepare: actorHasEmail) { s in try s.f.community.clearEmail(by: s.actor, member: s.actor.handle) },
        row("clearEmail", .member, admins, prepare: ownerHasEmail) { s in try s.f.community.clearEmail(by: s.actor, member: s.owner.handle) },
        row("setRides", .actor, everyone) { s in try s.f.community.setRides(by: s.actor, product: "furia", rides: true) },
        row("setRides suspended", .actor, [], prepare: suspendedActor) { s in try s.f.community.setRides(by: s.actor, product: "furia", rides: true) },
        row("rate", .actor, everyone, prepare: riding) { s in try s.f.community.rate(by: s.actor, product: "furia", feature: "exhaust", stars: 4) },
        row("rate not riding", .actor, []) { s in try s.f.community.rate(by: s.actor, product: "furia", feature: "exhaust", stars: 4) },
        row("rate silenced", .actor, [], prepare: { s in try riding(s); try silencedActor(s) }) { s in
            try s.f.community.rate(by: s.actor, product: "furia", feature: "exhaust", stars: 4)
        },
        row("featureRatings", .actor, everyone) { s in _ = try s.f.community.featureRatings(product: "furia", feature: "exhaust", viewer: s.actor) },
        row("forYou", .actor, everyone) { s in _ = try s.f.community.forYou(viewer: s.actor) },
        row("forYou suspended", .actor, everyone, prepare: suspendedActor) { s in _ = try s.f.community.forYou(viewer: s.actor) },
    ]

    /// A choice poll by the fixture's manager in the furia board.
    static let pollStarted: @Sendable (Scene) throws -> Void = { s in
        try s.f.community.startPoll(by: s.f.manager, board: "furia", title: "Poll", intro: "i", question: .choice(options: ["a", "b"], multiple: false))
    }
    /// A feature poll by the fixture's manager in the furia board.
    static let featurePollStarted: @Sendable (Scene) throws -> Void = { s in
        try s.f.community.startPoll(by: s.f.manager, board: "furia", title: "Poll", intro: "i", question: .features(product: "furia", features: ["exhaust"]))
    }
    static func poll(_ s: Scene) throws -> Int64 {
        try s.f.community.database.writer.read { db in try Int64.fetchOne(db, sql: "SELECT MAX(threadId) FROM poll")! }
    }
    /// The flagger replied in the owner's thread.
    static let replied: @Sendable (Scene) throws -> Void = { s in _ = try s.f.community.reply(by: s.flagger, thread: s.thread, body: "helpful") }
    /// …and the owner marked that reply helpful.
    static let markedHelpful: @Sendable (Scene) throws -> Void = { s in
        try replied(s)
        try s.f.community.markHelpful(by: s.owner, post: try firstReply(s))
    }
    static func firstReply(_ s: Scene) throws -> Int64 { try s.f.community.thread(s.thread, from: 1, limit: 1).posts[0].id }

    /// The owner's thread has a reply by someone else: a notification in the owner's inbox.
    static let repliedTo: @Sendable (Scene) throws -> Void = { s in try s.f.community.reply(by: s.flagger, thread: s.thread, body: "r") }

    static let testKey = MemberKeyLine(algorithm: "ssh-ed25519", base64: "AAAAC3NzaC1lZDI1NTE5AAAAIDZ5rsKSnlIFm2EmJMMSjrnbtB8T3o61X6S4Q3qD3Cd7",
                                       comment: "test", fingerprint: "SHA256:test")

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
            try f.community.addBoard(by: f.admin, slug: "ideas", title: "Ideas Lab", threadKind: .suggestion)
            try f.community.addFeature(by: f.admin, product: "furia", slug: "exhaust", name: "Exhaust")
            try f.community.addFeature(by: f.admin, product: "furia", slug: "dash", name: "Dash")
            let suggestion = try f.community.suggest(by: owner, product: "furia", features: ["exhaust"], title: "Target idea", body: "text")
            let target = try f.community.suggest(by: flagger, product: "furia", features: ["dash", "exhaust"], title: "Other idea", body: "more")
            let scene = Scene(f: f, actor: actor, owner: owner, thread: thread.id, post: post, announcement: announcement.id,
                              locked: locked.id, flagger: flagger, suggestion: suggestion.id, target: target.id)
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
                        "pin", "unpin", "move", "archive", "slowmode", "warn", "silence", "suspend", "lift", "conduct", "moderationLog",
                        "suggest", "resubmit", "support", "withdrawSupport", "changeStatus", "merge", "maintenance", "setMilestones",
                        "milestonePlan", "editProduct", "editFeature", "retireFeature", "retireProduct", "reviewQueue", "suggestion",
                        "suggestions", "suggestionSummaries", "supporters", "roadmap", "similarSuggestions", "thread", "revisionHistory",
                        "markNotificationRead", "markAllNotificationsRead", "watch", "unwatch", "muteThread", "unmuteThread",
                        "muteMember", "unmuteMember", "search", "importMail",
                        "memberProfile", "markHelpful", "unmarkHelpful"] {
            #expect(commands.contains(Substring(command)), "\(command) is missing from the matrix")
        }
    }

    /// Every public method of the store that takes an acting member or a viewer
    /// (found in the sources, so a command added later without a row fails here)
    /// has a row. The two moderation verbs are rows per action.
    @Test func everyActingMethodInTheSourcesHasARow() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/PaddockStore").standardizedFileURL
        let files = try FileManager.default.contentsOfDirectory(at: sources, includingPropertiesForKeys: nil).filter { $0.pathExtension == "swift" }
        let pattern = try NSRegularExpression(pattern: #"public func (\w+)\([^)]*\b(by actor|by viewer|viewer):"#)
        var methods: Set<String> = []
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                methods.insert(String(text[Range(match.range(at: 1), in: text)!]))
            }
        }
        #expect(methods.count > 30, "the scan found too few methods in \(sources.path)")
        let commands = Set(Self.rows.map { String($0.command.split(separator: " ")[0]) })
        let rowsFor = ["moderatePost": ["hide", "remove", "restore"], "moderateThread": ["lock", "unlock", "pin", "unpin", "move", "archive"]]
        for method in methods.sorted() {
            for command in rowsFor[method] ?? [method] {
                #expect(commands.contains(command), "\(method) has no row in the permission matrix")
            }
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
