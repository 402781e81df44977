import Foundation
import GRDB
import PaddockCore

// Times go into SQLite and come back as text in GRDB's own format
// ("2026-05-28 20:26:40.000"), converted by UTCTime instead of GRDB's
// DateFormatter and Calendar: those load ICU, about 12 MB resident in every
// session (BENCHMARKS.md). So: statement arguments take `date.stored`, never a
// bare Date; rows are read with `row.date(_:)`; records adopt `StoredDates`.
// A test scans the sources for the bare forms.

extension Date {
    /// The text the store keeps for this moment.
    var stored: String { UTCTime(self).storageText }

    /// A stored moment: text as written by the store or GRDB, or seconds since 1970;
    /// nil for anything else, and for a number of seconds outside the years the
    /// store can write back (``UTCTime/storable``).
    static func fromStored(_ value: DatabaseValue) -> Date? {
        let date: Date? = switch value.storage {
        case .string(let text): UTCTime(parsing: text)?.date
        case .int64(let seconds): Date(timeIntervalSince1970: TimeInterval(seconds))
        case .double(let seconds): Date(timeIntervalSince1970: seconds)
        case .null, .blob: nil
        }
        return date.flatMap { UTCTime.storable.contains($0) ? $0 : nil }
    }

    static func fetchStored(_ db: Database, sql: String, arguments: StatementArguments = []) throws -> Date? {
        try DatabaseValue.fetchOne(db, sql: sql, arguments: arguments).flatMap(fromStored)
    }

    static func fetchAllStored(_ db: Database, sql: String, arguments: StatementArguments = []) throws -> [Date] {
        try DatabaseValue.fetchAll(db, sql: sql, arguments: arguments).compactMap(fromStored)
    }
}

extension Row {
    /// The moment stored in `column`, nil when it is NULL.
    func date(_ column: String) -> Date? {
        Date.fromStored(self[column] as DatabaseValue)
    }
}

/// Records and views whose Date properties are stored as `Date.stored` text.
public protocol StoredDates {}

extension StoredDates where Self: FetchableRecord {
    public static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy {
        .custom(Date.fromStored)
    }
}

extension StoredDates where Self: EncodableRecord {
    public static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
        .custom { $0.stored }
    }
}

// GRDB's own Date decoding would load ICU: these make `row["column"] as Date`
// a warning inside the store.
extension Row {
    @available(*, deprecated, message: "read moments with row.date(_:)")
    subscript(_ column: String) -> Date { self.date(column)! }

    @available(*, deprecated, message: "read moments with row.date(_:)")
    subscript(_ column: String) -> Date? { self.date(column) }
}
