import Foundation

/// How often a member gets a digest of what happened while they were away.
public enum MailDigest: String, CaseIterable, Codable, Sendable {
    case never, daily, weekly

    /// The time a digest covers, and the wait from one to the next.
    public var period: TimeInterval? {
        switch self {
        case .never: nil
        case .daily: 86_400
        case .weekly: 7 * 86_400
        }
    }

    /// The digest a typed word names, or a refusal naming the three.
    public static func parse(_ word: String) throws(CommunityError) -> MailDigest {
        guard let digest = MailDigest(rawValue: word.lowercased()) else {
            throw .invalid("digest is daily, weekly or never, not '\(SafeText.displayable(word))'")
        }
        return digest
    }
}

/// The kinds of mail `mail-out` writes, as the `mailOut` table names them.
/// A notice is one notification of the inbox sent at once; a digest gathers.
public enum MailKind: String, CaseIterable, Codable, Sendable {
    case mention, reply, status, digest

    /// The notice kind a notification is sent as, nil for kinds never mailed
    /// (watched threads and moderation stay in the inbox). A milestone (review
    /// reached, expired) is news of the suggestion's status.
    public static func notice(for kind: NotificationKind) -> MailKind? {
        switch kind {
        case .mention: .mention
        case .reply: .reply
        case .status, .milestone: .status
        case .watched, .moderation: nil
        }
    }
}

/// A member's choices about mail, as `paddock member mail` shows and changes them.
public struct MailChoices: Codable, Equatable, Sendable {
    public var mentions: Bool
    public var replies: Bool
    public var statuses: Bool
    public var digest: MailDigest

    /// What a member gets when they first give an address: every notice and a weekly digest.
    public static let standard = MailChoices(mentions: true, replies: true, statuses: true, digest: .weekly)

    public init(mentions: Bool, replies: Bool, statuses: Bool, digest: MailDigest) {
        (self.mentions, self.replies, self.statuses, self.digest) = (mentions, replies, statuses, digest)
    }

    /// Whether a notice of this kind is wanted.
    public func wants(_ kind: MailKind) -> Bool {
        switch kind {
        case .mention: mentions
        case .reply: replies
        case .status: statuses
        case .digest: digest != .never
        }
    }
}

/// Members' email addresses: the one shape accepted and the one form stored.
///
/// An address is stored lowercased whole (local part too: no mail system in
/// use treats `Ann@` and `ann@` as two people, and import stores them so), so
/// `memberAddress.address` compares with `=`. Only plain ASCII addresses of the
/// dot-atom form are taken: no quoted local parts, no comments, no display
/// names, nothing that could carry a line break or a second recipient into a
/// header.
public enum EmailAddress {
    /// RFC 5321's limits: 64 for the local part, 254 in all (a path's 256 less the brackets).
    public static let maxLength = 254
    public static let maxLocalLength = 64

    private static let atomCharacters = Set("abcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+/=?^_`{|}~-".unicodeScalars)

    /// The address as stored, or a refusal in one line that shows the input safely.
    public static func validate(_ input: String) throws(CommunityError) -> String {
        let trimmed = input.trimmingCharacters(in: .whitespaces)
        let shown = SafeText.displayable(String(trimmed.prefix(80)))
        func refuse(_ why: String) -> CommunityError { .invalid("'\(shown)' is not an email address: \(why)") }
        guard !trimmed.isEmpty else { throw .invalid("the email address is empty") }
        guard trimmed.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 && $0.value != 0x7F }) else {
            throw refuse("it may hold only letters, digits and punctuation, with no spaces or line breaks")
        }
        guard trimmed.count <= maxLength else { throw refuse("it is longer than \(maxLength) characters") }
        let address = trimmed.lowercased()
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw refuse("it needs exactly one @, as in name@example.org") }
        let local = parts[0], domain = parts[1]
        guard !local.isEmpty, local.count <= maxLocalLength,
              local.split(separator: ".", omittingEmptySubsequences: false).allSatisfy({ atom in
                  !atom.isEmpty && atom.unicodeScalars.allSatisfy { atomCharacters.contains($0) }
              }) else { throw refuse("the part before the @ is not a mailbox name") }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ label in
            (1...63).contains(label.count) && label.first != "-" && label.last != "-"
                && label.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        }) else { throw refuse("the part after the @ is not a domain like example.org") }
        return address
    }
}

