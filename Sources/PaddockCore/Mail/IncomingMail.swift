import Foundation

/// The address a message to `mail-in` was sent to, in the forms `mail-out`
/// writes: `reply+TOKEN@host` (Reply-To of a notice about a thread),
/// `unsubscribe+TOKEN@host` (List-Unsubscribe) and `bounce+N@host` (the
/// envelope sender of mail row N, where bounce reports come back).
public enum MailInAddress: Equatable, Sendable {
    case reply(token: String)
    case unsubscribe(token: String)
    case bounce(mail: Int64)

    /// `reply+abc…@host` → `.reply("abc…")`; nil for any other address. The
    /// token is lowercased (tokens are [a-z2-7], and some mail systems change
    /// the case of local parts). With `host`, only an address at that host
    /// (compared without case) counts.
    public static func parse(_ address: String, host: String? = nil) -> MailInAddress? {
        var text = address.trimmingWhitespace
        if text.hasPrefix("<"), text.hasSuffix(">") { text = String(text.dropFirst().dropLast()) }
        guard let at = text.lastIndex(of: "@") else { return nil }
        let local = text[..<at].lowercased()
        let domain = text[text.index(after: at)...].lowercased()
        if let host, domain != host.lowercased() { return nil }
        guard let plus = local.firstIndex(of: "+") else { return nil }
        let kind = local[..<plus]
        let value = String(local[local.index(after: plus)...])
        switch kind {
        case "reply", "unsubscribe":
            guard (1...64).contains(value.count), value.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) }) else {
                return nil
            }
            return kind == "reply" ? .reply(token: value) : .unsubscribe(token: value)
        case "bounce":
            guard !value.isEmpty, value.count <= 18, value.allSatisfy(\.isASCII), let n = Int64(value), n > 0 else { return nil }
            return .bounce(mail: n)
        default:
            return nil
        }
    }
}

/// One recipient's group of a delivery status report (RFC 3464): its `Status`
/// code (`5.1.1`) and the addresses it names (`Final-Recipient`, then
/// `Original-Recipient`, lowercased), which may be empty.
public struct DeliveryStatus: Equatable, Sendable {
    public var recipients: [String]
    public var status: String

    public init(recipients: [String], status: String) {
        self.recipients = recipients
        self.status = status
    }

    /// A permanent failure (5.x.x): the address will not take mail. 4.x.x is
    /// a delay that the sending MTA retries; 2.x.x a success.
    public var isHardBounce: Bool { status.hasPrefix("5.") }
}

/// Why `mail-in` could not read a message at all.
public enum IncomingProblem: Error, Equatable, Sendable, CustomStringConvertible {
    case noHeaders
    case noSender

    public var description: String {
        switch self {
        case .noHeaders: "not a mail message: no header fields"
        case .noSender: "the message has no From address"
        }
    }
}

/// A message piped to `mail-in`, read for what it must do: who sent it, to
/// which of the community's addresses, whether a program wrote it, and the
/// member's own text.
public struct IncomingMail: Equatable, Sendable {
    /// The From address (lowercased).
    public var from: MailAddress
    /// Without angle brackets; synthetic (from the message's bytes) when it had none,
    /// so the same message delivered twice has the same one.
    public var messageID: String
    /// The community address it was sent to, nil when none of the recipients is one.
    public var address: MailInAddress?
    /// Why the message is automatic (an auto-reply, a bounce, a list's mail),
    /// nil when a person wrote it. Automatic mail never posts.
    public var automatic: String?
    /// What the member wrote, without the quoted notice and their signature.
    public var replyText: String
    /// The per-recipient lines of a delivery status report (multipart/report).
    public var deliveryStatuses: [DeliveryStatus]
    /// The Message-IDs of the message a delivery status report returns (its
    /// headers, which reports carry): what proves the report is about our mail.
    public var returnedMessageIDs: [String] = []
    /// The Message-IDs it answers (In-Reply-To): a notice's names the post it told of.
    public var inReplyTo: [String] = []

