/// A message body made text: the text parts in order, each decoded from its
/// transfer encoding and charset; multipart/alternative read as its plain text
/// (its HTML when there is none); HTML turned into readable text; format=flowed
/// joined; every other part listed by name and size, not kept.
public struct MailBody: Equatable, Sendable {
    public var text: String
    public var attachments: [Attachment]
    /// Charsets iconv did not know, whose text was read as Latin-1.
    public var unknownCharsets: [String]

    public struct Attachment: Equatable, Sendable {
        public var name: String
        public var bytes: Int

        /// `[attachment: photo.jpg, 240 KB]`
        public var line: String { "[attachment: \(name), \(MIME.size(bytes))]" }
    }

    /// The text, then a line per attachment.
    public var post: String {
        let list = attachments.map(\.line).joined(separator: "\n")
        if list.isEmpty { return text }
        return text.isEmpty ? list : text + "\n\n" + list
    }
}

public enum MIME {
    /// Parts nested deeper than this are listed, not read: a hostile message
    /// cannot make the reader recurse without end.
    static let maxDepth = 16

    /// The body of a message or part whose headers are `headers`.
    /// - Parameter quotingHTML: HTML's blockquotes come out as `> ` lines (see `HTMLText.text(_:quoting:)`).
    public static func body(headers: MailHeaders, body: ArraySlice<UInt8>, quotingHTML: Bool = false) -> MailBody {
        var result = MailBody(text: "", attachments: [], unknownCharsets: [])
        var texts: [String] = []
        render(headers: headers, body: body, depth: 0, quotingHTML: quotingHTML, texts: &texts, into: &result)
        result.text = texts.map(trimmedEnd).filter { !$0.isEmpty }.joined(separator: "\n\n")
        return result
    }

    /// `type/subtype` lowercased and the parameters (names lowercased, values unquoted;
    /// RFC 2231 continuations `name*0*=` and charset-tagged `name*=utf-8''…` joined and decoded).
    public static func parameters(_ field: String?) -> (value: String, params: [String: String]) {
        guard let field else { return ("", [:]) }
        var pieces: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        for c in field {
            if escaped { current.append(c); escaped = false; continue }
            if c == "\\" && quoted { escaped = true; continue }
            if c == "\"" { quoted.toggle(); continue }
            if c == ";" && !quoted { pieces.append(current); current = ""; continue }
            current.append(c)
        }
        pieces.append(current)
        let value = pieces[0].trimmingWhitespace.lowercased()
        var params: [String: String] = [:]
        var continued: [String: [(Int, String, Bool)]] = [:]
        for piece in pieces.dropFirst() {
            guard let eq = piece.firstIndex(of: "=") else { continue }
            var name = String(piece[..<eq]).trimmingWhitespace.lowercased()
            let raw = String(piece[piece.index(after: eq)...]).trimmingWhitespace
            var extended = false
            if name.hasSuffix("*") { extended = true; name.removeLast() }
            if let star = name.firstIndex(of: "*"), let n = Int(name[name.index(after: star)...]) {
                continued[String(name[..<star]), default: []].append((n, raw, extended))
            } else {
                params[name] = extended ? rfc2231(raw, first: true) : EncodedWords.decode(raw)
            }
        }
        for (name, parts) in continued where params[name] == nil {
            let sorted = parts.sorted { $0.0 < $1.0 }
            params[name] = sorted.map { $0.2 ? rfc2231($0.1, first: $0.0 == 0) : $0.1 }.joined()
        }
        return (value, params)
    }

