#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNCurses
import CPaddockSignals
import PaddockTUI

/// Runs `$VISUAL`, `$EDITOR` or `vi` on a private temporary file.
enum ExternalEditor {
    /// The editor command: `$VISUAL`, else `$EDITOR`, else `vi`. Empty values are skipped.
    static func command(visual: String?, editor: String?) -> String {
        for value in [visual, editor] {
            if let value, !value.allSatisfy(\.isWhitespace) { return value }
        }
        return "vi"
    }

    static var environmentCommand: String {
        command(visual: getenv("VISUAL").map { String(cString: $0) },
                editor: getenv("EDITOR").map { String(cString: $0) })
    }

    /// Writes `text` to a new 0600 file `paddock-XXXXXX.md` in `$TMPDIR` (or
    /// /tmp), calls `suspend`, runs the editor through `/bin/sh -c '<editor> "$1"'`
    /// (so "code -w" works), calls `resume`, and reads the file back.
    ///
    /// On success the file is removed. On failure it is removed too unless the
    /// editor changed it: then the message says where the changed text is.
    static func edit(_ text: String, command: String = environmentCommand,
                     suspend: () -> Void, resume: () -> Void) -> Result<String, EditorFailure> {
        let directory = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((directory.hasSuffix("/") ? directory : directory + "/").utf8CString.dropLast())
            + Array("paddock-XXXXXX.md".utf8CString)
        let fd = mkstemps(&template, 3)
        guard fd >= 0 else {
            return .failure(EditorFailure("could not create a temporary file in \(directory): \(errorText(errno))"))
        }
        let path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let original = Array(text.utf8)
        let written = writeAll(fd, original)
        close(fd)
        guard written == 0 else {
            unlink(path)
            return .failure(EditorFailure("could not write the temporary file \(path): \(errorText(written))"))
        }

        suspend()
        var pid: pid_t = 0
        var status: Int32 = 0
        let spawnError = paddock_spawn_shell(command + " \"$1\"", path, &pid)
        let waitError = spawnError == 0 ? paddock_wait_editor(pid, &status) : 0
        resume()

        let failure: String?
        if spawnError != 0 {
            failure = "could not start editor '\(command)': \(errorText(spawnError))"
        } else if waitError != 0 {
            failure = "lost track of editor '\(command)': \(errorText(waitError))"
        } else if paddock_wifexited(status) != 0 {
            let code = paddock_wexitstatus(status)
            switch code {
            case 0: failure = nil
            case 127: failure = "editor '\(command)' was not found (exit status 127); set $VISUAL or $EDITOR"
            case 126: failure = "editor '\(command)' could not be run (exit status 126)"
            default: failure = "editor '\(command)' exited with status \(code)"
            }
        } else if paddock_wifsignaled(status) != 0 {
            failure = "editor '\(command)' was killed by signal \(paddock_wtermsig(status))"
        } else {
            failure = "editor '\(command)' ended abnormally"
        }

        let edited = readAll(path)
        if let failure {
            if let edited, edited != original {
                return .failure(EditorFailure("\(failure); the edited text is kept in \(path)"))
            }
            unlink(path)
            return .failure(EditorFailure(failure))
        }
        unlink(path)
        guard let edited else {
            return .failure(EditorFailure("could not read back \(path) after editor '\(command)': \(errorText(errno))"))
        }
        return .success(String(decoding: edited, as: UTF8.self))
    }

    /// 0, or the errno of the failed write.
    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32 {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += n
        }
        return 0
    }

    private static func readAll(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { return result }
            result += buffer[0..<n]
        }
    }

    private static func errorText(_ code: Int32) -> String {
        strerror(code).map { String(cString: $0) } ?? "error \(code)"
    }
}
