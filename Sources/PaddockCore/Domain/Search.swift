import Foundation

// Search: what a member types, made into an FTS5 query that can never be a
// syntax error, plus typed filters; and the snippet of a found post with its
// matching words marked. Pure.

/// One thing to look for: a word, a phrase ("riding mode") or a prefix (mod*).
/// Tokens are folded (lowercase, diacritics removed) as the index folds them.
public struct SearchTerm: Equatable, Sendable, Codable {
    public var tokens: [String]
    /// The last token also matches longer words that start with it.
    public var prefix: Bool

    public init(tokens: [String], prefix: Bool = false) {
        self.tokens = tokens
        self.prefix = prefix
    }

    /// As FTS5 reads it: one quoted string (a phrase), never an operator.
    public var fts: String {
        SearchQuery.quoted(tokens.joined(separator: " ")) + (prefix ? "*" : "")
    }
}

/// What the filters of a query ask for. Names (board, product, feature,
/// author) are resolved by the store; an unknown one finds nothing, with a hint.
public struct SearchFilters: Equatable, Sendable, Codable {
    public var board: String?
    public var product: String?
    public var feature: String?
    public var status: SuggestionStatus?
    public var kind: ThreadKind?
    public var author: String?
    /// Posts the viewer has not read yet.
    public var unread = false
    /// Suggestions the viewer supports.
    public var supported = false
    /// Posted before the start of this day (UTC).
    public var before: Date?
    /// Posted on this day (UTC) or later.
    public var after: Date?

    public init() {}

    public var isEmpty: Bool { self == SearchFilters() }
}

/// A parsed search: the words to find, the words to leave out, the filters.
///
/// The language: `word`, `"exact phrase"`, `-excluded` (or `-"phrase"`),
/// `prefix*`, and the filters `board:` `product:` `feature:` `status:` `kind:`
/// `author:` `is:unread` `is:supported` `before:YYYY-MM-DD` `after:YYYY-MM-DD`.
/// Whatever the text, `parse` never fails: a query that cannot run has a
/// `problem` to show instead, and a part it did not understand a `note`.
public struct SearchQuery: Equatable, Sendable {
    public var terms: [SearchTerm] = []
    public var excluded: [SearchTerm] = []
    public var filters = SearchFilters()
    /// Why nothing can be searched (no word to look for, a bad date…); nil when the query runs.
    public var problem: String?
    /// What was understood differently from how it was typed; the query still runs.
    public var notes: [String] = []

    /// At most this many words and phrases count (included and excluded together).
    public static let maxTerms = 16
    /// A query longer than this (in characters) is cut.
    public static let maxLength = 500

    public static let filterNames = ["board", "product", "feature", "status", "kind", "author", "is", "before", "after"]
    public static let filterHelp = "filters: board: product: feature: status: kind: author: is:unread is:supported before:YYYY-MM-DD after:YYYY-MM-DD"

    public init() {}

    /// The FTS5 MATCH expression; nil when there is a problem. Every term is a
    /// quoted string, so nothing the member typed is read as an operator.
    public var match: String? {
        guard problem == nil, !terms.isEmpty else { return nil }
        let positive = terms.map(\.fts).joined(separator: " ")
        guard !excluded.isEmpty else { return positive }
        return "(" + positive + ")" + excluded.map { " NOT " + $0.fts }.joined()
    }

    /// One line for the member: the problem, or the notes.
    public var hint: String? {
        if let problem { return problem }
        return notes.isEmpty ? nil : notes.joined(separator: "; ")
    }

    // MARK: Parsing

