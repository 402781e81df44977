import Foundation
import GRDB

/// What went wrong with the community file, said for a person: one line, no
/// SQL. The details (SQLite's code, message and statement) are kept for
/// whoever asks for them (`--verbose`).
public struct StorageFailure: Error, Equatable, CustomStringConvertible {
    /// The one line: "c.sqlite is read-only".
    public let description: String
    /// SQLite's own account, statement included.
    public let details: String

    /// The failure `error` stands for, or nil when it is not a storage error.
    /// `path` names the file in the line.
    public init?(_ error: any Error, path: String) {
        guard let error = error as? DatabaseError else { return nil }
        description = Self.line(error, path: path)
        details = "\(error)"
    }

    /// The one line for an SQLite error on the file at `path`.
    static func line(_ error: DatabaseError, path: String) -> String {
        switch error.resultCode {
        case .SQLITE_READONLY:
            "\(path) is read-only: nothing was changed"
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            "\(path) is damaged\(damagedPage(error).map { " at page \($0)" } ?? ""): restore a backup; `paddock check` says more"
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            "\(path) is busy: another program holds it locked; try again"
        case .SQLITE_FULL:
            "no space left on the disk of \(path): nothing was changed"
        case .SQLITE_CANTOPEN where isFolder(path):
            "\(path) is a folder, not a community file: name a file (`--db FOLDER/community.sqlite`)"
        case .SQLITE_CANTOPEN:
            "cannot open \(path) (or its -wal and -shm files beside it): check the folder's permissions"
        case .SQLITE_PERM, .SQLITE_AUTH:
            "permission denied on \(path)"
        case .SQLITE_IOERR:
            "cannot read or write \(path): the disk reported an error"
        case .SQLITE_NOMEM:
            "out of memory while using \(path)"
        default:
            "cannot use \(path): \(error.message ?? "SQLite error \(error.resultCode.primaryResultCode.rawValue)")"
        }
    }

    private static func isFolder(_ path: String) -> Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
    }

    /// SQLite names the page in some of its corruption messages ("… page 12 …").
    private static func damagedPage(_ error: DatabaseError) -> Int? {
        guard let message = error.message, let range = message.range(of: #"page \d+"#, options: .regularExpression) else { return nil }
        return Int(message[range].dropFirst(5))
    }
}
