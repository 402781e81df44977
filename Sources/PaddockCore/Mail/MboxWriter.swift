import Foundation

/// One post as a mail message, for an export.
public struct OutgoingMail: Equatable, Sendable {
    public var messageID: String
    /// Ancestors oldest first; the last is the one replied to.
    public var references: [String]
    public var from: MailAddress
    public var date: Date
    public var subject: String
    public var body: String

    public init(messageID: String, references: [String], from: MailAddress, date: Date, subject: String, body: String) {
        self.messageID = messageID
        self.references = references
        self.from = from
        self.date = date
        self.subject = subject
        self.body = body
    }
}

/// Writes messages as an mbox (mboxrd): each after a From_ line, its body in
/// quoted-printable UTF-8 (lines of at most 76 characters, any text safe),
/// every line that starts with `From ` after any number of `>` given one more
/// `>`, a blank line between messages. Headers that are not plain ASCII are
/// RFC 2047 encoded words.
public enum MboxWriter {
    public static func message(_ mail: OutgoingMail) -> [UInt8] {
        var head = "From \(mail.from.address) \(MailDate.asctime(mail.date))\n"
        head += "Message-ID: <\(mail.messageID)>\n"
        if let parent = mail.references.last {
            head += "In-Reply-To: <\(parent)>\n"
            head += "References:" + mail.references.map { " <\($0)>" }.joined(separator: "\n") + "\n"
        }
        head += "Date: \(MailDate.rfc5322(mail.date))\n"
        head += "From: \(mailbox(mail.from))\n"
        head += "Subject: \(headerText(mail.subject))\n"
        head += "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
        var out = Array(head.utf8)
        for line in quotedPrintable(mail.body) {
            if isFromLine(line) { out.append(62) }
            out.append(contentsOf: line)
            out.append(10)
        }
        out.append(10)
        return out
    }

    /// `"Name" <address>`, the name as encoded words when it is not plain ASCII.
    static func mailbox(_ address: MailAddress) -> String {
        guard !address.name.isEmpty else { return "<\(address.address)>" }
        if isPlainASCII(address.name) {
            let escaped = address.name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return "\"\(escaped)\" <\(address.address)>"
        }
        return "\(encodedWords(address.name)) <\(address.address)>"
    }

    public static func headerText(_ text: String) -> String {
        isPlainASCII(text) && !text.contains("=?") ? text : encodedWords(text)
    }

    static func isPlainASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 32 && $0 < 127 }
    }

    /// Base64 encoded words of at most 75 characters each, whole characters in
    /// each, folded onto lines of their own.
    static func encodedWords(_ text: String) -> String {
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 45, !chunk.isEmpty {
                words.append("=?utf-8?B?\(TransferEncoding.base64Encode(chunk))?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append("=?utf-8?B?\(TransferEncoding.base64Encode(chunk))?=") }
        return words.joined(separator: "\n ")
    }

    /// The body's lines in quoted-printable, soft-broken at 76 columns.
    public static func quotedPrintable(_ text: String) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let bytes = Array(line.utf8)
            var current: [UInt8] = []
            for (i, b) in bytes.enumerated() {
                let last = i == bytes.count - 1
                let literal = (b >= 33 && b <= 126 && b != 61) || ((b == 32 || b == 9) && !last)
                let encoded: [UInt8] = literal ? [b] : [61] + Array(hexByte(b).utf8)
                if current.count + encoded.count > 75 {
                    lines.append(current + [61])
                    current = []
                }
                current += encoded
            }
            lines.append(current)
        }
        return lines
    }

    static func hexByte(_ b: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(b >> 4)], digits[Int(b & 15)]])
    }

    /// `From ` after any number of `>`: what mboxrd quotes.
    static func isFromLine(_ line: [UInt8]) -> Bool {
        var i = 0
        while i < line.count, line[i] == 62 { i += 1 }
        return line.count - i >= 5 && line[i] == 70 && line[i + 1] == 114 && line[i + 2] == 111 && line[i + 3] == 109 && line[i + 4] == 32
    }
}
