import Foundation
import CursesTerminal
import PaddockStore
import PaddockTUI

/// The memory target is a session's: on a host with many members connected,
/// what each `paddock` process holds. The bench itself keeps more (its
/// samples, the 1k reference community, the writes on a copy, the sqlite3
/// shell it starts), so a fresh child process walks the screens a member
/// would and reports its own high-water mark.
extension BenchRunner {
    /// Opens the file and walks every screen as a session would: home, the
    /// largest board a few pages down, the longest thread a few pages in, a
    /// search and its first result, the inbox, next unread. Headless draws.
    package func sessionWalk() throws {
        let community = Community(database: try AppDatabase.open(path: path))
        let member = try community.actor(handle: handle)
        let session = HeadlessSession(PaddockApp(community: community, member: member, width: width, height: height),
                                      width: width, height: height)
        func press(_ keys: [Key]) { keys.forEach(session.press) }
        let boards = try community.boards()
        let largest = boards.indices.max { boards[$0].threadCount < boards[$1].threadCount } ?? 0
        press([.home] + Array(repeating: .down, count: largest) + [.enter, .pageDown, .pageDown, .pageDown])
        press([.character("o"), .home, .enter] + Array(repeating: .character(" "), count: 10) + [.escape, .escape])
        press([.character("/")] + "chain".map { Key.character($0) } + [.enter, .enter, .escape, .escape])
        press([.character("i"), .down, .down, .escape, .character("n"), .escape])
        _ = session.app.handle(.tick)  // writes the read positions, as the runtime does
    }

    /// This process's resident high-water mark, in megabytes: the kernel's
    /// VmHWM. (getrusage's ru_maxrss would do, but a spawned child inherits
    /// the high-water mark its parent had at the spawn.)
    package static func residentHighWaterMB() -> Double {
        guard let status = fopen("/proc/self/status", "r") else { return 0 }
        defer { fclose(status) }
        var line = [CChar](repeating: 0, count: 256)
        while fgets(&line, Int32(line.count), status) != nil {
            let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if text.hasPrefix("VmHWM:"), let kilobytes = text.split(whereSeparator: \.isWhitespace).dropFirst().first.flatMap({ Double($0) }) {
                return kilobytes / 1024
            }
        }
        return 0
    }

    /// Runs `sessionWalk` in a child `paddock bench --session-memory` (`executable` is the paddock binary) and reads its high-water mark.
    package func sessionResidentHighWaterMB(executable: String) throws -> Double {
        let child = try Self.runChild(executable, ["--db", path, "--as", handle, "bench", "--session-memory",
                                                   "--width", String(width), "--height", String(height)])
        guard child.status == 0, let megabytes = Double(child.output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw BenchFailure(message: "the session walk for the memory figure failed (exit \(child.status))\(child.lastError.isEmpty ? "" : ": \(child.lastError)")")
        }
        return megabytes
    }
}
