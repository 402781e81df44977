import Foundation
import PaddockCore

/// A synthetic mailing-list archive for measuring imports: `messages`
/// messages over about three years, in threads of long-tailed lengths, from a
/// few thousand senders, with what real lists hold: replies quoting their
/// parent, References (a few broken, answered by subject), messages without a
/// Message-ID, quoted-printable, base64, Latin-1, HTML-only and
/// multipart/alternative bodies, attachments, signatures. The same seed gives
/// the same bytes.
public struct SyntheticMail {
    public let messages: Int
    public let seed: UInt64

    public init(messages: Int, seed: UInt64 = 19) {
        self.messages = messages
        self.seed = seed
    }

    static let words = ["seat", "exhaust", "clutch", "tyre", "chain", "valve", "throttle", "map", "rain", "mode", "torque",
                        "ride", "track", "road", "winter", "battery", "service", "manual", "dealer", "kit", "bracket",
                        "the", "a", "with", "for", "after", "before", "and", "but", "on", "my", "our", "it", "is", "was",
                        "lower", "higher", "smoother", "louder", "quieter", "better", "worse", "same", "new", "old",
                        "così", "più", "perché", "über", "schön", "été", "日本", "🏍"]
    static let names = ["Marco Rossi", "Giulia Bianchi", "Anna Schmidt", "Pierre Martin", "Kenji Sato", "Sara Verdi",
                        "Luca Neri", "Emma Jones", "Olaf Berg", "Ana García"]

    /// Writes the archive as an mbox through `write`, about 64 KB at a time.
    public func writeMbox(_ write: ([UInt8]) throws -> Void) throws {
        var buffer: [UInt8] = []
        try generate { from, date, bytes in
            buffer += Array("From \(from) \(MailDate.asctime(date))\n".utf8) + bytes + [10, 10]
            if buffer.count >= 65_536 {
                try write(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if !buffer.isEmpty { try write(buffer) }
    }

    /// Writes each message as a file of a maildir's `cur/`.
    public func writeMaildir(_ root: String) throws {
        for folder in ["cur", "new", "tmp"] {
            try FileManager.default.createDirectory(atPath: (root as NSString).appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        var n = 0
        try generate { _, _, bytes in
            n += 1
            let path = (root as NSString).appendingPathComponent("cur/\(1_700_000_000 + n).M\(n)P1.paddock:2,S")
            guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
                throw CommunityError.invalid("cannot write \(path)")
            }
        }
    }

    private func generate(_ emit: (String, Date, [UInt8]) throws -> Void) throws {
        var random = SplitMix64(seed: seed)
        func int(_ n: Int) -> Int { Int(random.next() % UInt64(max(1, n))) }
        func sentence(_ count: Int) -> String {
            var s: [String] = []
            for _ in 0..<count { s.append(Self.words[int(Self.words.count)]) }
            return s.joined(separator: " ").prefix(1).uppercased() + s.joined(separator: " ").dropFirst() + "."
        }
        let senders = max(10, messages / 40)
        let start = 1_690_000_000
        var open: [(id: String, refs: [String], subject: String, text: String)] = []
        var time = start
        for n in 0..<messages {
            time += int(900) + 1
            let sender = int(senders) % senders
            let name = Self.names[sender % Self.names.count]
            let address = name.lowercased().replacingOccurrences(of: " ", with: ".").folding(options: .diacriticInsensitive, locale: nil) + "\(sender)@example.org"
            let id = "m\(n).\(seed)@lists.example.org"
            var refs: [String] = []
            var subject: String
            var quoted = ""
            // Replies to a recent open message most of the time: long-tailed threads.
            if !open.isEmpty, int(10) < 7 {
                let parent = open[open.count - 1 - int(min(open.count, 40))]
                refs = Array((parent.refs + [parent.id]).suffix(12))
                subject = parent.subject.hasPrefix("Re: ") ? parent.subject : "Re: " + parent.subject
                quoted = parent.text.split(separator: "\n").prefix(6).map { "> " + $0 }.joined(separator: "\n") + "\n\n"
            } else {
                subject = sentence(3 + int(6)).dropLast().description
            }
            let text = quoted + (0..<(1 + int(4))).map { _ in (0..<(2 + int(4))).map { _ in sentence(6 + int(12)) }.joined(separator: " ") }
                .joined(separator: "\n\n") + "\n\n-- \n\(name)\nriders@lists.example.org — unsubscribe: https://lists.example.org/riders"
            open.append((id, refs, subject, text))
            if open.count > 400 { open.removeFirst(100) }

            var headers = "From: \(name) <\(address)>\nDate: \(MailDate.rfc5322(Date(timeIntervalSince1970: TimeInterval(time))))\n"
            let kind = int(100)
            if kind != 0 { headers += "Message-ID: <\(id)>\n" }  // 1 in 100 has none
            if !refs.isEmpty, kind != 1 {  // 1 in 100 replies lost its References (threaded by subject)
                headers += "In-Reply-To: <\(refs.last!)>\nReferences: " + refs.map { "<\($0)>" }.joined(separator: "\n ") + "\n"
            }
            headers += "Subject: \(MboxWriter.headerText(subject))\nMIME-Version: 1.0\nList-Id: Riders <riders.lists.example.org>\n"
            var body: [UInt8]
            switch kind {
            case 2..<12:
                headers += "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n"
                body = MboxWriter.quotedPrintable(text).flatMap { $0 + [10] }
            case 12..<17:
                headers += "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n"
                let encoded = TransferEncoding.base64Encode(Array(text.utf8))
                body = Array(stride(from: 0, to: encoded.count, by: 76).map { i -> String in
                    let a = encoded.index(encoded.startIndex, offsetBy: i)
                    return String(encoded[a..<encoded.index(a, offsetBy: min(76, encoded.count - i))])
                }.joined(separator: "\n").utf8)
            case 17..<22:
                headers += "Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: 8bit\n"
                body = text.unicodeScalars.map { $0.value < 256 ? UInt8($0.value) : 63 }
            case 22..<26:
                headers += "Content-Type: text/html; charset=utf-8\n"
                body = Array(("<html><body>" + text.split(separator: "\n").map { "<p>\($0.replacingOccurrences(of: "&", with: "&amp;"))</p>" }.joined() + "</body></html>").utf8)
            case 26..<30:
                headers += "Content-Type: multipart/alternative; boundary=\"alt\(n)\"\n"
                body = Array("--alt\(n)\nContent-Type: text/plain; charset=utf-8\n\n\(text)\n--alt\(n)\nContent-Type: text/html; charset=utf-8\n\n<p>\(text)</p>\n--alt\(n)--\n".utf8)
            case 30..<32:
                headers += "Content-Type: multipart/mixed; boundary=\"mix\(n)\"\n"
                body = Array("--mix\(n)\nContent-Type: text/plain; charset=utf-8\n\n\(text)\n--mix\(n)\nContent-Type: image/jpeg; name=\"photo\(n).jpg\"\nContent-Disposition: attachment; filename=\"photo\(n).jpg\"\nContent-Transfer-Encoding: base64\n\n\(TransferEncoding.base64Encode([UInt8](repeating: UInt8(n & 255), count: 3000)))\n--mix\(n)--\n".utf8)
            default:
                headers += "Content-Type: text/plain; charset=utf-8; format=flowed\nContent-Transfer-Encoding: 8bit\n"
                body = Array(text.utf8)
            }
            try emit(address, Date(timeIntervalSince1970: TimeInterval(time)), Array((headers + "\n").utf8) + body)
        }
    }
}