    public static func parse(_ input: String) -> SearchQuery {
        var query = SearchQuery()
        var text = Substring(input)
        if text.count > maxLength {
            // Cut between words: a word cut in two would be a word nobody typed, to be matched too.
            let cut = text.prefix(maxLength + 1)
            text = cut.lastIndex(where: { $0.isWhitespace }).map { cut[..<$0] } ?? text.prefix(maxLength)
            query.notes.append("the query was cut to its first \(maxLength) characters")
        }
        var chars = Array(text)
        // Newlines, tabs and control characters separate like spaces.
        chars = chars.map { c in c.unicodeScalars.allSatisfy { $0.properties.generalCategory == .control || $0.properties.isWhitespace } ? " " : c }
        var i = 0
        var problems: [String] = []
        var droppedTerms = false

        func readQuoted() -> String {
            // At a quote: up to the closing quote, or the end when it is never closed.
            i += 1
            var value = ""
            while i < chars.count, chars[i] != "\"" {
                value.append(chars[i])
                i += 1
            }
            if i < chars.count { i += 1 }
            return value
        }
        func readBare() -> String {
            var value = ""
            while i < chars.count, !chars[i].isWhitespace, chars[i] != " " {
                value.append(chars[i])
                i += 1
            }
            return value
        }
        func add(_ raw: String, quotedPhrase: Bool, negative: Bool) {
            var body = raw
            var prefix = false
            if !quotedPhrase {
                while body.hasSuffix("*") {
                    prefix = true
                    body.removeLast()
                }
            }
            let tokens = SearchText.tokens(in: body).map(\.folded)
            guard !tokens.isEmpty else { return }
            if quotedPhrase, i < chars.count, chars[i] == "*" {
                // "riding mo"* : the phrase's last word as a prefix.
                prefix = true
                while i < chars.count, chars[i] == "*" { i += 1 }
            }
            guard query.terms.count + query.excluded.count < maxTerms else {
                droppedTerms = true
                return
            }
            let term = SearchTerm(tokens: tokens, prefix: prefix)
            if negative {
                if !query.excluded.contains(term) { query.excluded.append(term) }
            } else if !query.terms.contains(term) {
                query.terms.append(term)
            }
        }

        while i < chars.count {
            if chars[i].isWhitespace { i += 1; continue }
            var negative = false
            while i < chars.count, chars[i] == "-" {
                negative = true
                i += 1
            }
            guard i < chars.count, !chars[i].isWhitespace else { continue }  // a lone "-"
            if chars[i] == "\"" {
                add(readQuoted(), quotedPhrase: true, negative: negative)
                continue
            }
            // A filter is name:value, the value bare or quoted.
            let start = i
            var name = ""
            while i < chars.count, chars[i].isASCII, chars[i].isLetter {
                name.append(chars[i])
                i += 1
            }
            if !name.isEmpty, i < chars.count, chars[i] == ":",
               i + 1 >= chars.count || chars[i + 1] != "/" {
                i += 1
                let value = i < chars.count && chars[i] == "\"" ? readQuoted() : readBare()
                let lower = name.lowercased()
                if filterNames.contains(lower) {
                    if negative {
                        query.notes.append("-\(lower): filters can't be excluded; ignored")
                    } else if let problem = query.apply(filter: lower, value: value.trimmingWhitespace) {
                        problems.append(problem)
                    }
                    continue
                }
                query.notes.append("'\(name):' is not a filter, so it was searched as words (\(filterHelp))")
                i = start
            } else {
                i = start
            }
            add(readBare(), quotedPhrase: false, negative: negative)
        }
        if droppedTerms { query.notes.append("only the first \(maxTerms) words count") }
        if let first = problems.first {
            query.problem = first
        } else if query.terms.isEmpty {
            if !query.excluded.isEmpty {
                query.problem = "add a word to search for: a search can't be only words to leave out"
            } else if !query.filters.isEmpty {
                query.problem = "add a word to search for: filters narrow a search, they don't make one"
            } else {
                query.problem = "add a word to search for"
            }
        }
        return query
    }

    /// Applies one known filter; returns a problem when its value is wrong.
    mutating func apply(filter name: String, value: String) -> String? {
        let slug = value.lowercased()
        guard !value.isEmpty else {
            // Refused like a wrong value: a filter typed without one is a mistake, not a wish to search wider.
            return "\(name): needs a value" + (name == "before" || name == "after" ? ", a date written YYYY-MM-DD, e.g. \(name):2026-05-31" : "")
        }
        switch name {
        case "board": filters.board = slug
        case "product": filters.product = slug
        case "feature": filters.feature = slug
        case "author": filters.author = value.hasPrefix("@") ? String(value.dropFirst()) : value
        case "status":
            let key = slug.replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
            guard let status = SuggestionStatus(rawValue: key) else {
                return "status: takes one of " + SuggestionStatus.allCases.map(\.rawValue).joined(separator: ", ") + " ('\(value)' is none)"
            }
            filters.status = status
        case "kind":
            let key = slug.hasSuffix("s") ? String(slug.dropLast()) : slug
            guard let kind = ThreadKind(rawValue: key) else {
                return "kind: takes discussion, announcement, suggestion or poll ('\(value)' is none)"
            }
            filters.kind = kind
        case "is":
            switch slug {
            case "unread": filters.unread = true
            case "supported": filters.supported = true
            default: return "is: takes unread or supported ('\(value)' is neither)"
            }
        case "before", "after":
            guard let day = Self.day(value) else {
                return "\(name): takes a date written YYYY-MM-DD, e.g. \(name):2026-05-31 ('\(value)' is not one)"
            }
            if name == "before" { filters.before = day } else { filters.after = day }
        default:
            break
        }
        return nil
    }

