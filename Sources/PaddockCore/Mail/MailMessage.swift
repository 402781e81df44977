import Foundation

/// Why a message of an archive was not imported.
public enum MailProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// The first line is not a header field: not a mail message.
    case noHeaders
    /// No From (nor Sender) address with an `@`.
    case noAuthor
    /// No Date that reads as a date, and no From_ line or file name to take one from.
    case noDate
    /// Another message of the archive has the same Message-ID; the first is kept.
    case duplicateMessageID
    /// The file could not be read (maildir).
    case unreadable(String)
    /// A reply to a thread of the board that is archived or locked: closed to replies, imported ones too.
    case closedThread(String)

    public var description: String {
        switch self {
        case .noHeaders: "not a mail message (no header fields)"
        case .noAuthor: "no sender address"
        case .noDate: "no date (Date header, From_ line or file name)"
        case .duplicateMessageID: "duplicate Message-ID (the first is kept)"
        case .unreadable(let why): "unreadable: \(why)"
        case .closedThread(let state): "its thread is \(state)"
        }
    }
}

/// What threading needs of a message: read from its headers alone.
public struct MailEnvelope: Equatable, Sendable {
    /// Without angle brackets; a synthetic one when the message had none.
    public var messageID: String
    public var hadMessageID: Bool
    /// Ancestors oldest first: References, then In-Reply-To's last id if References lacks it.
    public var references: [String]
    /// Decoded, as written.
    public var subject: String
    public var from: MailAddress
    public var date: Date
}

/// A message read whole: its envelope and its text.
public struct MailMessage: Equatable, Sendable {
    public var envelope: MailEnvelope
    public var body: MailBody
}

/// Reads one message's bytes (mbox quoting included) into an envelope, or whole.
public enum MailParser {
    /// - Parameter fallbackDate: the From_ line's date or the maildir file's time, used when the Date header is missing or unreadable.
    public static func envelope(_ raw: [UInt8], fallbackDate: Date?) throws(MailProblem) -> MailEnvelope {
        let bytes = unquoteFromLines(raw)
        guard let (headers, bodyStart) = MailHeaders.parse(bytes[...]) else { throw .noHeaders }
        return try envelope(headers: headers, body: bytes[bodyStart...], fallbackDate: fallbackDate)
    }

    public static func message(_ raw: [UInt8], fallbackDate: Date?) throws(MailProblem) -> MailMessage {
        let bytes = unquoteFromLines(raw)
        guard let (headers, bodyStart) = MailHeaders.parse(bytes[...]) else { throw .noHeaders }
        let envelope = try envelope(headers: headers, body: bytes[bodyStart...], fallbackDate: fallbackDate)
        return MailMessage(envelope: envelope, body: MIME.body(headers: headers, body: bytes[bodyStart...]))
    }

    static func envelope(headers: MailHeaders, body: ArraySlice<UInt8>, fallbackDate: Date?) throws(MailProblem) -> MailEnvelope {
        guard let from = (headers.raw("from").flatMap(MailAddress.parse) ?? headers.raw("sender").flatMap(MailAddress.parse)) else {
            throw .noAuthor
        }
        guard let date = headers.raw("date").flatMap(MailDate.parse) ?? fallbackDate else { throw .noDate }
        let subject = headers.text("subject") ?? ""
        var references = MessageIDs.all(in: headers.raw("references"))
        if let parent = MessageIDs.all(in: headers.raw("in-reply-to")).last, !references.contains(parent) {
            references.append(parent)
        }
        var id = MessageIDs.all(in: headers.raw("message-id")).first
        let had = id != nil
        if id == nil { id = syntheticID(date: date, from: from.address, subject: subject, body: body) }
        references.removeAll { $0 == id }
        return MailEnvelope(messageID: id!, hadMessageID: had, references: references, subject: subject, from: from, date: date)
    }

    /// A Message-ID for a message without one, from its date, sender, subject
    /// and body: the same message always gets the same one, so importing it
    /// again finds it present.
    public static func syntheticID(date: Date, from: String, subject: String, body: ArraySlice<UInt8>) -> String {
        var a = StableHash(seed: 0xcbf2_9ce4_8422_2325)
        var b = StableHash(seed: 0x6c62_272e_07bb_0142)
        let head = Array("\(UTCTime(date).storageText)\u{1}\(from)\u{1}\(subject)\u{1}".utf8)
        a.add(head); b.add(head)
        a.add(body); b.add(body)
        return "synthetic.\(a.hex)\(b.hex)@paddock.invalid"
    }

    /// mboxrd: a line of one or more `>` then `From ` loses one `>`. Copies only when there is one.
    public static func unquoteFromLines(_ raw: [UInt8]) -> [UInt8] {
        func quotedFrom(at i: Int) -> Bool {
            var j = i
            while j < raw.count, raw[j] == 62 { j += 1 }
            return j > i && j + 5 <= raw.count && raw[j] == 70 && raw[j + 1] == 114 && raw[j + 2] == 111 && raw[j + 3] == 109 && raw[j + 4] == 32
        }
        var positions: [Int] = []
        var i = 0
        while i < raw.count {
            if raw[i] == 62, i == 0 || raw[i - 1] == 10, quotedFrom(at: i) { positions.append(i) }
            i += 1
        }
        guard !positions.isEmpty else { return raw }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var last = 0
        for p in positions {
            out.append(contentsOf: raw[last..<p])
            last = p + 1
        }
        out.append(contentsOf: raw[last...])
        return out
    }
}

