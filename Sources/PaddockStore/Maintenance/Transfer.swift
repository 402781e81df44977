import Foundation
import GRDB
import PaddockCore

/// One value of a stored column, as SQLite keeps it: exported and imported
/// without conversion, so text comes back exactly as written.
public enum StoredValue: Codable, Hashable, Sendable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob(Data)

    init(_ value: DatabaseValue) {
        switch value.storage {
        case .null: self = .null
        case .int64(let v): self = .integer(v)
        case .double(let v): self = .real(v)
        case .string(let v): self = .text(v)
        case .blob(let v): self = .blob(v)
        }
    }

    var databaseValue: DatabaseValue {
        switch self {
        case .null: .null
        case .integer(let v): v.databaseValue
        case .real(let v): v.databaseValue
        case .text(let v): v.databaseValue
        case .blob(let v): v.databaseValue
        }
    }

    private struct Blob: Codable { let base64: String }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null; return }
        if let v = try? c.decode(String.self) { self = .text(v); return }
        if let v = try? c.decode(Int64.self) { self = .integer(v); return }
        if let v = try? c.decode(Double.self) { self = .real(v); return }
        if let v = try? c.decode(Blob.self), let data = Data(base64Encoded: v.base64) { self = .blob(data); return }
        throw DecodingError.dataCorruptedError(in: c, debugDescription: "a field must be null, a number, text or {\"base64\": …}")
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .integer(let v): try c.encode(v)
        case .real(let v): try c.encode(v)
        case .text(let v): try c.encode(v)
        case .blob(let v): try c.encode(Blob(base64: v.base64EncodedString()))
        }
    }

    var kind: String {
        switch self {
        case .null: "null"
        case .integer: "an integer"
        case .real: "a number"
        case .text: "text"
        case .blob: "bytes"
        }
    }

    var display: String {
        switch self {
        case .null: "null"
        case .integer(let v): "\(v)"
        case .real(let v): "\(v)"
        case .text(let v): "'\(v)'"
        case .blob(let v): "\(v.count) bytes"
        }
    }
}

/// The whole community as one document: every table that holds the
/// community's data, each a list of records (columns by name), under its plural
/// name — `members`, `boards`, `threads`, `posts`, `postRevisions`, `products`,
/// `features`, `settings`, … — plus the schema steps it was written with.
/// Search indexes are not exported: they are rebuilt from the records.
public struct CommunityExport: Codable, Equatable, Sendable {
    public static let format = "paddock-community"
    public static let version = 1

    public var schema: [String]
    /// Records by table name, each in primary-key order.
    public var tables: [String: [[String: StoredValue]]]

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// The document's name for a table's records: its plural.
    public static func key(forTable table: String) -> String {
        if table.hasSuffix("y"), let before = table.dropLast().last, !"aeiou".contains(before) { return table.dropLast() + "ies" }
        if ["s", "x", "ch", "sh"].contains(where: { table.hasSuffix($0) }) { return table + "es" }
        return table + "s"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(Self.format, forKey: Key("format"))
        try c.encode(Self.version, forKey: Key("version"))
        try c.encode(schema, forKey: Key("schema"))
        for (table, rows) in tables { try c.encode(rows, forKey: Key(Self.key(forTable: table))) }
    }

    /// Reads the document's shape only; `Transfer.importDocument` checks its meaning.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        guard (try? c.decode(String.self, forKey: Key("format"))) == Self.format else {
            throw TransferError.invalid(["format: not a Paddock export (expected \"format\": \"\(Self.format)\")"])
        }
        guard let version = try? c.decode(Int.self, forKey: Key("version")), version == Self.version else {
            throw TransferError.invalid(["version: this Paddock reads version \(Self.version) exports"])
        }
        guard let schema = try? c.decode([String].self, forKey: Key("schema")) else {
            throw TransferError.invalid(["schema: expected the list of schema steps"])
        }
        self.schema = schema
        var tables: [String: [[String: StoredValue]]] = [:]
        var problems: [String] = []
        for key in c.allKeys where !["format", "version", "schema"].contains(key.stringValue) {
            do {
                tables[key.stringValue] = try c.decode([[String: StoredValue]].self, forKey: key)
            } catch let DecodingError.dataCorrupted(context), let DecodingError.typeMismatch(_, context) {
                problems.append(Transfer.place(key.stringValue, context.codingPath.dropFirst()) + ": expected a list of records whose fields are null, numbers or text")
            }
        }
        guard problems.isEmpty else { throw TransferError.invalid(problems) }
        // Keys are plural table names here; `Transfer` maps them back.
        self.tables = tables
    }

    init(schema: [String], tables: [String: [[String: StoredValue]]]) {
        self.schema = schema
        self.tables = tables
    }

    /// The document as text: keys sorted, so the same community always gives the same bytes.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    public static func decode(_ data: Data) throws -> CommunityExport {
        do {
            return try JSONDecoder().decode(CommunityExport.self, from: data)
        } catch let error as TransferError {
            throw error
        } catch DecodingError.typeMismatch(_, let context) where context.codingPath.isEmpty {
            throw TransferError.invalid(["not a Paddock export: expected a JSON object with \"format\": \"\(format)\""])
        } catch {
            throw TransferError.invalid(["not a JSON document: \(Transfer.describe(error))"])
        }
    }
}

