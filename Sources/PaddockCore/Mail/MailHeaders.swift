/// A message's header block (RFC 5322 §2.2): fields in order, names
/// lowercased, values unfolded (a line break before white space removed), as
/// bytes. Header text that is not ASCII is read as UTF-8 when it is valid UTF-8,
/// else as Windows-1252 (8-bit headers from old mailers).
public struct MailHeaders {
    public var fields: [(name: String, value: [UInt8])] = []

    public init() {}

    /// Reads the header block at the start of `bytes`; returns it and where the
    /// body starts (after the empty line), or nil when the first line is not a
    /// header field at all. A block with no empty line after it is all headers.
    public static func parse(_ bytes: ArraySlice<UInt8>) -> (headers: MailHeaders, bodyStart: Int)? {
        var headers = MailHeaders()
        var i = bytes.startIndex
        let end = bytes.endIndex
        var name: String?
        var value: [UInt8] = []
        func flush() {
            if let name { headers.fields.append((name, trimmed(value))) }
            name = nil
            value = []
        }
        while i < end {
            var lineEnd = i
            while lineEnd < end, bytes[lineEnd] != 10 { lineEnd += 1 }
            var contentEnd = lineEnd
            if contentEnd > i, bytes[contentEnd - 1] == 13 { contentEnd -= 1 }
            let next = min(end, lineEnd + 1)
            if contentEnd == i {
                flush()
                return headers.fields.isEmpty ? nil : (headers, next)
            }
            let first = bytes[i]
            if first == 32 || first == 9 {
                // A folded line continues the field: the line break goes, the white space stays.
                if name != nil { value.append(contentsOf: bytes[i..<contentEnd]) }
            } else if let colon = bytes[i..<contentEnd].firstIndex(of: 58), colon > i,
                      bytes[i..<colon].allSatisfy({ $0 > 32 && $0 < 127 }) {
                flush()
                name = String(decoding: bytes[i..<colon], as: UTF8.self).lowercased()
                value = Array(bytes[(colon + 1)..<contentEnd])
            } else if headers.fields.isEmpty && name == nil {
                return nil
            } else {
                // Not a field and not a continuation: the headers ended without an empty line.
                flush()
                return (headers, i)
            }
            i = next
        }
        flush()
        return headers.fields.isEmpty ? nil : (headers, end)
    }

    static func trimmed(_ value: [UInt8]) -> [UInt8] {
        var start = 0, end = value.count
        while start < end, value[start] == 32 || value[start] == 9 { start += 1 }
        while end > start, value[end - 1] == 32 || value[end - 1] == 9 || value[end - 1] == 13 { end -= 1 }
        return Array(value[start..<end])
    }

    /// The first field of this name, as raw text (no encoded words decoded).
    public func raw(_ name: String) -> String? {
        fields.first { $0.name == name }.map { Self.text($0.value) }
    }

    /// The first field of this name, with RFC 2047 encoded words decoded.
    public func text(_ name: String) -> String? {
        raw(name).map(EncodedWords.decode)
    }

    static func text(_ bytes: [UInt8]) -> String {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        if let valid = String(validating: bytes, as: UTF8.self) { return valid }
        return Charset.decode(bytes, charset: "windows-1252").text
    }
}

/// RFC 2047 encoded words: `=?charset?B?…?=` and `=?charset?Q?…?=`. White space
/// between two encoded words is dropped; anything malformed stays as written.
public enum EncodedWords {
    public static func decode(_ text: String) -> String {
        guard text.contains("=?") else { return text }
        var out = ""
        var rest = Substring(text)
        var pendingSpace = ""
        var lastWasEncoded = false
        while !rest.isEmpty {
            guard let start = rest.range(of: "=?") else {
                out += pendingSpace + rest
                break
            }
            let before = rest[rest.startIndex..<start.lowerBound]
            if let (decoded, after) = word(rest[start.lowerBound...]) {
                if !(lastWasEncoded && before.allSatisfy({ $0 == " " || $0 == "\t" })) { out += before }
                out += decoded
                rest = after
                lastWasEncoded = true
            } else {
                out += before + "=?"
                rest = rest[start.upperBound...]
                lastWasEncoded = false
            }
            pendingSpace = ""
        }
        return out
    }

