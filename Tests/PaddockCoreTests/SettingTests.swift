import Foundation
import Testing
@testable import PaddockCore

/// The one definition of the `setting` table's keys.
@Suite struct SettingTests {
    /// Refusals name a key's meaning and values in these words.
    @Test func eachKeySaysWhatItDecidesAndTheValuesItTakes() {
        #expect(Dictionary(uniqueKeysWithValues: Setting.changeable.map { ($0.rawValue, $0.meaning) }) == [
            "flag_threshold": "flag weight at which a post is hidden pending review (1–100)",
            "new_member_days": "days a member counts as new and is rate-limited (0–365; 0 turns limits off)",
            "new_member_threads_per_day": "threads a new member may open in 24 hours (1–100)",
            "new_member_post_interval": "seconds a new member waits between posts (0–3600)",
            "edit_window_hours": "hours after posting that authors may edit (0–8760)",
            "modlog_public_names": "whether the public moderation log names moderators (true or false)",
            "signup": "who may join with an unknown key: closed, invite or open",
            "max_sessions": "sessions open at once on the server (1–10000)",
            "max_sessions_per_member": "sessions one member may have open at once (1–100)",
            "idle_timeout_minutes": "minutes without a key press before a session is closed (0–1440; 0 never)",
            "connections_per_minute": "new connections one address may open in a minute (0–100000; 0 no limit)",
            "community_name": "the community's name, in its feeds' titles (one line, at most 80 characters)",
            "feed_host": "the host naming feed entries' ids (tag: URIs) when --base-url does not (a host name like community.example.com)",
            "mail_host": "the host of the reply, unsubscribe and bounce addresses in the mail mail-out sends; none sends no mail (a host name like community.example.com, or none)",
            "mail_from": "the From address of the mail mail-out sends; none for community@ the mail_host (an address like community@example.com, or none)",
        ])
        #expect(!Setting.changeable.contains(.milestones))
    }

    @Test func theDefaultsAreTheSettingsWithNothingStored() {
        let moderation = ModerationSettings()
        #expect([moderation.flagThreshold, moderation.newMemberDays, moderation.newMemberThreadsPerDay,
                 moderation.newMemberPostInterval, moderation.editWindowHours] == [3, 3, 3, 30, 24] as [Int])
        #expect(!moderation.modlogPublicNames)
        let serve = ServeSettings()
        #expect(serve.signup == .closed)
        #expect([serve.maxSessions, serve.maxSessionsPerMember, serve.idleTimeoutMinutes, serve.connectionsPerMinute] == [200, 3, 30, 30] as [Int])
        #expect(Setting.milestones.value(in: [:]) == MilestonePlan.standard.setting)
    }

    @Test func aValueIsStoredAsTheAppWritesItOrRefusedWithTheKeysMeaning() throws {
        #expect(try Setting.flagThreshold.validate("5") == "5")
        #expect(try Setting.modlogPublicNames.validate("YES") == "true")
        #expect(try Setting.signup.validate("OPEN") == "open")
        #expect(try Setting.milestones.validate("5/10, 20/30") == "5/10,20/30")
        #expect(throws: CommunityError.invalid("flag_threshold is flag weight at which a post is hidden pending review (1–100)")) {
            try Setting.flagThreshold.validate("0")
        }
        #expect(throws: CommunityError.invalid("signup is who may join with an unknown key: closed, invite or open")) {
            try Setting.signup.validate("maybe")
        }
        #expect(throws: CommunityError.self) { try Setting.milestones.validate("ten") }
        #expect(try Setting.communityName.validate("  Ardente Riders ") == "Ardente Riders")
        #expect(try Setting.feedHost.validate("Ride.Example.COM") == "ride.example.com")
        for bad in ["", "a b", "-x.example", "x..example", "exa_mple.com", "ride.example.com/", "ríde.example"] {
            #expect(throws: CommunityError.self, "\(bad)") { try Setting.feedHost.validate(bad) }
        }
        #expect(throws: CommunityError.self) { try Setting.communityName.validate("") }
        #expect(throws: CommunityError.self) { try Setting.communityName.validate("two\nlines") }
        #expect(throws: CommunityError.self) { try Setting.communityName.validate(String(repeating: "x", count: 81)) }
    }

    /// `setting set` knows the changeable keys; the milestones have their own command.
    @Test func anUnknownKeyIsRefusedNamingEveryKey() throws {
        #expect(try Setting.changeable("max_sessions") == .maxSessions)
        let refusal = CommunityError.invalid("no setting 'milestones'; settings: community_name, connections_per_minute, edit_window_hours, "
            + "feed_host, flag_threshold, idle_timeout_minutes, mail_from, mail_host, max_sessions, max_sessions_per_member, modlog_public_names, new_member_days, "
            + "new_member_post_interval, new_member_threads_per_day, signup")
        #expect(throws: refusal) { try Setting.changeable("milestones") }
    }

    /// A stored value the setting would refuse keeps the default, whatever the key.
    @Test func theStoredValueIsInForceWhereTheSettingAcceptsIt() {
        let stored = ["flag_threshold": "7", "new_member_days": "9999", "modlog_public_names": "1", "max_sessions": "x", "signup": "invite"]
        let moderation = ModerationSettings(stored: stored)
        #expect(moderation.flagThreshold == 7 && moderation.newMemberDays == 3 && moderation.modlogPublicNames)
        let serve = ServeSettings(stored: stored)
        #expect(serve.maxSessions == 200 && serve.signup == .invite)
    }
}

@Suite struct MailAddressRuleTests {
    @Test func anAddressIsStoredLowercasedAndOnlyInItsPlainForm() throws {
        #expect(try EmailAddress.validate(" Ann.Rossi+moto@Example.ORG ") == "ann.rossi+moto@example.org")
        for bad in ["", "ann", "ann@@example.org", "a@b@example.org", "ann rossi@example.org", "ann@example.org\r\nBcc: x@y.z",
                    "ann@example", "ann@exa_mple.org", ".ann@example.org", "ann..r@example.org", "\"ann\"@example.org",
                    "ànn@example.org", "ann@example.org\u{1B}[2J", String(repeating: "a", count: 65) + "@example.org",
                    "a@" + String(repeating: "b", count: 250) + ".org"] {
            #expect(throws: CommunityError.self, "\(bad)") { try EmailAddress.validate(bad) }
        }
        do {
            _ = try EmailAddress.validate("x@y\u{1B}[31m\nBcc: z@q.r")
        } catch {
            #expect(!error.description.unicodeScalars.contains { $0.value < 0x20 }, "the refusal must be one safe line")
        }
    }

    @Test func mailSettingsFallBackToCommunityAtTheHost() throws {
        #expect(MailSettings().host == nil)
        #expect(MailSettings().from == nil)
        #expect(MailSettings(stored: ["mail_host": "ride.example.com"]).from == "community@ride.example.com")
        #expect(MailSettings(stored: ["mail_host": "ride.example.com", "mail_from": "news@example.com"]).from == "news@example.com")
        #expect(try Setting.mailHost.validate("NONE") == "none")
        #expect(throws: CommunityError.self) { try Setting.mailFrom.validate("two@at@x.org") }
    }
}