    /// Reads one message as an MTA delivers it (an mbox `From ` line first is allowed).
    ///
    /// The community address is looked for in this order: `envelopeRecipients`
    /// (what the MTA says it delivered for: `--recipient`, `$ORIGINAL_RECIPIENT`,
    /// `$RECIPIENT`) at any host, then the receiving MTA's `Delivered-To` and
    /// `X-Original-To`, then the sender's `To` and `Cc`; header addresses count
    /// only at `host` when it is known. The first that is a community address wins.
    public static func parse(_ raw: [UInt8], envelopeRecipients: [String] = [], host: String? = nil) throws(IncomingProblem) -> IncomingMail {
        var bytes = raw[...]
        var nullEnvelopeSender = false
        if bytes.starts(with: Array("From ".utf8)) {
            // An mbox envelope line (Postfix local(8) and procmail may add one): its sender, then the headers.
            let end = bytes.firstIndex(of: 10) ?? bytes.endIndex
            let sender = String(decoding: bytes[bytes.startIndex..<end], as: UTF8.self).split(separator: " ").dropFirst().first ?? ""
            nullEnvelopeSender = sender == "<>" || sender.lowercased() == "mailer-daemon"
            bytes = bytes[min(bytes.endIndex, end + 1)...]
        }
        guard let (headers, bodyStart) = MailHeaders.parse(bytes) else { throw .noHeaders }
        let body = bytes[bodyStart...]
        guard let from = headers.raw("from").flatMap(MailAddress.parse) ?? headers.raw("sender").flatMap(MailAddress.parse) else {
            throw .noSender
        }
        let messageID = MessageIDs.all(in: headers.raw("message-id")).first
            ?? MailParser.syntheticID(date: headers.raw("date").flatMap(MailDate.parse) ?? Date(timeIntervalSince1970: 0),
                                      from: from.address, subject: headers.raw("subject") ?? "", body: body)

        var address: MailInAddress?
        for recipient in envelopeRecipients where address == nil {
            address = MailInAddress.parse(recipient)
        }
        if address == nil {
            let fields = ["delivered-to", "x-original-to", "to", "cc"]
            search: for name in fields {
                for field in headers.fields where field.name == name {
                    for candidate in AddressList.addresses(MailHeaders.text(field.value)) {
                        if let found = MailInAddress.parse(candidate, host: host) { address = found; break search }
                    }
                }
            }
        }

        let statuses = DeliveryReport.statuses(headers: headers, body: body)
        let automatic = AutomaticMail.reason(headers: headers, from: from, nullEnvelopeSender: nullEnvelopeSender)
        let text = MIME.body(headers: headers, body: body, quotingHTML: true).text
        var mail = IncomingMail(from: from, messageID: messageID, address: address, automatic: automatic,
                                replyText: ReplyText.extract(text), deliveryStatuses: statuses)
        mail.inReplyTo = MessageIDs.all(in: headers.raw("in-reply-to"))
        if !statuses.isEmpty {
            mail.returnedMessageIDs = String(decoding: body, as: UTF8.self).split(whereSeparator: \.isNewline)
                .filter { $0.lowercased().hasPrefix("message-id:") }
                .flatMap { MessageIDs.all(in: String($0.dropFirst("message-id:".count))) }
        }
        return mail
    }
}

/// Mail no person wrote, which must never post: answering it, or posting it,
/// can start a loop between two programs.
public enum AutomaticMail {
    /// Subjects auto-responders write (vacation notices, out of office), compared lowercased at the start.
    static let subjectPrefixes = [
        "auto:", "automatic reply", "auto reply", "auto-reply", "autoreply", "auto response", "auto-response",
        "out of office", "out of the office", "away from the office", "vacation reply", "on vacation",
        "risposta automatica", "réponse automatique", "automatische antwort", "abwesenheitsnotiz", "respuesta automática",
        "undeliverable:", "undelivered mail", "delivery status notification", "mail delivery failed", "returned mail:",
    ]