    /// One encoded word at the start of `text`, decoded, and what follows it.
    static func word(_ text: Substring) -> (String, Substring)? {
        let parts = text.dropFirst(2)
        guard let q1 = parts.firstIndex(of: "?") else { return nil }
        var charset = String(parts[parts.startIndex..<q1])
        if let star = charset.firstIndex(of: "*") { charset = String(charset[..<star]) }  // RFC 2231 language
        let afterCharset = parts[parts.index(after: q1)...]
        guard let q2 = afterCharset.firstIndex(of: "?"), afterCharset.distance(from: afterCharset.startIndex, to: q2) == 1 else { return nil }
        let encoding = afterCharset[afterCharset.startIndex].lowercased()
        let payload = afterCharset[afterCharset.index(after: q2)...]
        guard let close = payload.range(of: "?=") else { return nil }
        let encoded = payload[payload.startIndex..<close.lowerBound]
        guard !encoded.contains(" ") else { return nil }
        let bytes: [UInt8]
        switch encoding {
        case "b": bytes = TransferEncoding.base64(Array(encoded.utf8))
        case "q": bytes = TransferEncoding.quotedPrintable(Array(encoded.utf8), underscoreIsSpace: true)
        default: return nil
        }
        return (Charset.decode(bytes, charset: charset).text, payload[close.upperBound...])
    }
}

/// A mailbox in a From header: display name and address.
public struct MailAddress: Equatable, Sendable {
    public var name: String
    /// Lowercased: addresses are compared without case, as mail systems do in practice.
    public var address: String

    public init(name: String, address: String) {
        self.name = name
        self.address = address
    }

    /// An address a mail reader accepts in a From header: `local@domain`, with
    /// no white space, angle brackets, quotes or commas.
    public static func isValid(_ address: String) -> Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty
            && !address.contains(where: { $0.isWhitespace || "<>\",;()".contains($0) })
    }

    /// `Name <a@b>`, `"Name" <a@b>`, `a@b (Name)` or `a@b`; nil when no address (with an `@`) is there.
    public static func parse(_ raw: String) -> MailAddress? {
        var text = raw.trimmingWhitespace
        // A list of several: the first is the author.
        if let open = text.firstIndex(of: "<"), let close = text[open...].firstIndex(of: ">") {
            let address = String(text[text.index(after: open)..<close]).trimmingWhitespace
            var name = String(text[..<open]).trimmingWhitespace
            name = unquote(name)
            return !address.contains("@") ? nil : MailAddress(name: EncodedWords.decode(name).trimmingWhitespace, address: address.lowercased())
        }
        var name = ""
        if let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close {
            name = String(text[text.index(after: open)..<close])
            text = String(text[..<open]).trimmingWhitespace
        }
        if let comma = text.firstIndex(of: ",") { text = String(text[..<comma]) }
        let address = text.trimmingWhitespace
        // A bare word (`From: NoAddr`) is a name, not an address.
        guard address.contains("@"), !address.contains(" ") else { return nil }
        return MailAddress(name: EncodedWords.decode(unquote(name)).trimmingWhitespace, address: address.lowercased())
    }

    static func unquote(_ text: String) -> String {
        var t = text.trimmingWhitespace
        if t.count >= 2, t.hasPrefix("\""), t.hasSuffix("\"") {
            t = String(t.dropFirst().dropLast())
            var out = ""
            var escaped = false
            for c in t {
                if escaped { out.append(c); escaped = false } else if c == "\\" { escaped = true } else { out.append(c) }
            }
            return out
        }
        return t
    }
}

/// Message-IDs as they appear in Message-ID, In-Reply-To and References.
public enum MessageIDs {
    /// Every `<…>` in the field, without the brackets; a bare token when there
    /// are no brackets (old mailers). Comments and phrases are ignored.
    public static func all(in field: String?) -> [String] {
        guard let field else { return [] }
        var ids: [String] = []
        var rest = Substring(field)
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            let id = rest[rest.index(after: open)..<close].filter { !$0.isWhitespace }
            if !id.isEmpty, id.count <= 250 { ids.append(String(id)) }
            rest = rest[rest.index(after: close)...]
        }
        if ids.isEmpty {
            let bare = field.trimmingWhitespace
            if !bare.isEmpty, !bare.contains(" "), bare.contains("@"), bare.count <= 250 { ids.append(bare) }
        }
        return ids
    }
}