    /// `utf-8'en'caf%C3%A9` → `café` (the charset is taken as UTF-8 or Latin-1).
    static func rfc2231(_ raw: String, first: Bool) -> String {
        var text = Substring(raw)
        var charset = "utf-8"
        if first, let q1 = text.firstIndex(of: "'"), let q2 = text[text.index(after: q1)...].firstIndex(of: "'") {
            charset = String(text[..<q1])
            text = text[text.index(after: q2)...]
        }
        var bytes: [UInt8] = []
        var i = text.utf8.startIndex
        let utf8 = text.utf8
        while i < utf8.endIndex {
            let b = utf8[i]
            if b == 37, let a = utf8.index(i, offsetBy: 1, limitedBy: utf8.endIndex), a < utf8.endIndex,
               let c = utf8.index(i, offsetBy: 2, limitedBy: utf8.endIndex), c < utf8.endIndex,
               let hi = TransferEncoding.hex(utf8[a]), let lo = TransferEncoding.hex(utf8[c]) {
                bytes.append(hi << 4 | lo)
                i = utf8.index(after: c)
            } else {
                bytes.append(b)
                i = utf8.index(after: i)
            }
        }
        return Charset.decode(bytes, charset: charset).text
    }

    static func render(headers: MailHeaders, body: ArraySlice<UInt8>, depth: Int, quotingHTML: Bool = false, texts: inout [String], into result: inout MailBody) {
        let (type, params) = parameters(headers.raw("content-type"))
        let contentType = type.isEmpty || !type.contains("/") ? "text/plain" : type
        let disposition = parameters(headers.raw("content-disposition"))
        let filename = disposition.params["filename"] ?? params["name"]
        let encoding = (headers.raw("content-transfer-encoding") ?? "").trimmingWhitespace.lowercased()

        if contentType.hasPrefix("multipart/"), depth < maxDepth, let boundary = params["boundary"], !boundary.isEmpty {
            let parts = split(body, boundary: boundary)
            if contentType == "multipart/alternative" {
                let parsed = parts.compactMap { part in MailHeaders.parse(part).map { ($0.headers, part[($0.bodyStart)...]) } ?? (MailHeaders(), part) }
                func kind(_ h: MailHeaders) -> String { parameters(h.raw("content-type")).value }
                let choice = parsed.first { kind($0.0) == "text/plain" || kind($0.0).isEmpty }
                    ?? parsed.first { kind($0.0) == "text/html" }
                    ?? parsed.first { kind($0.0).hasPrefix("multipart/") }
                    ?? parsed.first
                if let choice { render(headers: choice.0, body: choice.1, depth: depth + 1, quotingHTML: quotingHTML, texts: &texts, into: &result) }
                return
            }
            for part in parts {
                if let (h, start) = MailHeaders.parse(part) {
                    render(headers: h, body: part[start...], depth: depth + 1, quotingHTML: quotingHTML, texts: &texts, into: &result)
                } else {
                    // A part with no headers is text/plain in US-ASCII (RFC 2046 §5.1).
                    render(headers: MailHeaders(), body: part.first == 10 ? part.dropFirst() : part[...], depth: depth + 1, quotingHTML: quotingHTML, texts: &texts, into: &result)
                }
            }
            return
        }

        let isText = contentType.hasPrefix("text/")
        let attached = disposition.value == "attachment" || (!isText) || (filename != nil && disposition.value != "inline" && contentType != "text/plain")
        if attached {
            let size = encoding == "base64" ? TransferEncoding.base64DecodedSize(body)
                : encoding == "quoted-printable" ? TransferEncoding.quotedPrintable(body).count : body.count
            var name = (filename ?? "").trimmingWhitespace
            if name.isEmpty {
                name = contentType == "message/rfc822" ? "forwarded message" : "unnamed \(contentType)"
            }
            name = String(name.map { $0.isNewline ? " " : $0 }.prefix(120))
            result.attachments.append(.init(name: name, bytes: size))
            return
        }
        let decoded: [UInt8] = switch encoding {
        case "base64": TransferEncoding.base64(body)
        case "quoted-printable": TransferEncoding.quotedPrintable(body)
        default: Array(body)
        }
        let charset = params["charset"]
        let text = Charset.decode(decoded, charset: charset)
        if text.unknown, let charset { result.unknownCharsets.append(charset) }
        var plain = normalizedNewlines(text.text)
        if contentType == "text/html" {
            plain = HTMLText.text(plain, quoting: quotingHTML)
        } else if params["format"]?.lowercased() == "flowed" {
            plain = Flowed.join(plain, delSp: params["delsp"]?.lowercased() == "yes")
        }
        texts.append(plain)
    }

