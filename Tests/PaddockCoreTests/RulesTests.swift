import Foundation
import Testing
@testable import PaddockCore

private let now = Date(timeIntervalSince1970: 1_780_000_000)
private func actor(_ role: Role, _ standing: Standing = .active, id: Int64 = 1) -> Actor {
    Actor(id: id, handle: "rider", role: role, standing: standing)
}

@Suite struct RoleTests {
    @Test func rolesIncludeTheOnesBefore() {
        #expect(Role.member < .moderator && Role.moderator < .manager && Role.manager < .admin)
        #expect(Role.manager.isStaff && Role.admin.isStaff)
        #expect(!Role.moderator.isStaff)
    }
}

@Suite struct PermissionTests {
    @Test(arguments: Role.allCases)
    func onlyManagersAndUpPostAnnouncements(role: Role) {
        let result = Result { () throws(CommunityError) in
            try Rules.startThread(by: actor(role), kind: .announcement, now: now)
        }
        if role >= .manager {
            #expect(throws: Never.self) { try result.get() }
        } else {
            #expect(throws: CommunityError.notPermitted("only managers and admins can post announcements; rider is a \(role.rawValue)")) {
                try result.get()
            }
        }
    }

    @Test func anyoneActiveStartsADiscussion() throws {
        try Rules.startThread(by: actor(.member), kind: .discussion, now: now)
    }

    @Test func onlyAdminsAddMembersAndBoards() throws {
        for role in [Role.member, .moderator, .manager] {
            #expect(throws: CommunityError.self) { try Rules.addMember(by: actor(role)) }
            #expect(throws: CommunityError.self) { try Rules.addBoard(by: actor(role)) }
        }
        try Rules.addMember(by: actor(.admin))
        try Rules.addBoard(by: actor(.admin))
    }

    @Test func anAdminCannotLowerTheirOwnRole() throws {
        #expect(throws: CommunityError.notPermitted("admins cannot lower their own role; ask another admin")) {
            try Rules.setRole(by: actor(.admin, id: 7), of: 7, to: .member)
        }
        try Rules.setRole(by: actor(.admin, id: 7), of: 8, to: .member)
    }

    @Test func lockedThreadsTakeRepliesOnlyFromModerators() throws {
        let locked = ThreadFacts(kind: .discussion, locked: true)
        #expect(throws: CommunityError.notPermitted("the thread is locked: only moderators can reply")) {
            try Rules.reply(by: actor(.member), in: locked, now: now)
        }
        try Rules.reply(by: actor(.moderator), in: locked, now: now)
    }

    @Test func archivedThreadsTakeNoReplies() {
        #expect(throws: CommunityError.self) {
            try Rules.reply(by: actor(.admin), in: ThreadFacts(kind: .discussion, archived: true), now: now)
        }
    }

    @Test func membersEditOnlyTheirOwnPosts() throws {
        let thread = ThreadFacts(kind: .discussion)
        try Rules.edit(by: actor(.member, id: 3), postAuthorID: 3, thread: thread, now: now)
        #expect(throws: CommunityError.notPermitted("you can only edit your own posts")) {
            try Rules.edit(by: actor(.member, id: 3), postAuthorID: 4, thread: thread, now: now)
        }
        try Rules.edit(by: actor(.moderator, id: 3), postAuthorID: 4, thread: thread, now: now)
    }

    @Test func aSilencedMemberCannotPostUntilTheSilenceEnds() throws {
        let until = now.addingTimeInterval(3600)
        let silenced = actor(.member, .silenced(until: until))
        #expect(throws: CommunityError.notPermitted("rider is silenced until \(TimeText.describe(until)) and cannot post until then")) {
            try Rules.reply(by: silenced, in: ThreadFacts(kind: .discussion), now: now)
        }
        // The moment it ends, they may post again.
        try Rules.reply(by: silenced, in: ThreadFacts(kind: .discussion), now: until)
    }

    @Test func hiddenTextIsForModerators() {
        #expect(!Rules.seesHiddenText(.member))
        #expect(Rules.seesHiddenText(.moderator))
    }
}

