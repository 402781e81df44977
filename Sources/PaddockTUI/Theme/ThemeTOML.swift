/// The small subset of TOML that theme files use, parsed strictly.
///
/// Understood: `#` comments, blank lines, `[table]` headers, `key = value` with
/// bare (`A-Za-z0-9_-`) or quoted keys, and values that are basic strings
/// (`"…"` with `\" \\ \n \t \r \b \f \uXXXX \UXXXXXXXX`), literal strings
/// (`'…'`), `true`/`false`, decimal integers and one-line inline tables
/// (`{ k = v, … }`). Anything else (dotted keys, arrays, floats, dates,
/// multi-line strings, `[[tables]]`) is refused with its line, never guessed at.
enum ThemeTOML {
    indirect enum Value: Equatable {
        case string(String)
        case bool(Bool)
        case integer(Int)
        case table(Table)

        var typeName: String {
            switch self {
            case .string: "a string"
            case .bool: "a boolean"
            case .integer: "an integer"
            case .table: "a table"
            }
        }
    }

    /// Keys in the order they were written, each with the line it was set on.
    struct Table: Equatable {
        struct Entry: Equatable {
            var key: String
            var value: Value
            var line: Int
        }
        var entries: [Entry] = []
        /// The line of the `[header]` (0 for the root table).
        var line = 0

        subscript(key: String) -> Entry? { entries.first { $0.key == key } }
    }

    struct SyntaxError: Error, Equatable {
        var line: Int
        var message: String
    }

