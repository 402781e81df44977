import ArgumentParser
import Foundation
import PaddockCore
import PaddockStore

/// `paddock generate`: a synthetic community for measuring, written through the bulk path.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fill a new community file with a synthetic community, for benchmarks.",
        discussion: """
            Board sizes, member activity and thread lengths have long tails; from 100,000 posts
            up one thread has at least 20,000 posts. Text mixes accents, CJK and emoji. The same
            --seed gives the same community. Writes one transaction with triggers off and
            full-text indexes rebuilt once.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "Members (default: posts ÷ 100, at least 50).") var members: Int?
    @Option(help: "Threads (default: posts ÷ 20, at least 1).") var threads: Int?
    @Option(help: "Posts in all, opening posts included.") var posts: Int = 100_000
    @Option(help: "Suggestions on an ideas board, beyond --threads and --posts, with supporters.") var suggestions: Int = 0
    @Option(help: "The seed of the random choices.") var seed: UInt64 = 1
    @Option(help: ArgumentHelp("The first admin's handle (default: your login name).", valueName: "handle")) var admin: String?
    @Flag(help: "Check every counter against the rows afterwards (reads the whole file once).") var check = false
    @Flag(help: "Print the report as JSON.") var json = false

    func validate() throws {
        guard posts >= 1 else { throw ValidationError("--posts must be at least 1") }
        if let members, members < 2 { throw ValidationError("--members must be at least 2") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        if let threads, threads > posts { throw ValidationError("--threads (\(threads)) cannot exceed --posts (\(posts)): every thread has an opening post") }
        if suggestions < 0 { throw ValidationError("--suggestions cannot be negative") }
    }

    func run() throws {
        let path = global.databasePath
        let plan = SyntheticPlan(members: members ?? max(50, posts / 100), threads: threads ?? max(1, posts / 20), posts: posts,
                                 suggestions: suggestions, seed: seed, operatorHandle: admin ?? global.asHandle ?? GlobalOptions.loginName)
        // Every count within what the generator can build, before the file is touched.
        try plan.validate()
        // A community that fails its counter check is kept, for a look; one that could not be made leaves no file.
        let problems = try global.creating { context in
            let quiet = json
            let report = try SyntheticCommunity.generate(into: context.community.database, plan: plan) { step in
                if !quiet { FileHandle.standardError.write(Data("  \(step)\n".utf8)) }
            }
            var problems: [String] = []
            if check { problems = try SyntheticCommunity.invariantViolations(in: context.community.database) }
            try Output.emit(report, json: json) {
                Output.line("Generated \(path): \(report.members) members, \(report.boards) boards, \(report.threads) threads, "
                            + "\(report.posts) posts\(report.suggestions > 0 ? " (\(report.suggestions) of them suggestions)" : "") in \(String(format: "%.1f", report.seconds)) s.")
                Output.line("Longest thread: #\(report.longestThreadID), \(report.longestThreadPosts) posts. Admin: '\(plan.operatorHandle)'.")
                if check && problems.isEmpty { Output.line("Counters checked: all consistent.") }
            }
            return problems
        }
        if !problems.isEmpty { throw CommunityError.invalid("counters inconsistent: " + problems.joined(separator: "; ")) }
    }
}
