import Foundation
import GRDB
import PaddockCore
import Testing

/// Issue 21 through the real binary: numbers near Int64's limit, penalties that
/// could not be read back, unbounded counts and errors that repeat input.
@Suite(.serialized) struct BadInputCLITests {
    /// The demo community, with due deadlines applied, so reads write nothing.
    static func demo() throws -> CLI {
        let cli = try CLI()
        try #require(cli.run(["init", "--demo", "--admin", "ada"]).status == 0)
        try #require(cli.run(["maintenance"]).status == 0)
        return cli
    }

    /// Every row of every table, read through a connection of its own.
    static func contents(_ path: String) throws -> String {
        var configuration = GRDB.Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            return try tables.map { table in
                table + "\n" + (try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"").map(\.description).joined(separator: "\n"))
            }.joined(separator: "\n")
        }
    }

    /// What a refusal must look like: exit 1 and one safe `paddock:` line, or
    /// exit 2 and one safe `Error:` line followed by the usage; never SQL. Returns what is wrong.
    static func refusalProblems(_ result: CLI.Result) -> [String] {
        var problems: [String] = []
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        switch result.status {
        case 1:
            if lines.count != 1 || !result.stderr.hasPrefix("paddock: ") { problems.append("exit 1 without one `paddock:` line") }
        case 2:
            if !result.stderr.hasPrefix("Error: ") || !lines.dropFirst().allSatisfy({ $0.hasPrefix("Usage: ") || $0.hasPrefix("Help: ") || $0.hasPrefix("  ") || $0.isEmpty }) {
                problems.append("exit 2 without one `Error:` line and the usage")
            }
        default:
            problems.append("exit \(result.status)")
        }
        if !result.stderr.hasSuffix("\n") { problems.append("stderr does not end its line") }
        if result.stderr.dropLast().unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }) {
            problems.append("a control character on stderr")
        }
        for word in ["SELECT ", "INSERT ", "UPDATE ", "DELETE ", "sql:", "SQLite error"] where result.stderr.contains(word) {
            problems.append("SQL on stderr")
        }
        return problems
    }

    /// Each reproduction of the issue: refused with one line (or a usage error), the file unchanged.
    @Test func theIssuesReproductionsAreRefusedAndChangeNothing() throws {
        let cli = try Self.demo()
        defer { cli.cleanUp() }
        let before = try Self.contents(cli.db)
        let cases: [(actor: String?, args: [String], status: Int32, stderr: String?)] = [
            ("kurt.weiss", ["mod", "suspend", "pete.wheeler", "--for", "999999999999", "--reason", "r"], 2, nil),
            ("kurt.weiss", ["mod", "silence", "pete.wheeler", "--for", "999999999999", "--reason", "r"], 2, nil),
            ("kurt.weiss", ["mod", "suspend", "pete.wheeler", "--until", "9999-12-31", "--reason", "r"], 1, nil),
            (nil, ["thread", "list", "--board", "bar", "--page", "9223372036854775807"], 1, "paddock: board 'bar' has no page 9223372036854775807\n"),
            (nil, ["thread", "list", "--board", "bar", "--page", "1800000000000000000"], 1, nil),
            (nil, ["thread", "show", "15", "--page", "9223372036854775807"], 1, "paddock: thread #15 has no page 9223372036854775807\n"),
            (nil, ["search", "brake", "--after", "637_9223372036854775807_1"], 2, nil),
            (nil, ["thread", "list", "--board", "bar", "--after", "0-9223372036854775807-1"], 2, nil),
            ("elena.ardente", ["review-queue", "--after", "9223372036854775807:1"], 1, nil),
            ("kurt.weiss", ["mod", "silence", "pete.wheeler", "--for", "9223372036854775807", "--reason", "r"], 2, nil),
            // 9: a filter without its value, a page past the last.
            ("pete.wheeler", ["search", "brake before:"], 1, "paddock: before: needs a value, a date written YYYY-MM-DD, e.g. before:2026-05-31\n"),
            (nil, ["thread", "show", "15", "--page", "99999"], 1, "paddock: thread #15 has no page 99999\n"),
            // 8: input quoted in errors is one safe line.
            ("x\ny", ["inbox"], 1, nil),
            ("kurt.weiss", ["thread", "new", "--board", "a\nb", "--title", "t", "--body", "b"], 1, "paddock: no board 'a␊b'\n"),
            ("ada", ["member", "add", "al\u{1B}]0;pwned\u{07}"], 1, nil),
            (nil, ["thread", "show", "1\u{1B}[31m2"], 2, nil),
            ("ada", ["member", "add", String(repeating: "x", count: 5000)], 1, nil),
            // 7: counts the generator cannot build.
            (nil, ["generate", "--posts", "100", "--members", "9223372036854775807"], 1, "paddock: --members must be between 2 and 1000000\n"),
        ]
        for c in cases {
            let result = try c.actor.map { try cli.run(as: $0, c.args) } ?? cli.run(c.args)
            let shown = c.args.joined(separator: " ").debugDescription
            #expect(result.status == c.status, "\(shown): \(result.status) \(result.stderr.debugDescription)")
            #expect(Self.refusalProblems(result) == [], "\(shown): \(result.stderr.debugDescription)")
            if let stderr = c.stderr { #expect(result.stderr == stderr, "\(shown)") }
            #expect(TextWidth.of(result.stderr.split(separator: "\n").first ?? "") <= SafeText.errorColumns + 10, "\(shown)")
        }
        #expect(try cli.run(as: "x\ny", ["inbox"]).stderr.hasPrefix("paddock: no member 'x␊y' in "))
        #expect(try cli.run(as: "ada", ["member", "add", "al\u{1B}]0;pwned\u{07}"]).stderr.hasPrefix("paddock: 'al␛' is not a valid handle"))
        #expect(try Self.contents(cli.db) == before)
        // The longest penalty there is reads back everywhere, and check agrees.
        #expect(try cli.run(as: "kurt.weiss", ["mod", "suspend", "pete.wheeler", "--for", "3650d", "--reason", "r"]).status == 0)
        #expect(try cli.run(["member", "list"]).status == 0)
        #expect(try cli.run(as: "kurt.weiss", ["mod", "history", "pete.wheeler"]).status == 0)
        #expect(try cli.run(["check"]).status == 0)
        // A suspended member's own things are refused too (README: what a penalty stops).
        let watch = try cli.run(as: "pete.wheeler", ["watch", "15"])
        #expect(watch.status == 1 && watch.stderr.hasPrefix("paddock: pete.wheeler is suspended until "))
        #expect(try cli.run(as: "pete.wheeler", ["inbox", "--mark-all-read"]).status == 1)
    }

    /// A command of the fuzz: `{}` is where the value goes.
    struct Template {
        enum Answer { case refuses, smallValuesAnswer, anyNumberAnswers }
        let actor: String?
        let args: [String]
        var answer: Answer = .refuses
        var skip: Set<String> = []
    }

    static let templates: [Template] = [
        Template(actor: nil, args: ["thread", "list", "--board", "bar", "--page", "{}"]),
        Template(actor: nil, args: ["thread", "list", "--board", "bar", "--limit", "{}"]),
        Template(actor: nil, args: ["thread", "list", "--board", "bar", "--after", "{}"]),
        Template(actor: nil, args: ["thread", "list", "--board", "bar", "--after", "0-{}-1"], answer: .smallValuesAnswer),
        Template(actor: nil, args: ["thread", "list", "--board", "bar", "--after", "1-1-{}"], answer: .anyNumberAnswers),
        Template(actor: nil, args: ["thread", "show", "{}"]),
        Template(actor: nil, args: ["thread", "show", "15", "--page", "{}"]),
        Template(actor: nil, args: ["thread", "show", "15", "--limit", "{}"]),
        Template(actor: "pete.wheeler", args: ["search", "brake", "--limit", "{}"]),
        Template(actor: "pete.wheeler", args: ["search", "brake", "--after", "{}"]),
        Template(actor: "pete.wheeler", args: ["search", "brake", "--after", "637_{}_1"], answer: .smallValuesAnswer),
        Template(actor: "pete.wheeler", args: ["search", "brake", "--after", "{}_1000_1.5"], answer: .anyNumberAnswers),
        Template(actor: "pete.wheeler", args: ["search", "brake before:{}"]),
        Template(actor: "pete.wheeler", args: ["search", "brake after:{}-01-01"]),
        Template(actor: nil, args: ["suggestion", "list", "--product", "furia-950", "--after", "{}:1"], answer: .anyNumberAnswers),
        Template(actor: nil, args: ["suggestion", "list", "--product", "furia-950", "--limit", "{}"]),
        Template(actor: nil, args: ["suggestion", "show", "{}"]),
        Template(actor: nil, args: ["suggestion", "supporters", "{}"]),
        Template(actor: nil, args: ["suggestion", "supporters", "{}", "--limit", "1"]),
        Template(actor: "pete.wheeler", args: ["suggestion", "support", "{}"]),
        Template(actor: "pete.wheeler", args: ["suggestion", "unsupport", "{}"]),
        Template(actor: "pete.wheeler", args: ["suggestion", "new", "--resubmit", "{}"]),
        Template(actor: "elena.ardente", args: ["suggestion", "status", "{}", "planned", "--response", "r"]),
        Template(actor: "elena.ardente", args: ["suggestion", "merge", "{}", "--into", "1", "--response", "r"]),
        Template(actor: "elena.ardente", args: ["review-queue", "--after", "{}:1"], answer: .smallValuesAnswer),
        Template(actor: "elena.ardente", args: ["review-queue", "--after", "{}"]),
        Template(actor: "elena.ardente", args: ["review-queue", "--limit", "{}"]),
        Template(actor: "pete.wheeler", args: ["reply", "{}", "--body", "x"]),
        Template(actor: "pete.wheeler", args: ["reply", "15", "--to", "{}", "--body", "x"]),
        Template(actor: "pete.wheeler", args: ["edit", "{}", "--body", "x"]),
        Template(actor: "pete.wheeler", args: ["flag", "{}", "--reason", "spam"]),
        Template(actor: "pete.wheeler", args: ["revisions", "{}"]),
        Template(actor: "pete.wheeler", args: ["watch", "{}"]),
        Template(actor: "pete.wheeler", args: ["unwatch", "{}"]),
        Template(actor: "pete.wheeler", args: ["mute", "thread", "{}"]),
        Template(actor: "pete.wheeler", args: ["unmute", "thread", "{}"]),
        Template(actor: "pete.wheeler", args: ["inbox", "--before", "{}"], answer: .anyNumberAnswers),
        Template(actor: "pete.wheeler", args: ["inbox", "--limit", "{}"]),
        Template(actor: "pete.wheeler", args: ["inbox", "--mark-read", "{}"]),
        Template(actor: "kurt.weiss", args: ["modlog", "--before", "{}"], answer: .anyNumberAnswers),
        Template(actor: "kurt.weiss", args: ["modlog", "--limit", "{}"]),
        Template(actor: "kurt.weiss", args: ["mod", "queue", "--limit", "{}"]),
        Template(actor: "kurt.weiss", args: ["mod", "claim", "{}"]),
        Template(actor: "kurt.weiss", args: ["mod", "hide", "{}", "--reason", "r"]),
        Template(actor: "kurt.weiss", args: ["mod", "lock", "{}"]),
        Template(actor: "kurt.weiss", args: ["mod", "slowmode", "15", "{}"]),
        Template(actor: "kurt.weiss", args: ["mod", "slowmode", "{}", "1h"]),
        Template(actor: "kurt.weiss", args: ["mod", "silence", "pete.wheeler", "--for", "{}", "--reason", "r"]),
        Template(actor: "kurt.weiss", args: ["mod", "silence", "pete.wheeler", "--for", "{}d", "--reason", "r"]),
        Template(actor: "kurt.weiss", args: ["mod", "suspend", "pete.wheeler", "--for", "{}w", "--reason", "r"]),
        Template(actor: "kurt.weiss", args: ["mod", "suspend", "pete.wheeler", "--until", "{}", "--reason", "r"]),
        Template(actor: "kurt.weiss", args: ["mod", "suspend", "pete.wheeler", "--until", "{}-01-01", "--reason", "r"]),
        Template(actor: "ada", args: ["invite", "create", "--uses", "{}"]),
        Template(actor: "ada", args: ["invite", "create", "--expires", "{}"]),
        Template(actor: "ada", args: ["invite", "create", "--expires", "{}h"]),
        Template(actor: "ada", args: ["setting", "set", "flag_threshold", "{}"]),
        Template(actor: "ada", args: ["setting", "set", "max_sessions", "{}"]),
        Template(actor: nil, args: ["generate", "--posts", "{}"]),
        Template(actor: nil, args: ["generate", "--posts", "100", "--members", "{}"]),
        Template(actor: nil, args: ["generate", "--posts", "100", "--threads", "{}"]),
        Template(actor: nil, args: ["generate", "--posts", "100", "--suggestions", "{}"]),
        Template(actor: "ada", args: ["bench", "--posts", "{}"]),
        Template(actor: "ada", args: ["bench", "--repetitions", "{}"]),
        Template(actor: "ada", args: ["bench", "--keys", "{}"]),
        Template(actor: "ada", args: ["bench", "--width", "{}"]),
        Template(actor: "ada", args: ["bench", "--height", "{}"]),
        Template(actor: nil, args: ["serve", "--listen", "127.0.0.1:{}"], skip: ["0"]),
        Template(actor: nil, args: ["serve", "--listen", "127.0.0.1:0", "--shutdown-grace", "{}"], skip: ["0"]),
        Template(actor: nil, args: ["served-session", "--member", "{}"]),
    ]

    /// Extreme values: the edges of Int64 and past them, floats, long digit strings, non-digits.
    static func value(_ random: inout SplitMix64) -> String {
        let fixed = ["0", "-1", "9223372036854775807", "-9223372036854775808", "9223372036854775808", "1800000000000000000",
                     "1.8e18", "1e3", "0x10", "12abc", "abc", "", " 9223372036854775807", "١٢", "９", "1\u{1B}[31m", "99999999999999999999"]
        if Int.random(in: 0..<4, using: &random) == 0 {
            let digits = String((0..<Int.random(in: 19...400, using: &random)).map { _ in "0123456789".randomElement(using: &random)! })
            return (Bool.random(using: &random) ? "-" : "") + digits
        }
        return fixed.randomElement(using: &random)!
    }

    /// Every numeric option, cursor, date and duration of every command, with
    /// extreme values: never a crash, a refusal is one safe line (or a usage
    /// error), never SQL, and the file is unchanged. Each template runs once per
    /// round with a seeded value; `make fuzz` (PADDOCK_FUZZ_SECONDS) runs rounds
    /// with new seeds until its time is up. A failure names the seed.
    @Test func extremeNumbersNeverCrashWriteOrSpeakSQL() throws {
        let cli = try Self.demo()
        defer { cli.cleanUp() }
        let before = try Self.contents(cli.db)
        let seconds = Double(ProcessInfo.processInfo.environment["PADDOCK_FUZZ_SECONDS"] ?? "") ?? 0
        let deadline = Date().addingTimeInterval(seconds)
        // PADDOCK_FUZZ_SEED replays a failure's round.
        let replay = ProcessInfo.processInfo.environment["PADDOCK_FUZZ_SEED"].flatMap { UInt64($0) }
        let base: UInt64 = replay ?? (seconds > 0 ? UInt64.random(in: 1...UInt64.max / 2) : 0x21)
        var round: UInt64 = 0
        repeat {
            let seed = base &+ round
            var random = SplitMix64(seed: seed)
            for template in Self.templates {
                let value = Self.value(&random)
                if template.skip.contains(value) { continue }
                let args = template.args.map { $0.replacingOccurrences(of: "{}", with: value) }
                let result = try template.actor.map { try cli.run(as: $0, args) } ?? cli.run(args)
                let shown = "seed \(seed): \((template.actor.map { ["--as", $0] } ?? []) + args)"
                let isNumber = Int64(value) != nil || (value.allSatisfy(\.isASCII) && value.drop(while: { $0 == "-" }).allSatisfy(\.isNumber) && !value.isEmpty && value != "-")
                let small = value == "0" || value == "-1"
                let answers = switch template.answer {
                case .refuses: false
                case .smallValuesAnswer: small
                case .anyNumberAnswers: isNumber
                }
                if result.status == 0 {
                    #expect(answers, "\(shown): accepted")
                } else {
                    #expect(Self.refusalProblems(result) == [], "\(shown): \(result.status) \(result.stderr.prefix(300).debugDescription)")
                }
                #expect(result.status == 0 || result.status == 1 || result.status == 2, "\(shown): exit \(result.status)")
                if result.status > 2 { Issue.record("\(shown): \(result.stderr.prefix(500))") }
            }
            let after = try Self.contents(cli.db)
            if after != before {
                let was = Set(before.split(separator: "\n")), now = Set(after.split(separator: "\n"))
                let gone = Array(was.subtracting(now).prefix(5)), new = Array(now.subtracting(was).prefix(5))
                Issue.record("seed \(seed): the file changed (PADDOCK_FUZZ_SEED=\(seed) replays it): gone \(gone), new \(new)")
                break
            }
            round += 1
        } while Date() < deadline
    }
}