@Suite struct ValidationTests {
    @Test func titlesAreTrimmedAndBounded() throws {
        #expect(try Validate.title("  Seat height  ") == "Seat height")
        #expect(throws: CommunityError.invalid("the title is empty")) { try Validate.title("   ") }
        #expect(throws: CommunityError.invalid("the title is 121 characters; the limit is 120")) {
            try Validate.title(String(repeating: "é", count: 121))
        }
        #expect(try Validate.title(String(repeating: "é", count: 120)).count == 120)
        for broken in ["line1\nline2", "line1\r\nline2", "a\u{2028}b"] {
            #expect(throws: CommunityError.invalid("the title must be one line")) { try Validate.title(broken) }
        }
    }

    @Test func bodiesAreBoundedInBytesAndKeptAsWritten() throws {
        #expect(try Validate.body("  keep my spacing\n") == "  keep my spacing\n")
        #expect(throws: CommunityError.invalid("the post is empty")) { try Validate.body("\n\t ") }
        let limit = String(repeating: "a", count: 64 * 1024)
        #expect(try Validate.body(limit).utf8.count == 65536)
        #expect(throws: CommunityError.invalid("the post is 65537 bytes; the limit is 65536 bytes (64 KiB)")) {
            try Validate.body(limit + "a")
        }
    }

    @Test(arguments: ["ab", "marco.rossi", "sato_ken", "rider-42", "MixedCase"])
    func goodHandles(handle: String) throws {
        #expect(try Validate.handle(handle) == handle.lowercased())
    }

    @Test(arguments: ["a", "", "-lead", ".dot", "has space", "ünï", "x@y", String(repeating: "a", count: 33)])
    func badHandles(handle: String) {
        #expect(throws: CommunityError.self) { try Validate.handle(handle) }
    }

    @Test func slugs() throws {
        #expect(try Validate.slug("Furia-950") == "furia-950")
        #expect(throws: CommunityError.self) { try Validate.slug("no_underscores") }
        #expect(throws: CommunityError.self) { try Validate.slug("") }
    }
}

@Suite struct StandingTests {
    @Test func penaltiesEndByThemselves() {
        let until = now.addingTimeInterval(60)
        #expect(Standing.suspended(until: until).current(at: now) == .suspended(until: until))
        #expect(Standing.suspended(until: until).current(at: until) == .active)
        #expect(Standing(kind: "silenced", until: until) == .silenced(until: until))
        #expect(Standing(kind: "silenced", until: nil) == .active)
    }

    /// One rule for every front end that opens the community: a suspension
    /// refuses until it ends, a silence does not.
    @Test func onlyASuspensionKeepsAMemberFromOpeningTheCommunity() throws {
        let until = now.addingTimeInterval(60)
        let luca = Actor(id: 7, handle: "luca", role: .member, standing: .suspended(until: until))
        #expect(throws: CommunityError.notPermitted("luca is suspended until \(TimeText.describe(until))")) {
            try Rules.mayOpen(luca, at: now)
        }
        try Rules.mayOpen(luca, at: until)
        try Rules.mayOpen(Actor(id: 8, handle: "sara", role: .member, standing: .silenced(until: until)), at: now)
    }
}

@Suite struct ArticleTests {
    /// "only admins can invite a admin" read wrong: every role takes its article.
    @Test func refusalsUseTheRightArticle() {
        #expect(Role.allCases.map(\.withArticle) == ["a member", "a moderator", "a manager", "an admin"])
        #expect(throws: CommunityError.notPermitted("only admins can invite an admin")) {
            try Rules.invite(by: actor(.manager), role: .admin, now: now)
        }
        #expect(throws: CommunityError.notPermitted("only admins can invite a moderator")) {
            try Rules.invite(by: actor(.moderator), role: .moderator, now: now)
        }
    }
}
