import Foundation
import GRDB

/// Why a community file could not be opened. Each says what to do in one line.
public enum OpenError: Error, Equatable, CustomStringConvertible {
    case missing(path: String)
    case unreadable(path: String, reason: String)
    case newerSchema(path: String, unknown: [String])
    /// A file that exists but holds no Paddock schema (another program's database, an empty file).
    case notCommunity(path: String)

    public var description: String {
        switch self {
        case .missing(let path):
            "no community at \(path): create one with `paddock init` (or `paddock init --demo`)"
        case .unreadable(let path, let reason):
            "cannot open the community at \(path): \(reason)"
        case .newerSchema(let path, let unknown):
            "\(path) was written by a newer Paddock (schema \(unknown.joined(separator: ", "))); upgrade paddock to open it — the file was left untouched"
        case .notCommunity(let path):
            "\(path) is not a Paddock community (no paddock schema); the file was left untouched"
        }
    }
}

/// The community file: a GRDB writer with the schema applied. Many processes
/// (one per SSH session) share it: WAL, a busy timeout, short immediate writes.
/// Each process holds one connection (a `DatabaseQueue`): a session is one
/// thread, and the other sessions' processes are its concurrency. A pool's
/// reader connections would each parse the schema and keep a page cache, and
/// opening one writes to the file whenever its log is empty (GRDB issue 102),
/// which is on every start when no other session is open.
public struct AppDatabase: Sendable {
    public let writer: any DatabaseWriter

    /// Wraps a connection and brings its schema up to date, refusing a newer one.
    public init(_ writer: any DatabaseWriter, path: String = ":memory:") throws {
        self.writer = writer
        let migrator = Schema.migrator
        let unknown = try writer.read { db in
            try migrator.appliedIdentifiers(db).subtracting(migrator.migrations)
        }
        guard unknown.isEmpty else { throw OpenError.newerSchema(path: path, unknown: unknown.sorted()) }
        try migrator.migrate(writer)
    }

    static func configuration() -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        // Another session writing must mean a short wait, never "database is locked".
        config.busyMode = .timeout(10)
        config.label = "paddock"
        config.prepareDatabase { db in
            // As GRDB's pools do in WAL mode: a commit is durable once the log is
            // synced at checkpoint; a crash of the process loses nothing committed.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        return config
    }

    /// Opens the community file at `path`, bringing an older schema up to date.
    ///
    /// Only a file that already is a community is opened for writing: any other
    /// file (another program's database, an empty file) is refused before
    /// anything is written to it. With `create`, a missing path or an empty
    /// (0-byte) file becomes a new community.
    public static func open(path: String, create: Bool = false) throws -> AppDatabase {
        let fm = FileManager.default
        let fresh: Bool
        if !fm.fileExists(atPath: path) {
            guard create else { throw OpenError.missing(path: path) }
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty {
                do { try fm.createDirectory(atPath: folder, withIntermediateDirectories: true) }
                catch { throw OpenError.unreadable(path: path, reason: "cannot create folder \(folder)") }
            }
            fresh = true
        } else if !fm.isReadableFile(atPath: path) {
            throw OpenError.unreadable(path: path, reason: "permission denied")
        } else {
            fresh = create && isEmptyFile(path)
        }
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration())
            if !fresh {
                // Read before anything is written: a file that is not a community stays as it was.
                guard try queue.read(Schema.isCommunity) else {
                    try? queue.close()
                    throw OpenError.notCommunity(path: path)
                }
            }
            try queue.writeWithoutTransaction { db in
                if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                    // Readers never wait for the writer: every file is in WAL mode (a no-op once it is).
                    guard try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") == "wal" else {
                        throw OpenError.unreadable(path: path, reason: "cannot switch to write-ahead logging")
                    }
                }
            }
            return try AppDatabase(queue, path: path)
        } catch let error as OpenError {
            throw error
        } catch let error as DatabaseError {
            if error.resultCode == .SQLITE_NOTADB { throw OpenError.unreadable(path: path, reason: "not a Paddock community (not an SQLite database)") }
            throw error
        }
    }

    /// Whether `path` is a file of no bytes (what `touch` or `mktemp` leaves): an empty database.
    public static func isEmptyFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && info.st_size == 0
    }

    /// Closes the connection; the community can no longer be used afterwards.
    public func close() throws {
        try writer.close()
    }

    /// An empty community in memory, for tests.
    public static func inMemory() throws -> AppDatabase {
        try AppDatabase(DatabaseQueue(configuration: configuration()))
    }
}