/// Why an import was refused; nothing was written.
public enum TransferError: Error, Equatable, CustomStringConvertible {
    /// Each problem names the record and field: `posts[12].threadId: no thread 99`.
    case invalid([String])
    case notEmpty(path: String)

    public var description: String {
        switch self {
        case .invalid(let problems):
            let shown = problems.prefix(20).joined(separator: "\n")
            return problems.count > 20 ? shown + "\n… and \(problems.count - 20) more problems" : shown
        case .notEmpty(let path):
            return "\(path) already holds a community; import only into a new or empty file"
        }
    }
}

/// Export and import of a whole community, table by table from the schema
/// itself, so tables added by later schema steps travel without changes here.
public enum Transfer {
    /// A table as the schema describes it.
    struct Table {
        let name: String
        let columns: [Column]
        let primaryKey: [String]
        let references: [Reference]

        struct Column {
            let name: String
            let type: String
            let notNull: Bool
            let hasDefault: Bool
            /// An INTEGER PRIMARY KEY: SQLite numbers it when absent.
            let isRowID: Bool
        }

        struct Reference {
            let column: String
            let table: String
            let to: String
        }
    }

    /// The community's tables in creation order, parents before children:
    /// search indexes (virtual tables and their shadow tables) and SQLite's
    /// and GRDB's own bookkeeping left out.
    static func tables(_ db: Database) throws -> [Table] {
        let rows = try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY rowid")
        let virtual = rows.filter { (($0["sql"] as String?) ?? "").uppercased().hasPrefix("CREATE VIRTUAL TABLE") }.map { $0["name"] as String }
        var tables: [Table] = []
        for row in rows {
            let name: String = row["name"]
            if name.hasPrefix("sqlite_") || name == "grdb_migrations" { continue }
            if virtual.contains(where: { name == $0 || name.hasPrefix($0 + "_") }) { continue }
            let info = try Row.fetchAll(db, sql: "SELECT * FROM pragma_table_info(?) ORDER BY cid", arguments: [name])
            let pk = info.filter { ($0["pk"] as Int) > 0 }.sorted { ($0["pk"] as Int) < ($1["pk"] as Int) }.map { $0["name"] as String }
            let columns = info.map { c in
                let type = ((c["type"] as String?) ?? "").uppercased()
                return Table.Column(name: c["name"], type: type, notNull: c["notnull"], hasDefault: (c["dflt_value"] as String?) != nil,
                                    isRowID: pk == [c["name"] as String] && type == "INTEGER")
            }
            let references = try Row.fetchAll(db, sql: "SELECT * FROM pragma_foreign_key_list(?) ORDER BY id, seq", arguments: [name])
                .map { Table.Reference(column: $0["from"], table: $0["table"], to: ($0["to"] as String?) ?? "") }
            tables.append(Table(name: name, columns: columns, primaryKey: pk, references: references))
        }
        // Parents first; among equals, the order the schema created them (later
        // steps' tables and triggers expect the earlier ones filled).
        var ordered: [Table] = []
        var pending = tables
        while !pending.isEmpty {
            let placed = Set(ordered.map(\.name))
            let index = pending.firstIndex { t in
                t.references.allSatisfy { r in r.table == t.name || placed.contains(r.table) || !pending.contains { $0.name == r.table } }
            } ?? 0
            ordered.append(pending.remove(at: index))
        }
        return ordered
    }

