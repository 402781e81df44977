import Foundation
import GRDB
import Testing
@testable import PaddockCore
@testable import PaddockStore

/// Keys, invites and signing up over SSH, through the public service.
@Suite struct ServeStoreTests {
    static func key(_ n: Int) -> MemberKeyLine {
        MemberKeyLine(algorithm: "ssh-ed25519", base64: "AAAAC3NzaC1lZDI1NTE5AAAAI\(n)", comment: "k\(n)", fingerprint: "SHA256:k\(n)")
    }

    @Test func aKeyIsItsMemberAndBelongsToOneMemberOnly() throws {
        let f = try Fixture()
        try f.community.addKey(by: f.admin, to: "marco", key: Self.key(1))
        #expect(try f.community.member(forKey: Self.key(1).identity)?.handle == "marco")
        #expect(try f.community.member(forKey: Self.key(2).identity) == nil)
        let before = try f.everything()
        #expect(throws: CommunityError.invalid("this key already belongs to marco")) {
            try f.community.addKey(by: f.admin, to: "giulia", key: Self.key(1))
        }
        #expect(throws: CommunityError.invalid("marco already has this key")) {
            try f.community.addKey(by: f.member, to: "marco", key: Self.key(1))
        }
        #expect(throws: CommunityError.self) {
            try f.community.addKey(by: f.admin, to: "marco", key: MemberKeyLine(algorithm: "ssh-rsa", base64: "AAAA", comment: "", fingerprint: "x"))
        }
        #expect(try f.everything() == before)
        try f.community.removeKey(by: f.member, from: "marco", fingerprint: "SHA256:k1")
        #expect(try f.community.member(forKey: Self.key(1).identity) == nil)
        #expect(throws: CommunityError.notFound("marco has no key SHA256:k1")) {
            try f.community.removeKey(by: f.member, from: "marco", fingerprint: "SHA256:k1")
        }
    }

    @Test func signupFollowsTheSettingAndRefusalsWriteNothing() throws {
        let f = try Fixture()
        var before = try f.everything()
        #expect(throws: CommunityError.notPermitted("this community is closed to new members; ask an admin to add your key")) {
            try f.community.signUp(handle: "newbie", key: Self.key(1), invite: nil)
        }
        #expect(try f.everything() == before)

        try f.community.setSetting(by: f.admin, key: "signup", value: "invite")
        let invite = try f.community.createInvite(by: f.moderator, uses: 2, expiresIn: 3600)
        before = try f.everything()
        #expect(throws: CommunityError.notPermitted("joining needs an invite code")) {
            try f.community.signUp(handle: "newbie", key: Self.key(1), invite: nil)
        }
        #expect(throws: CommunityError.notFound("no such invite code")) {
            try f.community.signUp(handle: "newbie", key: Self.key(1), invite: "nope-nope-nope")
        }
        #expect(throws: CommunityError.invalid("the handle 'marco' is taken")) {
            try f.community.signUp(handle: "marco", key: Self.key(1), invite: invite.code)
        }
        #expect(try f.everything() == before, "refusals consume no use of the invite")

        let newbie = try f.community.signUp(handle: "Newbie", key: Self.key(1), invite: " " + invite.code.uppercased())
        #expect(newbie.handle == "newbie")
        #expect(newbie.role == .member)
        #expect(try f.community.member(forKey: Self.key(1).identity)?.id == newbie.id)
        #expect(try f.community.invites(by: f.admin).first?.usesLeft == 1)
        #expect(throws: CommunityError.invalid("this key already belongs to newbie")) {
            try f.community.signUp(handle: "other", key: Self.key(1), invite: invite.code)
        }
        try f.community.signUp(handle: "second", key: Self.key(2), invite: invite.code)
        #expect(throws: CommunityError.notPermitted("this invite has been used up")) {
            try f.community.signUp(handle: "third", key: Self.key(3), invite: invite.code)
        }
        #expect(try f.community.invites(by: f.admin).isEmpty)
        #expect(try f.community.invites(by: f.admin, all: true).first?.usedCount == 2)

        let late = try f.community.createInvite(by: f.admin, role: .moderator, uses: 1, expiresIn: 60)
        f.clock.advance(by: 61)
        #expect(throws: CommunityError.self) { try f.community.checkInvite(late.code) }
        #expect(throws: CommunityError.self) { try f.community.signUp(handle: "late", key: Self.key(4), invite: late.code) }

        try f.community.setSetting(by: f.admin, key: "signup", value: "open")
        let open = try f.community.signUp(handle: "walkin", key: Self.key(5), invite: nil)
        #expect(open.role == .member)
    }

    @Test func serveSettingsAreValidatedAndListed() throws {
        let f = try Fixture()
        #expect(try f.community.serveSettings() == ServeSettings())
        try f.community.setSetting(by: f.admin, key: "max_sessions", value: "50")
        try f.community.setSetting(by: f.admin, key: "signup", value: "OPEN")
        #expect(try f.community.serveSettings().maxSessions == 50)
        #expect(try f.community.serveSettings().signup == .open)
        #expect(throws: CommunityError.invalid("signup is who may join with an unknown key: closed, invite or open")) {
            try f.community.setSetting(by: f.admin, key: "signup", value: "maybe")
        }
        #expect(throws: CommunityError.self) { try f.community.setSetting(by: f.admin, key: "idle_timeout_minutes", value: "-1") }
        #expect(throws: CommunityError.notPermitted("only admins can change settings")) {
            try f.community.setSetting(by: f.moderator, key: "signup", value: "open")
        }
    }

    @Test func inviteCodesAreReadableAndNormalised() {
        var generator = SystemRandomNumberGenerator()
        let code = InviteCode.generate(using: &generator)
        #expect(code.count == 14)
        #expect(InviteCode.normalise(" \(code.uppercased()) ") == code)
        #expect(InviteCode.normalise("") == nil)
        #expect(InviteCode.normalise("drop table;") == nil)
    }
}
