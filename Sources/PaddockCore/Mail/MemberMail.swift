import Foundation

/// One mail to a member, as `paddock mail-out` writes it: plain text in UTF-8
/// (quoted-printable), every header that carries member text encoded (RFC 2047)
/// after that text was made safe, so no title, name or body can add a header,
/// a line break or a control character to what arrives.
public struct MemberMail: Equatable, Sendable {
    /// The Message-ID without angle brackets: `paddock.KIND.ID.RANDOM@host`.
    public var messageID: String
    public var from: MailAddress
    public var to: MailAddress
    /// `reply+TOKEN@host` for mail about a thread; nil for a digest.
    public var replyTo: String?
    /// `unsubscribe+TOKEN@host`, written as `List-Unsubscribe: <mailto:…>`.
    public var unsubscribe: String
    /// The thread's first-post id (`thread.N@host`) for In-Reply-To and References.
    public var threadMessageID: String?
    public var date: Date
    public var subject: String
    public var body: String

    public init(messageID: String, from: MailAddress, to: MailAddress, replyTo: String?, unsubscribe: String,
                threadMessageID: String?, date: Date, subject: String, body: String) {
        self.messageID = messageID
        self.from = from
        self.to = to
        self.replyTo = replyTo
        self.unsubscribe = unsubscribe
        self.threadMessageID = threadMessageID
        self.date = date
        self.subject = subject
        self.body = body
    }

    /// The longest subject written; a longer title is cut with an ellipsis.
    public static let subjectLimit = 120

    /// The message as sendmail reads it on stdin (`-t`: recipients from To),
    /// lines ending in LF as local submission expects.
    public var bytes: [UInt8] {
        var head = "From: \(MboxWriter.mailbox(Self.safe(from)))\n"
        head += "To: \(MboxWriter.mailbox(Self.safe(to)))\n"
        if let replyTo { head += "Reply-To: <\(replyTo)>\n" }
        head += "Subject: \(MboxWriter.headerText(Self.headerLine(subject, limit: Self.subjectLimit)))\n"
        head += "Date: \(MailDate.rfc5322(date))\n"
        head += "Message-ID: <\(messageID)>\n"
        if let threadMessageID {
            head += "In-Reply-To: <\(threadMessageID)>\nReferences: <\(threadMessageID)>\n"
        }
        head += "List-Unsubscribe: <mailto:\(unsubscribe)>\n"
        // Vacation responders and the like answer nothing marked so (RFC 3834).
        head += "Auto-Submitted: auto-generated\n"
        head += "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
        var out = Array(head.utf8)
        for line in MboxWriter.quotedPrintable(body) {
            out.append(contentsOf: line)
            out.append(10)
        }
        return out
    }

    /// A display name as one safe line (the address is ours, validated when stored).
    static func safe(_ address: MailAddress) -> MailAddress {
        MailAddress(name: headerLine(address.name, limit: 80), address: address.address)
    }

    /// Member text for a header: one line with no control character, escape
    /// sequence or bidi override, at most `limit` characters.
    public static func headerLine(_ text: String, limit: Int) -> String {
        let line = SafeText.displayable(text).trimmingWhitespace
        return line.count <= limit ? line : String(line.prefix(limit - 1)) + "…"
    }

    /// Member text for the body: its lines made safe, each indented by `prefix`.
    public static func bodyLines(_ text: String, prefix: String = "", limit: Int = 60) -> [String] {
        var lines = SafeText.multiline(text).map { prefix + $0 }
        while lines.last.map({ $0.trimmingWhitespace.isEmpty }) == true { lines.removeLast() }
        if lines.count > limit { lines = Array(lines.prefix(limit)) + [prefix + "[…]"] }
        return lines
    }
}

/// What a notice tells: one notification of the member's inbox.
public struct NoticeContent: Equatable, Sendable {
    public var kind: MailKind
    public var memberName: String
    /// The notification's sentence, as the inbox shows it.
    public var text: String
    public var threadID: Int64?
    public var threadTitle: String?
    public var boardTitle: String?
    /// Who wrote the post, and the post, when the notice is about one the member may read.
    public var authorName: String?
    public var postBody: String?

    public init(kind: MailKind, memberName: String, text: String, threadID: Int64?, threadTitle: String?, boardTitle: String?,
                authorName: String?, postBody: String?) {
        (self.kind, self.memberName, self.text, self.threadID, self.threadTitle, self.boardTitle, self.authorName, self.postBody) =
            (kind, memberName, text, threadID, threadTitle, boardTitle, authorName, postBody)
    }
}