    /// The whole community, read from one snapshot.
    public static func export(_ database: AppDatabase) throws -> CommunityExport {
        try database.writer.read { db in
            let schema = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
            var result: [String: [[String: StoredValue]]] = [:]
            for table in try tables(db) {
                let order = table.primaryKey.isEmpty ? "rowid" : table.primaryKey.map { $0.quotedDatabaseIdentifier }.joined(separator: ", ")
                let rows = try Row.fetchCursor(db, sql: "SELECT * FROM \(table.name.quotedDatabaseIdentifier) ORDER BY \(order)")
                var records: [[String: StoredValue]] = []
                while let row = try rows.next() {
                    var record: [String: StoredValue] = [:]
                    for (column, value) in row { record[column] = StoredValue(value) }
                    records.append(record)
                }
                result[table.name] = records
            }
            return CommunityExport(schema: schema, tables: result)
        }
    }

    /// Fills an empty community with a document. The whole document is checked
    /// first — every record's fields against the schema, every reference
    /// against the records it names — then written in one transaction, which
    /// is committed only if `Integrity.problems` finds nothing. On any problem
    /// nothing is written and the error names each record and field.
    ///
    /// When the method returns, the community holds exactly the document's records.
    public static func importDocument(_ document: CommunityExport, into database: AppDatabase, path: String = ":memory:") throws {
        try database.writer.write { db in
            let tables = try tables(db)
            for table in tables where try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(table.name.quotedDatabaseIdentifier))")! {
                throw TransferError.notEmpty(path: path)
            }
            let known = Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
            let unknown = document.schema.filter { !known.contains($0) }
            if !unknown.isEmpty {
                throw TransferError.invalid(["schema: written by a newer Paddock (schema \(unknown.joined(separator: ", "))); upgrade paddock to import it"])
            }
            let records = try validate(document, tables: tables)
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            // The counters travel as rows: counting the imported events again would add to them.
            let counting = try Schema.suspendActivityTriggers(db)
            for table in tables {
                let key = CommunityExport.key(forTable: table.name)
                for (index, record) in (records[table.name] ?? []).enumerated() {
                    let columns = table.columns.map(\.name).filter { record[$0] != nil }
                    let sql = "INSERT INTO \(table.name.quotedDatabaseIdentifier) (\(columns.map { $0.quotedDatabaseIdentifier }.joined(separator: ", "))) "
                        + "VALUES (\(databaseQuestionMarks(count: columns.count)))"
                    do {
                        try db.cachedStatement(sql: sql).execute(arguments: StatementArguments(columns.map { record[$0]!.databaseValue }))
                    } catch let error as DatabaseError {
                        throw TransferError.invalid(["\(key)[\(index)]: \(error.message ?? "\(error.resultCode)")"])
                    }
                }
            }
            for sql in counting { try db.execute(sql: sql) }
            let problems = try Integrity.problems(db)
            guard problems.isEmpty else {
                throw TransferError.invalid(problems.map { "the records disagree: \($0)" })
            }
        }
    }

    /// Checks every record against the schema and the document's other
    /// records; returns the records by table name, or throws every problem.
    static func validate(_ document: CommunityExport, tables: [Table]) throws -> [String: [[String: StoredValue]]] {
        var problems: [String] = []
        let byKey = Dictionary(uniqueKeysWithValues: tables.map { (CommunityExport.key(forTable: $0.name), $0) })
        var records: [String: [[String: StoredValue]]] = [:]
        for key in document.tables.keys.sorted() {
            guard let table = byKey[key] else {
                problems.append("\(key): not a kind of record this Paddock knows")
                continue
            }
            records[table.name] = document.tables[key]
        }

        // Primary keys: present, unique; remembered for references.
        var keyValues: [String: [[StoredValue]: Int]] = [:]
        for table in tables {
            let key = CommunityExport.key(forTable: table.name)
            var seen: [[StoredValue]: Int] = [:]
            for (index, record) in (records[table.name] ?? []).enumerated() {
                let place = "\(key)[\(index)]"
                for field in record.keys.sorted() where !table.columns.contains(where: { $0.name == field }) {
                    problems.append("\(place).\(field): no such field in \(key)")
                }
                for column in table.columns {
                    guard let value = record[column.name] else {
                        if column.notNull && !column.hasDefault && !column.isRowID {
                            problems.append("\(place).\(column.name): missing")
                        }
                        continue
                    }
                    if value == .null {
                        if column.notNull && !column.isRowID { problems.append("\(place).\(column.name): must not be null") }
                        continue
                    }
                    if case .text(let text) = value, text.unicodeScalars.contains("\u{0}") {
                        problems.append("\(place).\(column.name): contains a NUL character (U+0000), which cannot be stored")
                    }
                    if let expected = expectedKind(column.type), !expected.accepts(value) {
                        problems.append("\(place).\(column.name): expected \(expected.name), got \(value.kind)")
                    } else if column.type.contains("DATE"), case .text(let text) = value, !readableTime(text) {
                        problems.append("\(place).\(column.name): \(value.display.prefix(40)) is not a time (expected e.g. 2026-05-28 20:26:40.000, a real day)")
                    }
                }
                problems += ruleProblems(table: table.name, record: record, place: place)
                if !table.primaryKey.isEmpty {
                    let pk = table.primaryKey.map { record[$0] ?? .null }
                    if !pk.contains(.null) {
                        if let first = seen[pk] {
                            problems.append("\(place).\(table.primaryKey.joined(separator: ",")): \(pk.map(\.display).joined(separator: ", ")) is also \(key)[\(first)]")
                        } else {
                            seen[pk] = index
                        }
                    } else if table.primaryKey.count > 1 || !(table.columns.first { $0.name == table.primaryKey[0] }?.isRowID ?? false) {
                        problems.append("\(place).\(table.primaryKey.joined(separator: ",")): missing")
                    }
                }
            }
            keyValues[table.name] = seen
        }

        // References: each names a record the document holds.
        for table in tables {
            let key = CommunityExport.key(forTable: table.name)
            for (index, record) in (records[table.name] ?? []).enumerated() {
                for reference in table.references {
                    guard let value = record[reference.column], value != .null else { continue }
                    let target = reference.to.isEmpty ? (tables.first { $0.name == reference.table }?.primaryKey.first ?? "id") : reference.to
                    let parentKeys = tables.first { $0.name == reference.table }?.primaryKey ?? []
                    if parentKeys == [target] {
                        if keyValues[reference.table]?[[value]] == nil {
                            problems.append("\(key)[\(index)].\(reference.column): no \(reference.table) \(value.display)")
                        }
                    } else {
                        let values = (records[reference.table] ?? []).compactMap { $0[target] }
                        if !values.contains(value) {
                            problems.append("\(key)[\(index)].\(reference.column): no \(reference.table) with \(target) \(value.display)")
                        }
                    }
                }
            }
        }
        guard problems.isEmpty else { throw TransferError.invalid(problems) }
        return records
    }

    /// The rules the app applies to what people type, applied to each imported
    /// record's fields: the same Core validation that `Community`'s methods call,
    /// so a record import accepts is one the app could have written.
    static let fieldRules: [String: [String: @Sendable (String) throws -> String]] = [
        "member": ["handle": { try Validate.handle($0) },
                   "displayName": { try Validate.name($0, what: "display name", limit: Limits.displayNameCharacters) },
                   "role": { try oneOf(Role.self, $0, what: "role") }],
        "board": ["slug": { try Validate.slug($0) },
                  "threadKind": { try oneOf(ThreadKind.self, $0, what: "kind of thread") },
                  "title": { try Validate.name($0, what: "board title", limit: Limits.boardTitleCharacters) },
                  "description": { try Community.catalogDescription($0) }],
        "thread": ["title": { try Validate.title($0) }],
        "post": ["body": { try Validate.body($0) }],
        "postRevision": ["body": { try Validate.body($0) }],
        "notification": ["kind": { try oneOf(NotificationKind.self, $0, what: "kind of notification") }],
        "product": ["slug": { try Validate.slug($0) },
                    "name": { try Validate.name($0, what: "product name", limit: Limits.boardTitleCharacters) },
                    "description": { try Community.catalogDescription($0) }],
        "feature": ["slug": { try Validate.slug($0) },
                    "name": { try Validate.name($0, what: "feature name", limit: Limits.boardTitleCharacters) },
                    "description": { try Community.catalogDescription($0) }],
        // A rating by a member who no longer rides the product is kept (the app keeps it when they stop),
        // so import does not ask for a rider record; the review and stars are checked as `rate` checks them.
        "featureRating": ["review": { text in
            let stored = try Validate.review(text)
            guard stored == text else { throw CommunityError.invalid("the review must be written as the app stores it, without spaces around it") }
            return stored
        }],
    ]

    /// A value of one of the app's vocabularies (a role, a kind of thread), named with the ones there are.
    static func oneOf<Value: RawRepresentable & CaseIterable>(_: Value.Type, _ text: String, what: String) throws -> String
    where Value.RawValue == String {
        guard Value(rawValue: text) == nil else { return text }
        throw CommunityError.invalid("'\(text)' is not a \(what): " + Value.allCases.map(\.rawValue).joined(separator: ", "))
    }

    /// Where a record breaks the app's rules, one line per field.
    static func ruleProblems(table: String, record: [String: StoredValue], place: String) -> [String] {
        var problems: [String] = []
        for (column, rule) in (fieldRules[table] ?? [:]).sorted(by: { $0.key < $1.key }) {
            // Text holding a NUL is refused above, as such.
            guard case .text(let text)? = record[column], !text.unicodeScalars.contains("\u{0}") else { continue }
            do {
                let stored = try rule(text)
                // Identities are kept as the app keeps them: lowercased.
                if ["handle", "slug"].contains(column), stored != text {
                    problems.append("\(place).\(column): '\(text)' must be written as the app stores it, '\(stored)'")
                }
            } catch {
                problems.append("\(place).\(column): \(error)")
            }
        }
        if table == "featureRating", case .integer(let stars)? = record["stars"] {
            do throws(CommunityError) {
                _ = try Validate.stars(Int(clamping: stars))
            } catch {
                problems.append("\(place).stars: \(error)")
            }
        }
        if table == "setting", case .text(let key)? = record["key"], case .text(let value)? = record["value"] {
            // Any key the app writes (`setting set`'s and the milestones), as the app would accept it.
            do {
                _ = try (Setting(rawValue: key) ?? Setting.changeable(key)).validate(value)
            } catch {
                problems.append("\(place).value: \(error)")
            }
        }
        if table == "notification", let payload = record["payload"], payload != .null, case .text(let kind)? = record["kind"],
           let problem = NotificationPayload.problem(stored: payload.databaseValue, kind: kind) {
            problems.append("\(place).payload: \(problem)")
        }
        return problems
    }

    /// A stored time that reads back as the same moment: parsed as the store
    /// parses it, on a day the calendar has (no 30 February).
    static func readableTime(_ text: String) -> Bool {
        guard let time = UTCTime(parsing: text) else { return false }
        let back = UTCTime(time.date)
        return (back.year, back.month, back.day, back.hour, back.minute, back.second)
            == (time.year, time.month, time.day, time.hour, time.minute, time.second)
    }

    struct Expected {
        let name: String
        let accepts: (StoredValue) -> Bool
    }

    /// What a declared column type takes, by SQLite's affinity rules as the schema uses them.
    static func expectedKind(_ type: String) -> Expected? {
        if type.contains("INT") || type == "BOOLEAN" {
            return Expected(name: "an integer") { if case .integer = $0 { true } else { false } }
        }
        if type.contains("CHAR") || type.contains("CLOB") || type.contains("TEXT") || type.contains("DATE") {
            return Expected(name: "text") { if case .text = $0 { true } else { false } }
        }
        if type.contains("REAL") || type.contains("FLOA") || type.contains("DOUB") {
            return Expected(name: "a number") {
                switch $0 { case .integer, .real: true; default: false }
            }
        }
        return nil
    }

    static func place(_ key: String, _ path: some Collection<any CodingKey>) -> String {
        var text = key
        for step in path {
            if let i = step.intValue { text += "[\(i)]" } else { text += ".\(step.stringValue)" }
        }
        return text
    }

    static func describe(_ error: any Error) -> String {
        func place(_ context: DecodingError.Context) -> String {
            context.codingPath.isEmpty ? "" : context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }
                .joined().drop { $0 == "." } + ": "
        }
        switch error {
        case DecodingError.dataCorrupted(let context):
            return place(context) + (context.underlyingError.map { "\($0.localizedDescription)" } ?? context.debugDescription)
        case DecodingError.valueNotFound(_, let context), DecodingError.typeMismatch(_, let context),
             DecodingError.keyNotFound(_, let context):
            return place(context) + context.debugDescription
        default:
            return "\(error.localizedDescription)"
        }
    }
}
