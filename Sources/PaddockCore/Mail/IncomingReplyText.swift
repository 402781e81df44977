/// What a member wrote in a reply by mail, without what their client added:
/// the quoted notice, the line introducing it, their signature.
///
/// The rule, in order:
/// 1. Everything from the first of these lines (outside a quote) to the end
///    goes: a signature delimiter (`-- `, or `--` as some clients trim it);
///    Outlook's `-----Original Message-----` (and its translations); a line
///    of 20 or more `_` followed by a header line (Outlook's separator); a
///    header block as Outlook and forwarding clients write it, `From:` then
///    within six lines `Sent:` or `Date:`, and `Subject:` or `To:`.
/// 2. Quoted lines (`>` first, after any spaces) go, wherever they are. The
///    member's own lines between quotes stay, in order, a blank line where a
///    quote was: an inline reply keeps every answer, without the questions.
/// 3. The line introducing a quote (`On …, NAME wrote:`, or its translations;
///    Gmail's may be wrapped over two lines) goes with it, blank lines between
///    them allowed.
/// 4. A mobile signature as the last line goes (`Sent from my iPhone`,
///    `Get Outlook for Android`, `Inviato da iPhone`…).
/// 5. Blank lines at the start and end go, runs of them become one, and
///    trailing spaces go.
public enum ReplyText {
    public static func extract(_ text: String) -> String {
        var lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
        if let cut = firstEnd(lines) { lines.removeSubrange(cut...) }

        // Mark quoted lines and the attributions introducing them.
        var drop = lines.map(isQuoted)
        var i = 0
        while i < lines.count {
            guard drop[i] else { i += 1; continue }
            // The start of a quote block: look back past blank lines for its introduction.
            var j = i - 1
            while j >= 0, !drop[j], isBlank(lines[j]) { j -= 1 }
            if j >= 0, !drop[j], isAttribution(lines[j]) {
                drop[j] = true
                // Gmail wraps a long one: "On Mon, 1 Dec 2026 at 10:00, Paddock <" / "reply+…@host> wrote:".
                if j >= 1, !drop[j - 1], !isBlank(lines[j - 1]), !startsAttribution(lines[j]), startsAttribution(lines[j - 1]) {
                    drop[j - 1] = true
                }
            }
            while i < lines.count, drop[i] { i += 1 }
        }
        // An attribution whose quote the end marker cut (Outlook and Gmail put theirs last) goes too.
        if let last = lines.indices.last(where: { !drop[$0] && !isBlank(lines[$0]) }), isAttribution(lines[last]) {
            drop[last] = true
            if last >= 1, !drop[last - 1], !isBlank(lines[last - 1]), !startsAttribution(lines[last]), startsAttribution(lines[last - 1]) {
                drop[last - 1] = true
            }
        }

        var kept: [String] = []
        var gap = false
        for (index, line) in lines.enumerated() {
            if drop[index] { gap = true; continue }
            var l = Substring(line)
            while let c = l.last, c == " " || c == "\t" { l.removeLast() }
            if l.isEmpty { gap = true; continue }
            if gap, !kept.isEmpty { kept.append("") }
            gap = false
            kept.append(String(l))
        }
        if let last = kept.last, isMobileSignature(last) {
            kept.removeLast()
            while kept.last?.isEmpty == true { kept.removeLast() }
        }
        return kept.joined(separator: "\n")
    }

    static func isBlank(_ line: String) -> Bool { line.allSatisfy { $0 == " " || $0 == "\t" } }

    static func isQuoted(_ line: String) -> Bool { line.drop { $0 == " " }.first == ">" }

    /// Where the member's text ends: the first signature delimiter, original-message
    /// line, Outlook separator or header block outside a quote.
    static func firstEnd(_ lines: [String]) -> Int? {
        for (i, line) in lines.enumerated() where !isQuoted(line) {
            let t = line.trimmingWhitespace
            if line == "-- " || line == "--" { return i }
            if isOriginalMessage(t) { return i }
            if t.count >= 20, t.allSatisfy({ $0 == "_" }) {
                if let next = lines[(i + 1)...].prefix(3).first(where: { !isBlank($0) }), headerName(next) != nil { return i }
            }
            if headerName(line) == "from" {
                let block = lines[(i + 1)...].prefix(6).compactMap(headerName)
                if block.contains(where: { $0 == "sent" || $0 == "date" }), block.contains(where: { $0 == "subject" || $0 == "to" }) { return i }
            }
        }
        return nil
    }