    /// Midnight UTC of a YYYY-MM-DD date that exists (2026-02-30 does not); nil otherwise.
    public static func day(_ text: String) -> Date? {
        guard text.utf8.count == 10, let parsed = UTCTime(parsing: text) else { return nil }
        let date = parsed.date
        let back = UTCTime(date)
        guard back.year == parsed.year, back.month == parsed.month, back.day == parsed.day else { return nil }
        return date
    }

    /// Text in FTS5 double quotes: a string, whatever it holds.
    public static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    // MARK: Similar suggestions

    static let stopWords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "i", "if", "in", "is", "it", "its",
        "my", "of", "on", "or", "so", "that", "the", "this", "to", "we", "with", "would", "you",
        "il", "lo", "la", "le", "gli", "di", "da", "del", "della", "e", "che", "per", "un", "una", "con", "non",
    ]

    /// At most this many words of a title count when looking for similar suggestions.
    public static let maxWords = 12

    /// Words of the text: letters and digits, lowercased; stop words dropped.
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        for token in SearchText.words(in: text) {
            let word = token.lowercased()
            if !stopWords.contains(word), !words.contains(word) { words.append(word) }
        }
        return Array(words.prefix(maxWords))
    }

    /// For "similar suggestions" while a title is typed: any of its words, the
    /// last also as a prefix (it may still be being typed); nil when there are none.
    public static func fts(_ text: String) -> String? {
        let words = words(text)
        guard !words.isEmpty else { return nil }
        var terms = words.map { quoted($0) }
        let endsInWord = text.unicodeScalars.last.map(SearchText.isWordScalar) ?? false
        if endsInWord, let last = words.last, last.count >= 3 { terms[terms.count - 1] += "*" }
        return terms.joined(separator: " OR ")
    }
}

/// How text splits into the tokens the full-text index holds (unicode61 with
/// diacritics removed): runs of letters, digits and marks; emoji and other
/// symbols outside the basic plane count as letters too. Everything else
/// (spaces, punctuation, quotes, operators) separates.
public enum SearchText {
    public struct Token: Equatable, Sendable {
        /// Where it is, in characters (graphemes) of the text.
        public var range: Range<Int>
        public var text: String
        /// Lowercase, without diacritics: "così" → "cosi".
        public var folded: String
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) }
        let p = scalar.properties
        switch p.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark, .privateUse:
            return true
        case .otherSymbol:
            return scalar.value > 0xFFFF
        default:
            return false
        }
    }

    static func isWord(_ c: Character) -> Bool {
        guard let first = c.unicodeScalars.first else { return false }
        return isWordScalar(first)
    }

    /// Lowercase without diacritics, as unicode61 folds: combining marks are
    /// dropped and precomposed letters lose their accents. By the standard
    /// library's Unicode tables and a small table here, never Foundation's
    /// folding, which would load ICU into the session.
    public static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                out.append(("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar)
                continue
            }
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark: continue
            default: break
            }
            for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                out.append(baseLetters[lower] ?? lower)
            }
        }
        return String(out)
    }

    /// Precomposed lowercase letters and their base letter (those with a
    /// canonical decomposition, as SQLite's remove_diacritics folds them).
    static let baseLetters: [Unicode.Scalar: Unicode.Scalar] = {
        let groups: [(Unicode.Scalar, String)] = [
            ("a", "àáâãäåāăąǎǻȁȃạảấầẩẫậắằẳẵặ"), ("c", "çćĉċč"), ("d", "ď"), ("e", "èéêëēĕėęěȅȇẹẻẽếềểễệ"),
            ("g", "ĝğġģǧ"), ("h", "ĥ"), ("i", "ìíîïĩīĭįǐȉȋỉị"), ("j", "ĵ"), ("k", "ķǩ"), ("l", "ĺļľ"),
            ("n", "ñńņňǹ"), ("o", "òóôõöōŏőơǒȍȏọỏốồổỗộớờởỡợ"), ("r", "ŕŗřȑȓ"), ("s", "śŝşšș"), ("t", "ţťț"),
            ("u", "ùúûüũūŭůűųưǔǖǘǚǜȕȗụủứừửữự"), ("w", "ŵẁẃẅ"), ("y", "ýÿŷỳỵỷỹ"), ("z", "źżž"),
            ("α", "ά"), ("ε", "έ"), ("η", "ή"), ("ι", "ίϊΐ"), ("ο", "ό"), ("υ", "ύϋΰ"), ("ω", "ώ"),
            ("е", "ё"), ("и", "й"), ("у", "ў"), ("і", "ї"),
        ]
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (base, letters) in groups {
            for letter in letters.unicodeScalars { table[letter] = base }
        }
        return table
    }()

    /// The words of a text as typed (not folded).
    static func words(in text: String) -> [String] {
        tokens(in: text).map(\.text)
    }

    public static func tokens(in text: String) -> [Token] {
        var tokens: [Token] = []
        var start: Int?
        var current = ""
        var index = 0
        func flush() {
            if let s = start, !current.isEmpty {
                let folded = fold(current)
                tokens.append(Token(range: s..<index, text: current, folded: folded.isEmpty ? current.lowercased() : folded))
            }
            start = nil
            current = ""
        }
        for c in text {
            if isWord(c) {
                if start == nil { start = index }
                current.append(c)
            } else {
                flush()
            }
            index += 1
        }
        flush()
        return tokens
    }
}

