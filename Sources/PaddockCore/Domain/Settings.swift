import Foundation

/// Every key of the `setting` table (key → text), defined once: its name, what
/// it decides, the values it takes and its default. `setting set` and `setting
/// list`, the settings the service reads (``ModerationSettings``,
/// ``ServeSettings``, the milestones) and import's checks all go through it.
public enum Setting: String, CaseIterable, Sendable {
    case flagThreshold = "flag_threshold"
    case newMemberDays = "new_member_days"
    case newMemberThreadsPerDay = "new_member_threads_per_day"
    case newMemberPostInterval = "new_member_post_interval"
    case editWindowHours = "edit_window_hours"
    case modlogPublicNames = "modlog_public_names"
    case signup
    case maxSessions = "max_sessions"
    case maxSessionsPerMember = "max_sessions_per_member"
    case idleTimeoutMinutes = "idle_timeout_minutes"
    case connectionsPerMinute = "connections_per_minute"
    case communityName = "community_name"
    case feedHost = "feed_host"
    /// The host of the addresses mail-out writes (reply+TOKEN@, unsubscribe+TOKEN@, bounce+N@); none: no mail goes out.
    case mailHost = "mail_host"
    /// The From of the mail mail-out sends; none: community@ the mail host.
    case mailFrom = "mail_from"
    /// Changed with `paddock milestones set` (``MilestonePlan``), not `setting set`.
    case milestones

    /// The values a setting takes.
    public enum Values: Equatable, Sendable {
        /// A whole number in a range; the note says what a value in it means ("0 never").
        case number(ClosedRange<Int>, note: String?)
        /// `true` or `false` (typed also as 1/0, yes/no).
        case flag
        /// One of these words (typed in any case).
        case choice([String])
        /// A ``MilestonePlan`` in its setting form, `10/30,50/90,100/180`.
        case milestones
        /// One line of visible text, at most this many characters.
        case text(limit: Int)
        /// A DNS host name, kept lowercased: `community.example.com`.
        case host
        /// A host name as ``host``, or `none`.
        case hostOrNone
        /// An email address (``EmailAddress``), or `none`.
        case addressOrNone
    }

    /// What the setting decides, the values it takes, and the value in force while none is stored.
    private var definition: (about: String, values: Values, defaultValue: String) {
        switch self {
        case .flagThreshold: ("flag weight at which a post is hidden pending review", .number(1...100, note: nil), "3")
        case .newMemberDays: ("days a member counts as new and is rate-limited", .number(0...365, note: "0 turns limits off"), "3")
        case .newMemberThreadsPerDay: ("threads a new member may open in 24 hours", .number(1...100, note: nil), "3")
        case .newMemberPostInterval: ("seconds a new member waits between posts", .number(0...3600, note: nil), "30")
        case .editWindowHours: ("hours after posting that authors may edit", .number(0...8760, note: nil), "24")
        case .modlogPublicNames: ("whether the public moderation log names moderators", .flag, "false")
        case .signup: ("who may join with an unknown key", .choice(SignupPolicy.allCases.map(\.rawValue)), SignupPolicy.closed.rawValue)
        case .maxSessions: ("sessions open at once on the server", .number(1...10_000, note: nil), "200")
        case .maxSessionsPerMember: ("sessions one member may have open at once", .number(1...100, note: nil), "3")
        case .idleTimeoutMinutes: ("minutes without a key press before a session is closed", .number(0...1440, note: "0 never"), "30")
        case .connectionsPerMinute: ("new connections one address may open in a minute", .number(0...100_000, note: "0 no limit"), "30")
        case .milestones: ("the supporters a new suggestion must reach and the days it has for each", .milestones,
                           MilestonePlan.standard.setting)
        case .communityName: ("the community's name, in its feeds' titles", .text(limit: 80), "Paddock")
        case .feedHost: ("the host naming feed entries' ids (tag: URIs) when --base-url does not", .host, "paddock.invalid")
        case .mailHost: ("the host of the reply, unsubscribe and bounce addresses in the mail mail-out sends; none sends no mail",
                         .hostOrNone, "none")
        case .mailFrom: ("the From address of the mail mail-out sends; none for community@ the mail_host", .addressOrNone, "none")
        }
    }

