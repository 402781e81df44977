import ArgumentParser
import Foundation
import PaddockCore
import PaddockStore

// Member profiles, helpful marks and the per-product leaderboard.

extension MemberCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A member's profile: joined, role, posts, suggestions, credits, reputation (and, for moderators, conduct).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The member's handle.") var handle: String
        @OptionGroup var output: OutputOptions

        func run() throws {
            let (community, actor) = try global.acting()
            let profile = try community.memberProfile(of: handle, viewer: actor)
            try output.emit(profile) {
                for (index, section) in profile.sections.enumerated() {
                    if index > 0 { Output.line() }
                    Output.line(SafeText.displayable(section.title))
                    if section.lines.isEmpty, !section.empty.isEmpty { Output.line("  " + section.empty) }
                    for line in section.lines { Output.line("  " + SafeText.displayable(line)) }
                }
            }
        }
    }
}

struct PostCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "post", abstract: "Mark a reply in your thread helpful, or take the mark back.",
        subcommands: [Helpful.self, Unhelpful.self])

    struct Helpful: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mark a reply in a thread you started helpful (once per post).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The post's id.") var post: Int64

        func run() throws {
            let (community, actor) = try global.acting()
            try community.markHelpful(by: actor, post: post)
            Output.line("Marked post \(post) helpful.")
        }
    }

    struct Unhelpful: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Take back your helpful mark on a post.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The post's id.") var post: Int64

        func run() throws {
            let (community, actor) = try global.acting()
            try community.unmarkHelpful(by: actor, post: post)
            Output.line("Took back the helpful mark on post \(post).")
        }
    }
}

struct LeaderboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leaderboard", abstract: "Who moved a product's ideas forward: reputation earned in the last days.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The product's slug.") var product: String
    @Option(help: "Whole days counted, today included (1–3650).") var days = Leaderboard.defaultDays
    @Option(help: "How many members to list (1–10000).") var limit = 20
    @OptionGroup var output: OutputOptions

    func run() throws {
        let board = try global.community().leaderboard(product: product, days: days, limit: limit)
        try output.emit(board) {
            Output.line("\(SafeText.displayable(board.productName)) · last \(Plural.count(board.days, "day")) (since \(Output.date(board.since)))")
            if board.entries.isEmpty { Output.line("No points earned in that time.") }
            Output.table(board.entries.isEmpty ? [] : ["RANK", "HANDLE", "POINTS", "NAME"], board.entries.map {
                ["\($0.rank)", $0.handle, "\($0.points)", $0.displayName]
            })
            let cut = Plural.shown(board.entries.count, of: board.total)
            if !cut.isEmpty { Output.line("\(cut) (--limit for more)") }
        }
    }
}
