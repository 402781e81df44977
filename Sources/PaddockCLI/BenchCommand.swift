import ArgumentParser
import CursesTerminal
import Foundation
import PaddockBench
import PaddockCore
import PaddockStore
import PaddockTUI

/// `paddock bench`: how fast the app opens, pages and answers keys, and how
/// much memory it holds, measured in one process with warm-up and repetitions.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure the app on a community: first screen, pages, key press → frame, memory.",
        discussion: """
            With --db (or $PADDOCK_DB), measures that file; without, generates a small community
            in a temporary file and measures that (what CI runs).
            Reads as --as (default: your login name, the admin `paddock generate` creates).
            Like a real session it marks the threads it scrolls through as read.
            Build with `swift build -c release` for figures worth comparing.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "Posts in the generated community when no --db is given.") var posts: Int = 1000
    @Option(help: "Timed repetitions of each page and of the first screen (after 3 untimed ones).") var repetitions: Int = 30
    @Option(help: "Key presses timed on each screen (after 20 untimed ones).") var keys: Int = 300
    @Option(help: "The terminal's width.") var width: Int = 80
    @Option(help: "The terminal's height.") var height: Int = 24
    @Flag(help: "Print JSON instead of a table.") var json = false
    @Flag(help: .hidden) var sessionMemory = false

    func validate() throws {
        guard (100...SyntheticPlan.maxPosts).contains(posts) else { throw ValidationError("--posts must be between 100 and \(SyntheticPlan.maxPosts)") }
        guard (1...10_000).contains(repetitions), (1...100_000).contains(keys) else {
            throw ValidationError("--repetitions must be between 1 and 10000, --keys between 1 and 100000")
        }
        guard (Frame.minimumWidth...1000).contains(width), (Frame.minimumHeight...1000).contains(height) else {
            throw ValidationError("the terminal must be at least \(Frame.minimumWidth)×\(Frame.minimumHeight) and at most 1000×1000")
        }
    }

    func run() throws {
        do {
            try measure()
        } catch let failure as BenchFailure {
            // A child that failed (generating a community, the session's walk) is refused as before: a usage error.
            throw ValidationError(failure.message)
        }
    }

    func measure() throws {
        HeadlessDraw.prepare()
        if sessionMemory, let db = global.db {
            try BenchRunner(path: db, handle: global.asHandle ?? GlobalOptions.loginName, width: width, height: height,
                            repetitions: repetitions, keys: keys).sessionWalk()
            return print(String(format: "%.1f", BenchRunner.residentHighWaterMB()))
        }
        let scratch = NSTemporaryDirectory() + "paddock-bench-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let asHandle = global.asHandle
        let db = global.db ?? ProcessInfo.processInfo.environment["PADDOCK_DB"].flatMap { $0.isEmpty ? nil : $0 }
        var handle = asHandle ?? GlobalOptions.loginName
        let path: String
        if let db {
            guard FileManager.default.fileExists(atPath: db) else { throw OpenError.missing(path: db) }
            path = db
        } else {
            path = scratch + "/bench.sqlite"
            handle = asHandle ?? "bench"
            try BenchRunner.generate(executable: Paddock.executablePath, path: path, posts: posts, handle: handle)
        }
        // The same first screen on a 1,000-post community, for the ratio (a generated
        // community of 1,000 posts is its own reference).
        var reference: BenchRunner?
        if db != nil {
            let small = scratch + "/reference.sqlite"
            try BenchRunner.generate(executable: Paddock.executablePath, path: small, posts: 1000, handle: "bench")
            reference = BenchRunner(path: small, handle: "bench", width: width, height: height, repetitions: repetitions, keys: keys)
        }
        let runner = BenchRunner(path: path, handle: handle, width: width, height: height, repetitions: repetitions, keys: keys)
        var report = try runner.run(generated: db == nil, reference: reference)
        report.sessionRSSHighWaterMB = try runner.sessionResidentHighWaterMB(executable: Paddock.executablePath)
        report.measurements += try runner.writes(scratch: scratch)
        report.finish()
        try Output.emit(report, json: json) {
            report.printTable()
        }
    }
}

/// The report as a table for people (`--json` prints it whole).
extension BenchReport {
    func printTable() {
        let c = community
        Output.line("paddock bench — \(build) build, terminal \(terminal)")
        Output.line("community: \(c.generated ? "generated " : "")\(c.path)")
        Output.line("  \(c.posts) posts, \(c.threads) threads, \(c.boards) boards; largest board '\(c.largestBoard)' "
                    + "(\(c.largestBoardThreads) threads); longest thread #\(c.longestThreadID) (\(c.longestThreadPosts) posts)")
        Output.line()
        func ms(_ v: Double) -> String { String(format: "%.2f", v) }
        var rows = measurements.map { [$0.name, "\($0.samples)", ms($0.p50), ms($0.p95), ms($0.p99), ms($0.max), $0.what] }
        if let r = reference1k, c.generated == false {
            rows.append(["firstScreen@1k", "\(r.samples)", ms(r.p50), ms(r.p95), ms(r.p99), ms(r.max), "the same on a generated 1,000-post community, measured alternately"])
        }
        Output.table(["STEP", "N", "P50 ms", "P95 ms", "P99 ms", "MAX ms", "WHAT"], rows)
        Output.line()
        Output.line("resident memory high-water: a session walking every screen \(String(format: "%.1f", sessionRSSHighWaterMB)) MB; "
                    + "this bench process \(String(format: "%.1f", rssHighWaterMB)) MB")
        Output.line()
        Output.table(["TARGET", "LIMIT", "VALUE", "MET"], targets.map {
            [$0.name, $0.limit, String(format: "%.2f", $0.value), $0.met ? "yes" : "NO"]
        })
        Output.line()
        if !notAvailableYet.isEmpty { Output.line("not available yet: " + notAvailableYet.joined(separator: "; ")) }
    }
}