/// The tokens in the addresses mail-out writes (`reply+TOKEN@host`,
/// `unsubscribe+TOKEN@host`): 20 characters of base32's alphabet, so a mail
/// system that changes the case of a local part cannot break one, and 100
/// bits of chance against guessing.
public enum MailToken {
    public static let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567")
    public static let length = 20
    /// How long a token answers after it is made.
    public static let lifetime: TimeInterval = 90 * 86_400
    /// A token with less than this left is replaced by a new one in the next mail,
    /// so a reply to a recent mail never meets an expired token.
    public static let renewal: TimeInterval = 30 * 86_400

    public static func make<G: RandomNumberGenerator>(using generator: inout G) -> String {
        String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
    }

    /// Whether text is shaped like a token (any case), before looking it up.
    public static func isWellFormed(_ text: String) -> Bool {
        text.count == length && text.lowercased().allSatisfy { alphabet.contains($0) }
    }
}

/// The settings mail-out reads: the host of its addresses (none: it sends
/// nothing) and the From address.
public struct MailSettings: Equatable, Sendable {
    public var host: String?
    public var from: String?

    public init(stored: [String: String] = [:]) {
        host = Setting.mailHost.optionalValue(in: stored)
        from = Setting.mailFrom.optionalValue(in: stored) ?? host.map { "community@" + $0 }
    }
}

extension Rules {
    /// A member's address and mail choices are theirs: they read and change
    /// them; an admin may too (to help, or to stop mail that bounces). No one
    /// else, staff included, ever sees the address.
    public static func manageMail(of memberID: Int64, by actor: Actor) throws(CommunityError) {
        guard actor.id == memberID || actor.role == .admin else {
            throw .notPermitted("only the member and admins see or change a member's email settings")
        }
    }
}

/// What became of a hand-off to sendmail, from its exit status (sysexits.h).
public enum SendmailOutcome: Equatable, Sendable {
    case sent
    /// The recipient does not exist (EX_NOUSER 67, EX_NOHOST 68): counts as a hard bounce, never retried.
    case hardBounce(String)
    /// Anything else (EX_TEMPFAIL 75 and every other failure): retried later.
    case failed(String)

    public static func of(exitStatus: Int32, stderr: String) -> SendmailOutcome {
        let said = stderr.split(whereSeparator: \.isNewline).last.map { MemberMail.headerLine(String($0), limit: 160) } ?? ""
        let why = { (what: String) in "\(what) (exit \(exitStatus))" + (said.isEmpty ? "" : ": " + said) }
        switch exitStatus {
        case 0: return .sent
        case 67: return .hardBounce(why("sendmail: no such user"))
        case 68: return .hardBounce(why("sendmail: no such host"))
        case 75: return .failed(why("sendmail: temporary failure"))
        default: return .failed(why("sendmail failed"))
        }
    }
}

/// When a mail sendmail refused is tried again: after 1 minute, 5, 30, 2 hours,
/// 12 hours; after the sixth refusal it is given up.
public enum MailRetry {
    public static let delays: [TimeInterval] = [60, 300, 1800, 7200, 43_200]

    /// The wait before the next try after `attempts` failed ones; nil to give up.
    public static func delay(afterAttempts attempts: Int) -> TimeInterval? {
        attempts >= 1 && attempts <= delays.count ? delays[attempts - 1] : nil
    }

    /// How long a run holds a message it claimed before another run takes it
    /// for interrupted (the run died between sendmail and recording it).
    public static let lease: TimeInterval = 3600
}