    /// The parts between `--boundary` lines, up to `--boundary--`.
    static func split(_ body: ArraySlice<UInt8>, boundary: String) -> [ArraySlice<UInt8>] {
        let delimiter = Array(("--" + boundary).utf8)
        var parts: [ArraySlice<UInt8>] = []
        var partStart: Int?
        var i = body.startIndex
        while i < body.endIndex {
            var lineEnd = i
            while lineEnd < body.endIndex, body[lineEnd] != 10 { lineEnd += 1 }
            let next = min(body.endIndex, lineEnd + 1)
            if lineEnd - i >= delimiter.count, body[i] == 45, body[i..<(i + delimiter.count)].elementsEqual(delimiter) {
                let rest = body[(i + delimiter.count)..<lineEnd]
                let closing = rest.starts(with: [45, 45])
                if closing || rest.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) {
                    if let start = partStart {
                        // The line break before the delimiter belongs to it.
                        var end = i
                        if end > start, body[end - 1] == 10 { end -= 1 }
                        if end > start, body[end - 1] == 13 { end -= 1 }
                        parts.append(body[start..<max(start, end)])
                    }
                    if closing { return parts }
                    partStart = next
                }
            }
            i = next
        }
        // No closing delimiter: what was opened ends with the body.
        if let start = partStart, start < body.endIndex { parts.append(body[start...]) }
        return parts
    }

    static func normalizedNewlines(_ text: String) -> String {
        text.contains("\r") ? text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : text
    }

    static func trimmedEnd(_ text: String) -> String {
        var s = Substring(text)
        while let c = s.last, c.isWhitespace { s.removeLast() }
        // Leading blank lines go too; leading spaces of the first line stay.
        while s.first == "\n" { s.removeFirst() }
        return String(s)
    }

    /// `240 KB`, `3.1 MB`, `512 bytes` (KB = 1,024 bytes, rounded up).
    public static func size(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) byte\(bytes == 1 ? "" : "s")" }
        if bytes < 1024 * 1024 { return "\((bytes + 1023) / 1024) KB" }
        let tenths = (bytes * 10 + 1024 * 1024 - 1) / (1024 * 1024)
        return "\(tenths / 10).\(tenths % 10) MB"
    }
}

/// format=flowed (RFC 3676): a line ending in a space continues on the next
/// line of the same quote depth; space-stuffing is undone; with DelSp=yes the
/// trailing space is removed when joining. The signature separator `-- ` ends
/// a paragraph and stays as written.
public enum Flowed {
    public static func join(_ text: String, delSp: Bool) -> String {
        var out: [String] = []
        var paragraph: String?
        var paragraphDepth = 0
        func flush() {
            if let p = paragraph {
                out.append(paragraphDepth == 0 ? p : String(repeating: ">", count: paragraphDepth) + " " + p)
            }
            paragraph = nil
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var content = Substring(line)
            var depth = 0
            while content.first == ">" { depth += 1; content.removeFirst() }
            if content.first == " " { content.removeFirst() }  // space-stuffing (or the space after quotes)
            let signature = content == "-- "
            let flowed = content.hasSuffix(" ") && !signature
            if flowed && delSp { content.removeLast() }
            if paragraph != nil && (depth != paragraphDepth || signature) { flush() }
            if paragraph == nil { paragraphDepth = depth; paragraph = "" }
            paragraph! += content
            if !flowed { flush() }
        }
        flush()
        return out.joined(separator: "\n")
    }
}