    public var values: Values { definition.values }

    /// The value in force while the table holds none for this key.
    public var defaultValue: String { definition.defaultValue }

    /// What the setting decides and the values it takes, as refusals say it:
    /// "flag weight at which a post is hidden pending review (1–100)".
    public var meaning: String {
        let about = definition.about
        switch values {
        case .number(let range, let note): return "\(about) (\(range.lowerBound)–\(range.upperBound)\(note.map { "; " + $0 } ?? ""))"
        case .flag: return "\(about) (true or false)"
        case .choice(let words): return "\(about): \(words.dropLast().joined(separator: ", ")) or \(words.last ?? "")"
        case .milestones: return "\(about): supporters/days pairs, e.g. \(MilestonePlan.standard.setting)"
        case .text(let limit): return "\(about) (one line, at most \(limit) characters)"
        case .host: return "\(about) (a host name like community.example.com)"
        case .hostOrNone: return "\(about) (a host name like community.example.com, or none)"
        case .addressOrNone: return "\(about) (an address like community@example.com, or none)"
        }
    }

    /// The settings `setting set` changes and `setting list` shows, in the list's order.
    public static let changeable = allCases.filter { $0 != .milestones }

    /// The setting `setting set` changes under a typed key; a refusal names them all.
    public static func changeable(_ key: String) throws(CommunityError) -> Setting {
        guard let setting = Setting(rawValue: key), changeable.contains(setting) else {
            throw .invalid("no setting '\(key)'; settings: \(changeable.map(\.rawValue).sorted().joined(separator: ", "))")
        }
        return setting
    }

    /// A typed value as it will be stored, or a refusal naming the values the setting takes.
    public func validate(_ value: String) throws(CommunityError) -> String {
        switch values {
        case .number(let range, _):
            guard let n = Int(value), range.contains(n) else { throw .invalid("\(rawValue) is \(meaning)") }
            return String(n)
        case .flag:
            switch value.lowercased() {
            case "true", "1", "yes": return "true"
            case "false", "0", "no": return "false"
            default: throw .invalid("\(rawValue) is \(meaning)")
            }
        case .choice(let words):
            guard words.contains(value.lowercased()) else { throw .invalid("\(rawValue) is \(meaning)") }
            return value.lowercased()
        case .milestones:
            return try MilestonePlan(setting: value).setting
        case .text(let limit):
            do { return try Validate.name(value, what: rawValue, limit: limit) } catch { throw .invalid("\(rawValue) is \(meaning)") }
        case .host:
            let host = value.lowercased()
            let labels = host.split(separator: ".", omittingEmptySubsequences: false)
            guard host.count <= 253, labels.allSatisfy({ label in
                (1...63).contains(label.count) && label.first != "-" && label.last != "-"
                    && label.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
            }) else { throw .invalid("\(rawValue) is \(meaning)") }
            return host
        case .hostOrNone:
            if value.lowercased() == "none" { return "none" }
            do { return try Setting.feedHost.validate(value) } catch { throw .invalid("\(rawValue) is \(meaning)") }
        case .addressOrNone:
            if value.lowercased() == "none" { return "none" }
            do { return try EmailAddress.validate(value) } catch { throw .invalid("\(rawValue) is \(meaning)") }
        }
    }

    /// An optional setting's value in force, nil for `none`.
    public func optionalValue(in stored: [String: String]) -> String? {
        let value = value(in: stored)
        return value == "none" ? nil : value
    }

    /// The value in force, from the stored table: the stored value where the
    /// setting accepts it, else the default.
    public func value(in stored: [String: String]) -> String {
        stored[rawValue].flatMap { try? validate($0) } ?? defaultValue
    }

    /// A number setting's value in force.
    func number(in stored: [String: String]) -> Int { Int(value(in: stored)) ?? 0 }

    /// A flag setting's value in force.
    func flag(in stored: [String: String]) -> Bool { value(in: stored) == "true" }
}