    static let originalMessage = ["original message", "ursprüngliche nachricht", "messaggio originale", "message d'origine",
                                  "mensaje original", "oorspronkelijk bericht", "originalmeddelande"]

    /// `-----Original Message-----`, dashes on both sides.
    static func isOriginalMessage(_ line: String) -> Bool {
        guard line.hasPrefix("--"), line.hasSuffix("--") else { return false }
        let inner = line.trimming("- ").lowercased()
        return originalMessage.contains(inner)
    }

    /// Header names Outlook and forwarding clients write, English and translated, mapped to English.
    static let headerNames: [String: String] = [
        "from": "from", "sent": "sent", "date": "date", "to": "to", "cc": "to", "subject": "subject",
        "von": "from", "gesendet": "sent", "an": "to", "betreff": "subject", "datum": "date",
        "da": "from", "inviato": "sent", "a": "to", "oggetto": "subject", "data": "date",
        "de": "from", "envoyé": "sent", "à": "to", "objet": "subject",
        "enviado": "sent", "para": "to", "asunto": "subject", "fecha": "date",
    ]

    /// `From: …` or `*From:* …` (bold, as some clients turn HTML to text) → "from".
    static func headerName(_ line: String) -> String? {
        var t = Substring(line.trimmingWhitespace)
        if t.first == "*" { t = t.dropFirst() }
        guard let colon = t.firstIndex(of: ":"), t.distance(from: t.startIndex, to: colon) <= 12 else { return nil }
        var name = t[..<colon]
        if name.last == "*" { name = name.dropLast() }
        return headerNames[name.lowercased()]
    }

    static let attributionEndings = ["wrote:", "writes:", "schrieb:", "a écrit :", "a écrit:", "ha scritto:", "scrisse:",
                                     "escribió:", "skrev:", "schreef:", "napisał:", "kirjoitti:", "escreveu:"]
    static let attributionStarts = ["on ", "am ", "le ", "il ", "el ", "em ", "op ", "den ", "w dniu "]

    /// `On Mon, 1 Dec 2026 at 10:00, Paddock <reply+…@host> wrote:`: a line ending as an introduction to a quote does.
    static func isAttribution(_ line: String) -> Bool {
        let t = line.trimmingWhitespace.lowercased()
        guard t.count <= 300 else { return false }
        if attributionEndings.contains(where: { t.hasSuffix($0) }) { return true }
        // German puts the name after the verb: "Am 03.12.26 um 09:58 schrieb Paddock <r@x>:".
        return t.hasSuffix(":") && startsAttribution(t) && attributionVerbs.contains { t.contains($0) }
    }

    static let attributionVerbs = [" wrote ", " schrieb ", " a écrit ", " ha scritto ", " escribió "]

    static func startsAttribution(_ line: String) -> Bool {
        let t = line.trimmingWhitespace.lowercased()
        return attributionStarts.contains { t.hasPrefix($0) }
    }

    static let mobilePrefixes = ["sent from my ", "sent from mail for ", "sent from outlook", "sent from yahoo mail", "sent from samsung",
                                 "sent from proton mail", "get outlook for ", "inviato da ", "inviato dal mio ", "von meinem ",
                                 "gesendet von ", "envoyé de mon ", "envoyé depuis ", "enviado desde mi ", "enviado do meu "]

    /// One short line a phone's mail app adds under every message.
    static func isMobileSignature(_ line: String) -> Bool {
        let t = line.trimmingWhitespace.lowercased()
        return t.count <= 60 && mobilePrefixes.contains { t.hasPrefix($0) }
    }
}

extension String {
    fileprivate func trimming(_ set: String) -> String {
        var s = Substring(self)
        while let c = s.first, set.contains(c) { s.removeFirst() }
        while let c = s.last, set.contains(c) { s.removeLast() }
        return String(s)
    }
}
