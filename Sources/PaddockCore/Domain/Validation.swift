/// The shapes input must have before it is stored.
public enum Limits {
    public static let titleCharacters = 120
    public static let bodyBytes = 64 * 1024
    public static let handleCharacters = 2...32
    public static let displayNameCharacters = 64
    public static let slugCharacters = 1...40
    public static let boardTitleCharacters = 60
    public static let descriptionCharacters = 500
}

public enum Validate {
    /// A thread title: not blank, one line, at most 120 characters.
    public static func title(_ title: String) throws(CommunityError) -> String {
        let trimmed = title.trimmingWhitespace
        guard !trimmed.isEmpty else { throw .invalid("the title is empty") }
        guard !title.unicodeScalars.contains("\u{0}") else { throw .invalid(nulRefusal("title")) }
        guard !trimmed.contains(where: { $0.isNewline }) else { throw .invalid("the title must be one line") }
        guard trimmed.count <= Limits.titleCharacters else {
            throw .invalid("the title is \(trimmed.count) characters; the limit is \(Limits.titleCharacters)")
        }
        return trimmed
    }

    /// A post body: not blank, at most 64 KiB of UTF-8. Stored as written.
    public static func body(_ body: String) throws(CommunityError) -> String {
        guard !body.trimmingWhitespace.isEmpty else { throw .invalid("the post is empty") }
        guard !body.unicodeScalars.contains("\u{0}") else { throw .invalid(nulRefusal("post")) }
        let bytes = body.utf8.count
        guard bytes <= Limits.bodyBytes else {
            throw .invalid("the post is \(bytes) bytes; the limit is \(Limits.bodyBytes) bytes (64 KiB)")
        }
        return body
    }

    /// SQLite text ends at a NUL, so text holding one would be stored cut short:
    /// refused whole instead, so that what was acknowledged is what was written.
    static func nulRefusal(_ what: String) -> String {
        "the \(what) contains a NUL character (U+0000), which cannot be stored; remove it"
    }

    /// A handle: 2–32 of a–z, 0–9, `_`, `-`, `.`, starting with a letter or digit. Lowercased.
    public static func handle(_ handle: String) throws(CommunityError) -> String {
        let h = handle.lowercased()
        guard Limits.handleCharacters.contains(h.count),
              let first = h.unicodeScalars.first, isLowerAlnum(first),
              h.unicodeScalars.allSatisfy({ isLowerAlnum($0) || $0 == "_" || $0 == "-" || $0 == "." })
        else {
            throw .invalid("'\(handle)' is not a valid handle: use 2–32 letters a–z, digits, '_', '-' or '.', starting with a letter or digit")
        }
        return h
    }

    /// A board slug: 1–40 of a–z, 0–9 and `-`.
    public static func slug(_ slug: String) throws(CommunityError) -> String {
        let s = slug.lowercased()
        guard Limits.slugCharacters.contains(s.count),
              s.unicodeScalars.allSatisfy({ isLowerAlnum($0) || $0 == "-" })
        else {
            throw .invalid("'\(slug)' is not a valid slug: use 1–40 letters a–z, digits or '-'")
        }
        return s
    }

    /// A short single-line name (display name, board title): not blank, bounded.
    /// A name of invisible characters only (zero-width spaces, joiners) is blank:
    /// it would show as nothing wherever it is listed.
    public static func name(_ name: String, what: String, limit: Int) throws(CommunityError) -> String {
        let trimmed = name.trimmingWhitespace
        guard !trimmed.isEmpty else { throw .invalid("the \(what) is empty") }
        guard TextWidth.of(SafeText.displayable(trimmed)) > 0 else {
            throw .invalid("the \(what) shows nothing: it holds only invisible characters")
        }
        guard trimmed.count <= limit else {
            throw .invalid("the \(what) is \(trimmed.count) characters; the limit is \(limit)")
        }
        guard !trimmed.contains(where: { $0.isNewline }) else { throw .invalid("the \(what) must be one line") }
        return trimmed
    }

    private static func isLowerAlnum(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("0"..."9").contains(s)
    }
}

extension String {
    var trimmingWhitespace: String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}

/// Numbered pages, as scripts ask for them.
public enum Paging {
    /// How many rows come before page `page` (from 1) of `pageSize` rows; nil
    /// when that is more than any count can be (so the page does not exist):
    /// a page number typed near Int's limit is refused, never a trap.
    public static func rowsBefore(page: Int, pageSize: Int) -> Int? {
        guard page >= 1, pageSize >= 1 else { return nil }
        let (rows, overflow) = (page - 1).multipliedReportingOverflow(by: pageSize)
        return overflow ? nil : rows
    }
}