/// FNV-1a, 64 bits: stable across runs and machines (Swift's Hasher is seeded per process).
struct StableHash {
    var value: UInt64
    init(seed: UInt64) { value = seed }
    mutating func add(_ bytes: some Collection<UInt8>) {
        for b in bytes {
            value ^= UInt64(b)
            value &*= 0x100_0000_01b3
        }
    }
    var hex: String {
        let s = String(value, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}

/// How a message becomes a Paddock thread title, post and member.
public enum MailPost {
    /// What ends a body cut at the limit.
    static func truncationNote(_ bytes: Int) -> String {
        "\n\n[Paddock: the message was \(MIME.size(bytes)); the rest was cut at 64 KB]"
    }

    /// A thread title from a subject: one line, white space collapsed, at most
    /// 120 characters (cut with `…`), `(no subject)` when blank. Re:/Fwd: stay as written.
    public static func title(_ subject: String) -> String {
        let words = subject.split(whereSeparator: { $0.isWhitespace || $0.isNewline })
        var title = words.joined(separator: " ").replacingOccurrences(of: "\u{0}", with: "\u{FFFD}")
        if title.isEmpty { return "(no subject)" }
        if title.count > Limits.titleCharacters { title = String(title.prefix(Limits.titleCharacters - 1)) + "…" }
        return title
    }

    /// A post body from a message's text: NUL made U+FFFD (SQLite text would
    /// end there), trailing blank lines dropped, `(no text)` when empty. A body
    /// over the limit (64 KiB) is cut at a line break with a note saying so:
    /// the thread keeps its place and the reader learns what is missing.
    public static func body(_ text: String) -> (body: String, truncated: Bool) {
        var body = text.contains("\u{0}") ? text.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}") : text
        while let last = body.last, last.isWhitespace { body.removeLast() }
        if body.trimmingWhitespace.isEmpty { return ("(no text)", false) }
        let size = body.utf8.count
        guard size > Limits.bodyBytes else { return (body, false) }
        let note = truncationNote(size)
        let room = Limits.bodyBytes - note.utf8.count
        var kept = String(decoding: body.utf8.prefix(room), as: UTF8.self)
        while kept.last == "\u{FFFD}" || (kept.utf8.count > room) { kept.removeLast() }  // a sequence cut in half
        if let newline = kept.lastIndex(of: "\n"), kept.distance(from: newline, to: kept.endIndex) < 4096 {
            kept = String(kept[..<newline])
        }
        return (kept + note, true)
    }

    /// The display name for a member: the From name, else the address's local
    /// part; one line, at most 64 characters.
    public static func displayName(_ from: MailAddress) -> String {
        let name = from.name.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
        // A name that would show as nothing (empty, or invisible characters only) gives way to the address.
        let visible = TextWidth.of(SafeText.displayable(name)) > 0
        let chosen = visible ? name : String(from.address.split(separator: "@").first ?? "member")
        let clean = chosen.replacingOccurrences(of: "\u{0}", with: "")
        return TextWidth.of(SafeText.displayable(clean)) == 0 ? "member" : String(clean.prefix(Limits.displayNameCharacters))
    }

    /// Handles to try, in order, for an address: its local part made valid
    /// (`Marco.Rossi+list@x` → `marco.rossi-list`), then with the domain's first
    /// label, then numbered. Every one passes `Validate.handle`.
    public static func handleCandidates(for address: String) -> [String] {
        let parts = address.split(separator: "@", maxSplits: 1)
        let local = clean(String(parts.first ?? ""))
        let domain = parts.count > 1 ? clean(String(parts[1].split(separator: ".").first ?? "")) : ""
        var base = local.count >= 2 ? local : (local + (local.isEmpty ? "" : "-") + (domain.isEmpty ? "member" : domain))
        if base.count < 2 { base = "member" }
        base = String(base.prefix(Limits.handleCharacters.upperBound))
        var candidates = [base]
        if !domain.isEmpty { candidates.append(String((local.isEmpty ? domain : local + "." + domain).prefix(32))) }
        for n in 2...999 {
            let suffix = "-\(n)"
            candidates.append(String(base.prefix(32 - suffix.count)) + suffix)
        }
        return candidates.filter { (try? Validate.handle($0)) == $0 }
    }

    /// Lowercase a–z, 0–9, `.`, `_`, `-`; anything else a `-`; starts and ends with a letter or digit.
    static func clean(_ text: String) -> String {
        var out = ""
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "." || scalar == "_" || scalar == "-" {
                out.unicodeScalars.append(scalar)
            } else if out.last != "-" {
                out.append("-")
            }
        }
        while let f = out.unicodeScalars.first, !(("a"..."z").contains(f) || ("0"..."9").contains(f)) { out.removeFirst() }
        while let l = out.unicodeScalars.last, !(("a"..."z").contains(l) || ("0"..."9").contains(l)) { out.removeLast() }
        return String(out.prefix(32))
    }

    /// `<post-12.thread-3@paddock.invalid>` without brackets: the Message-ID of a
    /// post written in Paddock, the same at every export.
    public static func messageID(post: Int64, thread: Int64) -> String { "post-\(post).thread-\(thread)@paddock.invalid" }

    /// The post and thread a Message-ID of `messageID(post:thread:)`'s form names; nil for any other.
    public static func exportedPost(_ messageID: String) -> (post: Int64, thread: Int64)? {
        guard messageID.hasPrefix("post-"), messageID.hasSuffix("@paddock.invalid") else { return nil }
        let middle = messageID.dropFirst(5).dropLast(16)
        let parts = middle.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].hasPrefix("thread-"), let post = Int64(parts[0]), let thread = Int64(parts[1].dropFirst(7)),
              messageID == self.messageID(post: post, thread: thread) else { return nil }
        return (post, thread)
    }

    /// The address of a member who has none: `handle@paddock.invalid`.
    public static func address(handle: String) -> String { "\(handle)@paddock.invalid" }
}
