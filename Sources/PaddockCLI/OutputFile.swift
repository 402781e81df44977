import Foundation

/// Where a command's `--output FILE` goes (`feed`, `export --mbox`).
///
/// A file (or a path not there yet) is written beside its target and renamed
/// into place when complete: a reader sees the old file or the new one, a
/// failure leaves no half file, and a replaced file keeps its permissions. A
/// terminal, a pipe or another character device (`/dev/stdout`) is written
/// into as it is, never replaced. A folder, a block device or a socket is
/// refused, and so is the community file itself with its -wal and -shm: a
/// slip of `--output` must not overwrite the community.
struct OutputFile {
    let path: String
    /// What the written bytes replace or go into: the link's target, not the link.
    private let target: String
    private let replacing: Bool
    private let mode: mode_t?

    init(_ path: String, community: String) throws {
        self.path = path
        var info = stat()
        let exists = stat(path, &info) == 0
        let kind = info.st_mode & S_IFMT
        if exists, kind == S_IFDIR { throw InputError(message: "\(path) is a folder; name a file") }
        if exists, kind != S_IFREG, kind != S_IFCHR, kind != S_IFIFO {
            throw InputError(message: "\(path) is not a file; name a file")
        }
        if Self.isCommunity(path, community: community) {
            throw InputError(message: "\(path) is the community file; name another file")
        }
        replacing = !exists || kind == S_IFREG
        target = replacing ? URL(fileURLWithPath: path).resolvingSymlinksInPath().path : path
        mode = exists && replacing ? info.st_mode & 0o7777 : nil
    }

    /// Whether `path` is the community file or one of SQLite's files beside it,
    /// by name or (for a link or another spelling) by the file it is.
    private static func isCommunity(_ path: String, community: String) -> Bool {
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let database = URL(fileURLWithPath: community).resolvingSymlinksInPath().path
        for suffix in ["", "-wal", "-shm", "-journal"] {
            if resolved == database + suffix { return true }
            var a = stat(), b = stat()
            if stat(path, &a) == 0, stat(community + suffix, &b) == 0, a.st_dev == b.st_dev, a.st_ino == b.st_ino { return true }
        }
        return false
    }

    /// Writes what `produce` hands over (in as many pieces as it likes), then puts it in place.
    func write<T>(_ produce: (_ write: (_ bytes: [UInt8]) throws -> Void) throws -> T) throws -> T {
        let partial = replacing ? target + ".partial-\(getpid())" : target
        if replacing, !FileManager.default.createFile(atPath: partial, contents: nil) { throw failure(errno) }
        guard let handle = FileHandle(forWritingAtPath: partial) else { throw failure(errno) }
        do {
            var pending: [UInt8] = []
            let result = try produce { bytes in
                pending += bytes
                if pending.count >= 1 << 20 { try handle.write(contentsOf: pending); pending.removeAll(keepingCapacity: true) }
            }
            try handle.write(contentsOf: pending)
            if let mode, fchmod(handle.fileDescriptor, mode) != 0 { throw failure(errno) }
            try handle.close()
            if replacing, rename(partial, target) != 0 { throw failure(errno) }
            return result
        } catch {
            try? handle.close()
            if replacing { try? FileManager.default.removeItem(atPath: partial) }
            if let error = error as? CocoaError, let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError {
                throw failure(Int32(underlying.code))
            }
            throw error
        }
    }

    private func failure(_ code: Int32) -> InputError {
        InputError(message: "cannot write \(path): \(String(cString: strerror(code)))")
    }
}