    /// Parses a whole document into its root table; `[name]` sections become
    /// table values of the root.
    static func parse(_ text: String) throws(SyntaxError) -> Table {
        var root = Table()
        var current: String? = nil   // the table that keys go into; nil is the root
        var lineNumber = 0
        // Split on scalars: as Characters, "\r\n" is one and would not split on "\n".
        for rawLine in Array(text.unicodeScalars).split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Array(rawLine)
            if line.last == "\r" { line.removeLast() }
            var scanner = Scanner(scalars: line, line: lineNumber)
            scanner.skipSpace()
            if scanner.atEndOrComment { continue }
            if scanner.peek == "[" {
                scanner.index += 1
                if scanner.peek == "[" { throw scanner.error("arrays of tables ([[…]]) are not supported in theme files") }
                scanner.skipSpace()
                let name = try scanner.key()
                scanner.skipSpace()
                guard scanner.peek == "]" else {
                    if scanner.peek == "." { throw scanner.error("nested tables are not supported in theme files; write [\(name)] and quote dotted keys") }
                    throw scanner.error("expected ']' after table name '\(name)'")
                }
                scanner.index += 1
                try scanner.expectEnd(after: "table header")
                if let first = root[name] {
                    if case .table = first.value { throw scanner.error("duplicate table [\(name)] (first on line \(first.line))") }
                    throw scanner.error("duplicate key '\(name)' (first set on line \(first.line))")
                }
                root.entries.append(.init(key: name, value: .table(Table(entries: [], line: lineNumber)), line: lineNumber))
                current = name
                continue
            }
            let (key, value) = try scanner.keyValue()
            try scanner.expectEnd(after: "value")
            if let current {
                let index = root.entries.firstIndex { $0.key == current }!
                guard case .table(var table) = root.entries[index].value else { continue }
                if let first = table[key] { throw scanner.error("duplicate key '\(key)' (first set on line \(first.line))", at: lineNumber) }
                table.entries.append(.init(key: key, value: value, line: lineNumber))
                root.entries[index].value = .table(table)
            } else {
                if let first = root[key] { throw scanner.error("duplicate key '\(key)' (first set on line \(first.line))", at: lineNumber) }
                root.entries.append(.init(key: key, value: value, line: lineNumber))
            }
        }
        return root
    }

    /// Reads one line, left to right.
    private struct Scanner {
        let scalars: [Unicode.Scalar]
        let line: Int
        var index = 0

        init(scalars: [Unicode.Scalar], line: Int) {
            self.scalars = scalars
            self.line = line
        }

        var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }
        var atEndOrComment: Bool { peek == nil || peek == "#" }

        func error(_ message: String, at line: Int? = nil) -> SyntaxError {
            SyntaxError(line: line ?? self.line, message: message)
        }

        mutating func skipSpace() {
            while let c = peek, c == " " || c == "\t" { index += 1 }
        }

        static func isBare(_ c: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "_" || c == "-"
        }

        /// A bare or quoted key.
        mutating func key() throws(SyntaxError) -> String {
            guard let c = peek else { throw error("expected a key") }
            if c == "\"" || c == "'" {
                let key = try string()
                if key.isEmpty { throw error("empty key") }
                return key
            }
            var key = ""
            while let c = peek, Self.isBare(c) {
                key.unicodeScalars.append(c)
                index += 1
            }
            if key.isEmpty { throw error("expected a key, found \(shown(c))") }
            return key
        }

        /// `key = value`, the key checked for dots.
        mutating func keyValue() throws(SyntaxError) -> (String, Value) {
            let key = try key()
            skipSpace()
            if peek == "." {
                throw error("dotted keys are not supported in theme files; quote the key: \"\(key)\(rest(until: " =").map(String.init).joined())\"")
            }
            guard peek == "=" else { throw error("expected '=' after key '\(key)'") }
            index += 1
            skipSpace()
            return (key, try value())
        }

        /// The characters from here to the first of `stops` (for hints).
        func rest(until stops: String) -> [Character] {
            var out: [Character] = []
            var i = index
            while i < scalars.count, !stops.unicodeScalars.contains(scalars[i]) {
                out.append(Character(scalars[i]))
                i += 1
            }
            return out
        }

        mutating func value() throws(SyntaxError) -> Value {
            guard let c = peek, c != "#" else { throw error("expected a value after '='") }
            switch c {
            case "\"", "'": return .string(try string())
            case "{": return .table(try inlineTable())
            case "[": throw error("arrays are not supported in theme files")
            default: break
            }
            var word = ""
            while let c = peek, Self.isBare(c) || c == "+" || c == "." || c == ":" {
                word.unicodeScalars.append(c)
                index += 1
            }
            if word == "true" { return .bool(true) }
            if word == "false" { return .bool(false) }
            if let n = Self.integer(word) { return .integer(n) }
            if word.isEmpty { throw error("expected a value, found \(shown(c))") }
            if word.contains(".") || word.contains(":") || word == "inf" || word == "nan" {
                throw error("'\(word)' is not supported in theme files: use a string, true/false or an integer")
            }
            throw error("unexpected '\(word)'; a value is a \"string\", true, false, an integer or { … }")
        }

        /// A TOML decimal integer: optional sign, no leading zeros, `_` between digits.
        static func integer(_ word: String) -> Int? {
            var digits = Substring(word)
            if digits.first == "+" || digits.first == "-" { digits = digits.dropFirst() }
            guard let first = digits.first, first.isASCII, first.isNumber else { return nil }
            if first == "0", digits.count > 1 { return nil }
            if digits.hasPrefix("_") || digits.hasSuffix("_") || digits.contains("__") { return nil }
            return Int(word.replacingOccurrences(of: "_", with: ""))
        }

        mutating func string() throws(SyntaxError) -> String {
            let quote = peek!
            index += 1
            if peek == quote, index + 1 < scalars.count, scalars[index + 1] == quote {
                throw error("multi-line strings are not supported in theme files")
            }
            var out = String.UnicodeScalarView()
            while true {
                guard let c = peek else { throw error("unterminated string: add the closing \(quote)") }
                index += 1
                if c == quote { return String(out) }
                if c.value < 0x20 && c != "\t" || c.value == 0x7F {
                    throw error("control character U+\(hex(c.value, 4)) in a string")
                }
                if c == "\\" && quote == "\"" {
                    guard let e = peek else { throw error("unterminated string: add the closing \(quote)") }
                    index += 1
                    switch e {
                    case "\"": out.append("\"")
                    case "\\": out.append("\\")
                    case "n": out.append("\n")
                    case "t": out.append("\t")
                    case "r": out.append("\r")
                    case "b": out.append("\u{8}")
                    case "f": out.append("\u{C}")
                    case "u", "U":
                        let count = e == "u" ? 4 : 8
                        guard index + count <= scalars.count,
                              let v = UInt32(String(String.UnicodeScalarView(scalars[index..<index + count])), radix: 16),
                              let scalar = Unicode.Scalar(v) else {
                            throw error("invalid escape \\\(e): expected \(count) hex digits of a Unicode scalar")
                        }
                        out.append(scalar)
                        index += count
                    default: throw error("invalid escape '\\\(Character(e))' in a string")
                    }
                    continue
                }
                out.append(c)
            }
        }

        mutating func inlineTable() throws(SyntaxError) -> Table {
            index += 1   // {
            var table = Table(entries: [], line: line)
            skipSpace()
            if peek == "}" { index += 1; return table }
            while true {
                skipSpace()
                if peek == nil || peek == "#" { throw error("unterminated inline table: add the closing '}' on this line") }
                let (key, value) = try keyValue()
                if table[key] != nil { throw error("duplicate key '\(key)' in an inline table") }
                table.entries.append(.init(key: key, value: value, line: line))
                skipSpace()
                switch peek {
                case ",":
                    index += 1
                    skipSpace()
                    if peek == "}" { throw error("trailing comma in an inline table") }
                case "}":
                    index += 1
                    return table
                case nil, "#":
                    throw error("unterminated inline table: add the closing '}' on this line")
                case let c?:
                    throw error("expected ',' or '}' in an inline table, found \(shown(c))")
                }
            }
        }

        mutating func expectEnd(after what: String) throws(SyntaxError) {
            skipSpace()
            if let c = peek, c != "#" { throw error("unexpected \(shown(c)) after \(what)") }
        }
    }
}

/// A character for a message: quoted, or as U+XXXX when it would not show.
private func shown(_ c: Unicode.Scalar) -> String {
    c.properties.generalCategory == .control || c.properties.isWhitespace ? "U+\(hex(c.value, 4))" : "'\(Character(c))'"
}

private func hex(_ value: UInt32, _ width: Int) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