    /// Why the message is automatic, nil when it looks written by a person:
    /// `Auto-Submitted` other than `no` (RFC 3834), `Precedence: bulk|junk|list`,
    /// `X-Autoreply`, `X-Autorespond`, an auto-reply subject, a null return path
    /// (`Return-Path: <>`, a bounce), a delivery status or read report
    /// (multipart/report), or a sender that is a mail system (MAILER-DAEMON, postmaster).
    public static func reason(headers: MailHeaders, from: MailAddress, nullEnvelopeSender: Bool = false) -> String? {
        if let auto = headers.raw("auto-submitted") {
            let value = auto.split(separator: ";").first.map { String($0).trimmingWhitespace.lowercased() } ?? ""
            if value != "no" { return "it is marked Auto-Submitted: \(value)" }
        }
        if let precedence = headers.raw("precedence")?.trimmingWhitespace.lowercased(), ["bulk", "junk", "list"].contains(precedence) {
            return "it is marked Precedence: \(precedence)"
        }
        for name in ["x-autoreply", "x-autorespond", "x-autogenerated", "x-auto-response"] where headers.raw(name) != nil {
            return "it is marked \(name)"
        }
        if nullEnvelopeSender { return "it has a null return path (a bounce)" }
        if let returnPath = headers.raw("return-path"), returnPath.filter({ !$0.isWhitespace }) == "<>" {
            return "it has a null return path (a bounce)"
        }
        let type = MIME.parameters(headers.raw("content-type"))
        if type.value == "multipart/report" {
            return "it is a \(type.params["report-type"] ?? "delivery") report"
        }
        let local = from.address.split(separator: "@").first.map(String.init) ?? ""
        if ["mailer-daemon", "postmaster", "mail-daemon", "mailerdaemon"].contains(local) {
            return "it is from a mail system (\(local))"
        }
        let subject = (headers.text("subject") ?? "").trimmingWhitespace.lowercased()
        if subjectPrefixes.contains(where: { subject.hasPrefix($0) }) { return "its subject is an automatic reply's" }
        return nil
    }
}

/// The `message/delivery-status` part of a bounce report (RFC 3464).
enum DeliveryReport {
    static func statuses(headers: MailHeaders, body: ArraySlice<UInt8>, depth: Int = 0) -> [DeliveryStatus] {
        let (type, params) = MIME.parameters(headers.raw("content-type"))
        if type.hasPrefix("multipart/"), depth < MIME.maxDepth, let boundary = params["boundary"], !boundary.isEmpty {
            var found: [DeliveryStatus] = []
            for part in MIME.split(body, boundary: boundary) {
                guard let (h, start) = MailHeaders.parse(part) else { continue }
                found += statuses(headers: h, body: part[start...], depth: depth + 1)
            }
            return found
        }
        guard type == "message/delivery-status" || type == "message/global-delivery-status" else { return [] }
        let encoding = (headers.raw("content-transfer-encoding") ?? "").trimmingWhitespace.lowercased()
        let decoded: [UInt8] = switch encoding {
        case "base64": TransferEncoding.base64(body)
        case "quoted-printable": TransferEncoding.quotedPrintable(body)
        default: Array(body)
        }
        // Field groups separated by blank lines: the message's, then one per recipient.
        var found: [DeliveryStatus] = []
        var rest = decoded[...]
        while !rest.isEmpty {
            while let first = rest.first, first == 10 || first == 13 { rest = rest.dropFirst() }
            guard let (group, next) = MailHeaders.parse(rest) else { break }
            if let status = group.raw("status")?.trimmingWhitespace.split(separator: " ").first {
                // "rfc822; kurt@example.com": the address after the type.
                let recipients = ["final-recipient", "original-recipient"].compactMap { group.raw($0) }.compactMap { field in
                    field.split(separator: ";", maxSplits: 1).last.map { String($0).trimmingWhitespace.lowercased() }
                }.filter { !$0.isEmpty }
                found.append(DeliveryStatus(recipients: recipients, status: String(status)))
            }
            guard next > rest.startIndex, next < rest.endIndex else { break }
            rest = rest[next...]
        }
        return found
    }
}

/// Addresses of an address-list header (To, Cc): `A <a@x>, "B, C" <b@x>, c@x`.
enum AddressList {
    static func addresses(_ field: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var quoted = false, angle = false, comment = 0
        for c in field {
            if c == "\"" && comment == 0 { quoted.toggle() }
            if !quoted {
                if c == "(" { comment += 1 } else if c == ")" { comment = max(0, comment - 1) }
                if c == "<" { angle = true } else if c == ">" { angle = false }
                if c == "," && !angle && comment == 0 { pieces.append(current); current = ""; continue }
            }
            current.append(c)
        }
        pieces.append(current)
        return pieces.compactMap { MailAddress.parse($0)?.address }
    }
}
