import Foundation
import PaddockCore
import PaddockStore

/// Search in `paddock bench`: a fixed set of queries over the synthetic
/// community's words (single words, a phrase, a prefix, an exclusion, filters),
/// each a first page as the search screen asks for it, and the same ranked
/// statement run by the sqlite3 shell for the ratio.
extension BenchRunner {
    static let searchQueries = [
        "seat", "\"comfort seat\"", "cosi", "quickshift*", "chain -rain", "tyre pressures track",
        "firmware board:furia", "kupplung", "heated grips", "warranty is:unread", "rain after:2020-01-01", "dealer sensor",
    ]

    /// What the search screen's first page costs (parse, ranked statement, the
    /// page's rows and snippets), over every query; and the statement alone in the sqlite3 shell.
    /// On a loaded machine wall time mostly measures the wait for a core, so
    /// CPU time is measured too, here and in the shell (its user + sys).
    func searchMeasurements(community: Community, member: Actor, limit: Int) throws -> [Measurement] {
        var wall: [Double] = [], cpu: [Double] = []
        var shellWall: [Double] = [], shellCPU: [Double] = []
        for query in Self.searchQueries {
            for _ in 0..<Self.warmUp { _ = try community.search(query, viewer: member, limit: limit) }
            for _ in 0..<repetitions {
                let cpuStart = Self.threadCPU()
                wall.append(try Self.milliseconds { _ = try community.search(query, viewer: member, limit: limit) })
                cpu.append(Self.threadCPU() - cpuStart)
            }
            // The shell right after, query by query: whatever the machine does
            // meanwhile weighs on both sides of the ratio alike.
            if let sql = try community.searchSQL(query, viewer: member, limit: limit),
               let shell = try Self.shellTimes(path: path, statements: [sql], repetitions: repetitions) {
                shellWall += shell.wall
                shellCPU += shell.cpu
            }
        }
        let what = "\(Self.searchQueries.count) queries × \(repetitions), \(limit) results with snippets"
        var measurements = [Measurement("searchFirstPage", what, wall), Measurement("searchFirstPageCPU", "the same, CPU time of this thread", cpu)]
        if !shellWall.isEmpty {
            measurements.append(Measurement("searchInSqlite3Shell", "the same ranked statements in the sqlite3 shell (.timer, 1 ms resolution), query by query after this", shellWall))
            measurements.append(Measurement("searchInSqlite3ShellCPU", "the same, the shell's user + sys time", shellCPU))
        }
        return measurements
    }

    /// CPU time this thread has used, in milliseconds.
    static func threadCPU() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) * 1000 + Double(t.tv_nsec) / 1_000_000
    }

    /// Wall times (ms) the sqlite3 shell reports for each statement, after a warm-up run of each; nil without a shell.
    static func shellTimes(path: String, statements: [String], repetitions: Int) throws -> (wall: [Double], cpu: [Double])? {
        guard let shell = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3", "/bin/sqlite3"].first(where: FileManager.default.isExecutableFile) else {
            return nil
        }
        var script = ".output /dev/null\n"
        for sql in statements {
            for _ in 0..<warmUp { script += "SELECT count(*) FROM (\(sql));\n" }
        }
        script += ".timer on\n"
        for sql in statements {
            for _ in 0..<repetitions { script += "SELECT count(*) FROM (\(sql));\n" }
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: shell)
        process.arguments = ["-readonly", path]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data(script.utf8))
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        // "Run Time: real 0.012 user 0.010000 sys 0.001000"
        var wall: [Double] = [], cpu: [Double] = []
        for line in text.split(separator: "\n") {
            let words = line.split(separator: " ")
            func value(_ name: Substring) -> Double? {
                guard let i = words.firstIndex(of: name), i + 1 < words.count else { return nil }
                return Double(words[i + 1]).map { $0 * 1000 }
            }
            guard let real = value("real"), let user = value("user"), let sys = value("sys") else { continue }
            wall.append(real)
            cpu.append(user + sys)
        }
        return wall.isEmpty ? nil : (wall, cpu)
    }
}
