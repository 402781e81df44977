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
    func searchMeasurements(community: Community, member: Actor, limit: Int) throws -> (app: Measurement, shell: Measurement?, hits: Int) {
        var samples: [Double] = []
        var hits = 0
        for query in Self.searchQueries {
            for _ in 0..<Self.warmUp { hits = max(hits, try community.search(query, viewer: member, limit: limit).hits.count) }
            for _ in 0..<repetitions {
                samples.append(try Self.milliseconds { _ = try community.search(query, viewer: member, limit: limit) })
            }
        }
        let app = Measurement("searchFirstPage", "\(Self.searchQueries.count) queries × \(repetitions), \(limit) results with snippets", samples)
        var statements: [String] = []
        for query in Self.searchQueries {
            if let sql = try community.searchSQL(query, viewer: member, limit: limit) { statements.append(sql) }
        }
        let shell = try Self.shellTimes(path: path, statements: statements, repetitions: repetitions)
        return (app, shell.map { Measurement("searchInSqlite3Shell", "the same ranked statements in the sqlite3 shell (.timer, 1 ms resolution)", $0) }, hits)
    }

    /// Wall times (ms) the sqlite3 shell reports for each statement, after a warm-up run of each; nil without a shell.
    static func shellTimes(path: String, statements: [String], repetitions: Int) throws -> [Double]? {
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
        let times = text.split(separator: "\n").compactMap { line -> Double? in
            let words = line.split(separator: " ")
            guard let i = words.firstIndex(of: "real"), i + 1 < words.count, let seconds = Double(words[i + 1]) else { return nil }
            return seconds * 1000
        }
        return times.isEmpty ? nil : times
    }
}
