/// `@handle` mentions in a post's text. A mention is `@` followed by a handle's
/// characters, not preceded by a letter, digit or handle character (so an
/// address like `a@b.com` mentions nobody), with a sentence's trailing `.` or
/// `-` left off. Whether the handle is a member is the store's question.
public enum Mentions {
    /// One `@handle` in a line: where it starts (in characters, the `@`
    /// included) and the handle in lower case.
    public struct Span: Equatable, Sendable {
        public let offset: Int
        public let length: Int
        public let handle: String
    }

    static func isHandleCharacter(_ c: Character) -> Bool {
        guard c.unicodeScalars.count == 1, let s = c.unicodeScalars.first, s.isASCII else { return false }
        return (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || (s >= "0" && s <= "9") || s == "_" || s == "-" || s == "."
    }

    /// Every `@handle` of one line of text, in order; a candidate needs 2–32 characters
    /// starting with a letter or digit, the shape `Validate.handle` accepts.
    public static func spans(in line: String) -> [Span] {
        let characters = Array(line)
        var spans: [Span] = []
        var i = 0
        while i < characters.count {
            guard characters[i] == "@", i == 0 || !(isHandleCharacter(characters[i - 1]) || characters[i - 1] == "@") else {
                i += 1
                continue
            }
            var end = i + 1
            while end < characters.count, isHandleCharacter(characters[end]) { end += 1 }
            var last = end
            while last > i + 1, characters[last - 1] == "." || characters[last - 1] == "-" { last -= 1 }
            let handle = String(characters[(i + 1)..<last]).lowercased()
            if let first = handle.unicodeScalars.first, (first >= "a" && first <= "z") || (first >= "0" && first <= "9"),
               Limits.handleCharacters.contains(handle.count) {
                spans.append(Span(offset: i, length: last - i, handle: handle))
            }
            i = max(end, i + 1)
        }
        return spans
    }

    /// The handles a post mentions, each once, in order of first mention.
    /// Quoted lines (`>`) are someone else's words: quoting a post does not
    /// mention again the people it mentioned.
    public static func handles(in body: String) -> [String] {
        var seen: Set<String> = []
        var handles: [String] = []
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.drop(while: { $0 == " " }).hasPrefix(">") { continue }
            for span in spans(in: String(line)) where seen.insert(span.handle).inserted {
                handles.append(span.handle)
            }
        }
        return handles
    }

    /// Handles mentioned in `new` that `old` did not mention: whom an edit should tell.
    public static func added(from old: String, to new: String) -> [String] {
        let before = Set(handles(in: old))
        return handles(in: new).filter { !before.contains($0) }
    }
}