/// A few words around where a post matched, with the matching words marked.
public struct SearchSnippet: Equatable, Sendable, Codable {
    /// The text shown (as written: draw it through SafeText).
    public var text: String
    /// The matching words, as character (grapheme) ranges of `text`.
    public var matches: [Range<Int>]

    public init(text: String, matches: [Range<Int>]) {
        self.text = text
        self.matches = matches
    }

    /// The text cut into runs, each marked as a match or not: how a screen draws it.
    public var runs: [(text: String, match: Bool)] {
        let chars = Array(text)
        var runs: [(String, Bool)] = []
        var at = 0
        for range in matches.sorted(by: { $0.lowerBound < $1.lowerBound }) where range.lowerBound >= at && range.upperBound <= chars.count {
            if range.lowerBound > at { runs.append((String(chars[at..<range.lowerBound]), false)) }
            runs.append((String(chars[range]), true))
            at = range.upperBound
        }
        if at < chars.count { runs.append((String(chars[at...]), false)) }
        return runs
    }

    /// The character ranges of `text` that match the terms (phrases as a whole).
    public static func matches(in text: String, terms: [SearchTerm]) -> [Range<Int>] {
        let tokens = SearchText.tokens(in: text)
        var found: [Range<Int>] = []
        for term in terms where !term.tokens.isEmpty {
            let n = term.tokens.count
            guard tokens.count >= n else { continue }
            for start in 0...(tokens.count - n) {
                var ok = true
                for k in 0..<n {
                    let token = tokens[start + k].folded, want = term.tokens[k]
                    let last = k == n - 1
                    if !(token == want || (last && term.prefix && token.hasPrefix(want))) { ok = false; break }
                }
                if ok { found.append(tokens[start].range.lowerBound..<tokens[start + n - 1].range.upperBound) }
            }
        }
        // Sorted, overlaps merged.
        var merged: [Range<Int>] = []
        for r in found.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, r.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
            } else {
                merged.append(r)
            }
        }
        return merged
    }

    /// About `length` characters of `text` on one line, starting a little
    /// before the first match (at a word), with "…" where text was left out.
    public static func make(_ text: String, terms: [SearchTerm], length: Int = 160) -> SearchSnippet {
        // One line: runs of whitespace become one space.
        var flat = ""
        var lastSpace = true
        for c in text {
            if c.isWhitespace {
                if !lastSpace { flat.append(" ") }
                lastSpace = true
            } else {
                flat.append(c)
                lastSpace = false
            }
        }
        if flat.hasSuffix(" ") { flat.removeLast() }
        let chars = Array(flat)
        let all = matches(in: flat, terms: terms)
        let length = max(10, length)
        var start = 0
        if let first = all.first, first.lowerBound > length / 4 {
            start = first.lowerBound - length / 4
            // Begin at a word.
            while start < first.lowerBound, start > 0, !chars[start - 1].isWhitespace { start += 1 }
        }
        if chars.count - start < length { start = max(0, min(start, chars.count - length)) }
        let end = min(chars.count, start + length)
        var snippet = String(chars[start..<end])
        var shift = start
        if start > 0 {
            snippet = "…" + snippet
            shift -= 1
        }
        if end < chars.count { snippet += "…" }
        let ranges = all.compactMap { r -> Range<Int>? in
            let lo = max(r.lowerBound, start), hi = min(r.upperBound, end)
            return lo < hi ? (lo - shift)..<(hi - shift) : nil
        }
        return SearchSnippet(text: snippet, matches: ranges)
    }
}
