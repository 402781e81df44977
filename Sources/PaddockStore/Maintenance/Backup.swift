import Foundation
import GRDB

/// Why a backup was not made. Each says what to do in one line.
public enum BackupError: Error, Equatable, CustomStringConvertible {
    case exists(path: String)
    case sameFile(path: String)
    case failed(path: String, reason: String)
    case notAFile(path: String)

    public var description: String {
        switch self {
        case .exists(let path): "\(path) already exists; pass --force to replace it"
        case .sameFile(let path): "\(path) is the community itself; back up to another file"
        case .failed(let path, let reason): "cannot back up to \(path): \(reason)"
        case .notAFile(let path): "\(path) is not a regular file; back up to a new file or replace an earlier backup"
        }
    }
}

extension AppDatabase {
    /// Copies the community into a new file with SQLite's online backup, from
    /// one read snapshot: sessions go on writing meanwhile, and the copy holds
    /// exactly what was committed when it began.
    ///
    /// The copy is written beside `path` under a temporary name and renamed
    /// into place when complete, so `path` is either the whole backup or
    /// untouched. When the method returns, `path` is a community file that
    /// passes `Integrity.problems`.
    ///
    /// - Parameter replace: replace an existing file at `path`; otherwise refuse.
    public func backup(to path: String, replace: Bool = false) throws {
        let fm = FileManager.default
        let target = URL(fileURLWithPath: path).standardizedFileURL
        if writer.path != ":memory:",
           URL(fileURLWithPath: writer.path).resolvingSymlinksInPath() == target.resolvingSymlinksInPath() {
            throw BackupError.sameFile(path: path)
        }
        var info = stat()
        if lstat(path, &info) == 0 {
            // Only a file is ever replaced: never a device, a folder, a pipe or a link.
            guard (info.st_mode & S_IFMT) == S_IFREG else { throw BackupError.notAFile(path: path) }
            guard replace else { throw BackupError.exists(path: path) }
        }
        let folder = target.deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard fm.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw BackupError.failed(path: path, reason: "no folder \(folder)")
        }
        let partial = folder + "/.\(target.lastPathComponent).partial-\(UUID().uuidString)"
        defer {
            for suffix in ["", "-wal", "-shm", "-journal"] { try? fm.removeItem(atPath: partial + suffix) }
        }
        do {
            var config = Configuration()
            config.label = "paddock-backup"
            let destination = try DatabaseQueue(path: partial, configuration: config)
            try writer.backup(to: destination)
            // One self-contained file: fold any write-ahead log into it before the rename.
            try destination.writeWithoutTransaction { db in
                _ = try Row.fetchAll(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            }
            try destination.close()
        } catch let error as DatabaseError {
            throw BackupError.failed(path: path, reason: Self.reason(error))
        }
        guard rename(partial, target.path) == 0 else {
            throw BackupError.failed(path: path, reason: String(cString: strerror(errno)))
        }
    }

    /// What stopped the copy, for a person (SQLite reports a full disk during a backup as "not an error").
    static func reason(_ error: DatabaseError) -> String {
        switch error.resultCode {
        case .SQLITE_FULL: "no space left on the device; nothing was written"
        case .SQLITE_IOERR where error.extendedResultCode == .SQLITE_IOERR_WRITE || error.extendedResultCode == .SQLITE_IOERR_FSYNC:
            "the disk refused the write (full, or over a size limit); nothing was written"
        case .SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_PERM: "cannot write in that folder; nothing was written"
        default: "\(error.message.flatMap { $0 == "not an error" ? nil : $0 } ?? "SQLite error \(error.resultCode.rawValue)"); nothing was written"
        }
    }
}