/// What a digest tells: the unread inbox and the week's best supported suggestions.
public struct DigestContent: Equatable, Sendable {
    public struct Unread: Equatable, Sendable {
        public var text: String
        public var threadID: Int64?
        public var at: Date
        public init(text: String, threadID: Int64?, at: Date) { (self.text, self.threadID, self.at) = (text, threadID, at) }
    }
    public struct Suggestion: Equatable, Sendable {
        public var id: Int64
        public var title: String
        public var status: String
        public var supporters: Int
        public var weekSupport: Int
        /// The feature it is about, which the member engaged with.
        public var feature: String
        public init(id: Int64, title: String, status: String, supporters: Int, weekSupport: Int, feature: String) {
            (self.id, self.title, self.status, self.supporters, self.weekSupport, self.feature) = (id, title, status, supporters, weekSupport, feature)
        }
    }
    public var digest: MailDigest
    public var memberName: String
    public var unreadCount: Int
    /// The newest unread, at most ``MailComposer/digestUnreadShown``.
    public var unread: [Unread]
    public var suggestions: [Suggestion]

    public init(digest: MailDigest, memberName: String, unreadCount: Int, unread: [Unread], suggestions: [Suggestion]) {
        (self.digest, self.memberName, self.unreadCount, self.unread, self.suggestions) = (digest, memberName, unreadCount, unread, suggestions)
    }

    /// A digest with nothing to tell is not sent.
    public var isEmpty: Bool { unreadCount == 0 && suggestions.isEmpty }
}

/// The words of the mail: subjects, bodies and the footer that says how to stop it.
public enum MailComposer {
    public static let digestUnreadShown = 10
    public static let digestSuggestionsShown = 5

    public static func subject(_ notice: NoticeContent, community: String) -> String {
        let title = notice.threadTitle.map { MemberMail.headerLine($0, limit: 90) } ?? ""
        return switch notice.kind {
        case .mention: "[\(community)] \(notice.authorName.map { MemberMail.headerLine($0, limit: 40) } ?? "Someone") mentioned you: \(title)"
        case .reply: "Re: [\(community)] \(title)"
        case .status, .digest: "[\(community)] \(MemberMail.headerLine(notice.text, limit: 110))"
        }
    }

    public static func body(_ notice: NoticeContent, community: String, unsubscribe: String) -> String {
        var lines = ["Hello \(MemberMail.headerLine(notice.memberName, limit: 80)),", ""]
        lines += MemberMail.bodyLines(notice.text)
        if let board = notice.boardTitle, let thread = notice.threadID {
            lines += ["", "In \(MemberMail.headerLine(board, limit: 80)), thread \(thread)."]
        }
        if let body = notice.postBody {
            lines += [""]
            if let author = notice.authorName { lines += ["\(MemberMail.headerLine(author, limit: 80)) wrote:"] }
            lines += MemberMail.bodyLines(body, prefix: "> ")
        }
        if notice.threadID != nil {
            lines += ["", "Reply to this mail to answer in the thread (write above the quoted text),",
                      "or open thread \(notice.threadID!) in \(community): paddock thread show \(notice.threadID!)"]
        }
        let what: String = switch notice.kind {
        case .mention: "mentions"
        case .reply: "replies"
        case .status, .digest: "statuses"
        }
        return (lines + footer(because: "\(what) are on in your mail settings", stop: "paddock member mail --\(what) off",
                                unsubscribe: unsubscribe)).joined(separator: "\n") + "\n"
    }

    public static func subject(_ digest: DigestContent, community: String) -> String {
        let unread = digest.unreadCount == 0 ? "" : " · \(digest.unreadCount) unread"
        return "[\(community)] Your \(digest.digest.rawValue) digest\(unread)"
    }

    public static func body(_ digest: DigestContent, community: String, unsubscribe: String) -> String {
        var lines = ["Hello \(MemberMail.headerLine(digest.memberName, limit: 80)),", ""]
        if digest.unreadCount > 0 {
            lines += ["Your inbox holds \(digest.unreadCount) unread:"]
            for item in digest.unread {
                let line = MemberMail.headerLine(item.text, limit: 200)
                lines += ["- \(line)" + (item.threadID.map { " (thread \($0))" } ?? "")]
            }
            if digest.unreadCount > digest.unread.count { lines += ["- and \(digest.unreadCount - digest.unread.count) more: paddock inbox"] }
            lines += [""]
        }
        if !digest.suggestions.isEmpty {
            lines += ["Most supported this week on features you follow:"]
            for s in digest.suggestions {
                lines += ["- #\(s.id) \(MemberMail.headerLine(s.title, limit: 100))",
                          "  \(MemberMail.headerLine(s.feature, limit: 60)) · \(s.status) · \(s.supporters) supporters, +\(s.weekSupport) this week"]
            }
            lines += [""]
        }
        lines += ["Open \(community) to read more: paddock"]
        return (lines + footer(because: "your digest is \(digest.digest.rawValue)", stop: "paddock member mail --digest never",
                                unsubscribe: unsubscribe)).joined(separator: "\n") + "\n"
    }

    /// How to stop it, in every mail.
    static func footer(because: String, stop: String, unsubscribe: String) -> [String] {
        ["", "-- ", "You get this mail because \(because).",
         "To stop it: press E on the app's home screen for your mail settings (or run \(stop)).",
         "To stop all mail from us: send any mail to \(unsubscribe)"]
    }
}
