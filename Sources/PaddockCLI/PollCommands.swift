import ArgumentParser
import Foundation
import PaddockCore
import PaddockStore

extension PollVisibility: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.replacingOccurrences(of: "-", with: "_")) }
    public static var allValueStrings: [String] { allCases.map { $0.rawValue.replacingOccurrences(of: "_", with: "-") } }
}

extension ThreadKind {
    /// A board's kind (`board add --kind`): a poll goes in any board, so no board is of kind poll.
    public init?(argument: String) {
        guard argument != ThreadKind.poll.rawValue else { return nil }
        self.init(rawValue: argument)
    }

    public static var allValueStrings: [String] { allCases.filter { $0 != .poll }.map(\.rawValue) }
}

struct PollCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "poll", abstract: "Put a concept to the community as a poll, vote on it, read its results.",
        subcommands: [New.self, Vote.self, Results.self, Close.self])

    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start a poll in a board (managers only).",
            discussion: """
                A feature poll asks members to like, be neutral about or dislike each feature given \
                (--product with --feature, 1–12); a choice poll offers 2–12 --option values, one to pick, \
                or several with --multiple.
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: "The board the poll is posted in.") var board: String
        @Option(help: "The title, at most 120 characters.") var title: String
        @Option(help: "For a feature poll: the product's slug.") var product: String?
        @Option(name: .customLong("feature"), help: ArgumentHelp("A feature's slug; repeat for up to 12.", valueName: "slug"))
        var features: [String] = []
        @Option(name: .customLong("option"), help: ArgumentHelp("An option of a choice poll; repeat for 2–12.", valueName: "text"))
        var options: [String] = []
        @Flag(help: "Let members choose several options.") var multiple = false
        @Option(help: ArgumentHelp("When voting ends: a UTC time (2026-12-10T18:00Z) or a duration from now (7d).", valueName: "time"))
        var closes: String?
        @Option(help: "When members see results: after-vote or after-close (after_vote and after_close also do).") var results: PollVisibility = .afterVote
        @OptionGroup var body: BodyOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if product != nil || !features.isEmpty {
                guard product != nil else { throw ValidationError("a feature poll needs its product: give --product") }
                guard !features.isEmpty else { throw ValidationError("a feature poll needs at least one --feature") }
                guard options.isEmpty else { throw ValidationError("give either features (--product, --feature) or --option values, not both") }
                if multiple { throw ValidationError("--multiple is for choice polls, not feature polls") }
            } else if options.isEmpty {
                throw ValidationError("give the features (--product, --feature) or the options (--option) to vote on")
            }
        }

        func run() throws {
            let (community, actor) = try global.acting()
            let question: PollQuestion = product.map { .features(product: $0, features: features) } ?? .choice(options: options, multiple: multiple)
            // Permission and the option count come before the intro, so a member without --body hears why, not "the post is empty".
            try Rules.startPoll(by: actor, now: Date())
            if product == nil { _ = try PollRules.options(options) }
            let poll = try community.startPoll(by: actor, board: board, title: title, intro: try body.read(), question: question,
                                               closesAt: try closes.flatMap { try PollRules.closingTime(parsing: $0, now: Date()) }, visibility: results)
            try output.emit(poll) {
                Output.line("Started poll #\(poll.id): \(poll.kind.label), \(Plural.count(poll.options.count, "option")), \(poll.stateText).")
            }
        }
    }

    struct Vote: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Vote on a poll, or change your vote while it is open.",
            discussion: """
                A choice poll takes --choice: an option's text, or its number as listed; a text that is \
                also another option's number picks the option with that text, and #N always picks number N \
                (a text starting with - takes the = form: --choice=-2). A feature poll takes --like, \
                --neutral and --dislike with a feature's slug, and --comment slug=text (140 characters), \
                read by managers and the poll's author. A new vote replaces your earlier one whole.
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The poll's id.") var id: Int64
        @Option(name: .customLong("choice"), help: ArgumentHelp("An option's text or number (#N: the number); repeat on a multiple-choice poll.", valueName: "option"))
        var choices: [String] = []
        @Option(help: ArgumentHelp("A feature you like.", valueName: "slug")) var like: [String] = []
        @Option(help: ArgumentHelp("A feature you are neutral about.", valueName: "slug")) var neutral: [String] = []
        @Option(help: ArgumentHelp("A feature you dislike.", valueName: "slug")) var dislike: [String] = []
        @Option(name: .customLong("comment"), help: ArgumentHelp("A short comment on a feature you judged.", valueName: "slug=text"))
        var comments: [String] = []
        @OptionGroup var output: OutputOptions

        func validate() throws {
            let opinions = like.count + neutral.count + dislike.count
            guard choices.isEmpty || opinions == 0 else { throw ValidationError("give either --choice or opinions (--like, --neutral, --dislike), not both") }
            guard !choices.isEmpty || opinions > 0 else { throw ValidationError("give your vote: --choice, or --like, --neutral, --dislike") }
            for comment in comments where !comment.contains("=") { throw ValidationError("--comment takes slug=text") }
        }

        func run() throws {
            let (community, actor) = try global.acting()
            let poll = try community.poll(id, viewer: actor)
            let ballot = try Self.ballot(for: poll, choices: choices, opinions: [(.like, like), (.neutral, neutral), (.dislike, dislike)],
                                         comments: comments)
            let after = try community.vote(by: actor, poll: id, ballot: ballot)
            try output.emit(after) {
                Output.line("You voted on poll #\(after.id) (\(Plural.count(after.voterCount, "voter"))).")
                PollOutput.results(after)
            }
        }

        /// The ballot the options name, resolved against the poll's own options: a
        /// name that is none of them is refused here, before anything is written.
        static func ballot(for poll: PollDetail, choices: [String], opinions: [(FeatureOpinion, [String])], comments: [String]) throws -> PollBallot {
            if !choices.isEmpty {
                return .choices(Set(try choices.map { try choiceNumber($0, in: poll) }))
            }
            func number(_ slug: String) throws -> Int {
                guard let option = poll.options.first(where: { $0.feature == slug.lowercased() }) else {
                    throw CommunityError.invalid(poll.kind == .features ? "poll #\(poll.id) does not ask about '\(slug)'"
                                                 : "poll #\(poll.id) is a choice poll: vote with --choice")
                }
                return option.number
            }
            var answers: [Int: FeatureAnswer] = [:]
            for (opinion, slugs) in opinions {
                for slug in slugs {
                    let n = try number(slug)
                    guard answers[n] == nil else { throw CommunityError.invalid("'\(slug)' is given two opinions") }
                    answers[n] = FeatureAnswer(opinion)
                }
            }
            for comment in comments {
                let parts = comment.split(separator: "=", maxSplits: 1).map(String.init)
                let n = try number(parts[0])
                guard answers[n] != nil else { throw CommunityError.invalid("a comment on '\(parts[0])' needs your opinion of it too") }
                answers[n]?.comment = parts.count > 1 ? parts[1] : ""
            }
            return .opinions(answers)
        }

        /// The option a --choice names: `#N` always number N; else its exact
        /// text (an option may read "2" or "-2"), then a bare number as listed,
        /// then the text as shown (any case, invisible characters aside). A
        /// number no option has is left for the store to refuse with the range.
        static func choiceNumber(_ choice: String, in poll: PollDetail) throws -> Int {
            let text = choice.trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("#"), let n = Int(text.dropFirst()) { return n }
            if let option = poll.options.first(where: { $0.label == text }) { return option.number }
            if let n = Int(text) { return n }
            if let option = poll.options.first(where: { PollRules.sameLooking($0.label, text) }) { return option.number }
            throw CommunityError.invalid("poll #\(poll.id) has no option '\(SafeText.displayable(choice))'")
        }
    }

    struct Results: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a poll's results: counts and shares, per feature for a feature poll.",
            discussion: """
                Members see them once they have voted, or once the poll closes, as its author chose; managers always. \
                The comments on a feature poll's features, newest first, are read by managers and the poll's author only: \
                a comment is an answer to the brand, not a post, and no moderator reviews it. In the CSV a comment is a row \
                with its member, their opinion as answer, and no count.
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The poll's id.") var id: Int64
        @Flag(help: "Print JSON.") var json = false
        @Flag(help: "Print CSV: a header, then one row per option and answer, then one per comment.") var csv = false
        @Option(help: ArgumentHelp("The latest comments shown per feature (managers and the poll's author), 0 for none, at most \(PollLimits.commentsListed).",
                                   valueName: "n"))
        var comments = PollLimits.commentsShown

        func validate() throws {
            if json, csv { throw ValidationError("give one of --json and --csv, not both") }
            guard (0...PollLimits.commentsListed).contains(comments) else {
                throw ValidationError("--comments takes 0 to \(PollLimits.commentsListed); \(comments) given")
            }
        }

        func run() throws {
            let (community, viewer) = try global.acting()
            let poll = try community.poll(id, viewer: viewer, comments: comments)
            if json { return try Output.json(poll) }
            guard poll.resultsVisible || !csv else {
                throw CommunityError.notPermitted("the results of poll #\(id) show \(poll.visibility.hiddenText.dropFirst("results ".count))")
            }
            if csv { return Output.write(Data(PollOutput.csv(poll).utf8)) }
            PollOutput.header(poll)
            PollOutput.results(poll)
        }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Close a poll before its time (managers only): it takes no more votes.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The poll's id.") var id: Int64

        func run() throws {
            let (community, actor) = try global.acting()
            let poll = try community.closePoll(by: actor, poll: id)
            Output.line("Closed poll #\(poll.id) with \(Plural.count(poll.voterCount, "voter")).")
        }
    }
}

/// A poll's results for people (bars) and spreadsheets (CSV).
enum PollOutput {
    static let barWidth = 20

    static func header(_ poll: PollDetail) {
        Output.line("#\(poll.id) " + SafeText.displayable(poll.title))
        var facts = [poll.kind.label]
        if let name = poll.productName { facts.append(name) }
        facts += [Plural.count(poll.voterCount, "voter"), poll.stateText]
        Output.line(facts.map(SafeText.displayable).joined(separator: " · "))
    }

    static func results(_ poll: PollDetail) {
        guard poll.resultsVisible else { return Output.line(poll.visibility.hiddenText.capitalizedFirst + ".") }
        let labelWidth = min(30, poll.options.map { TextWidth.of(SafeText.displayable($0.label)) }.max() ?? 0)
        var lastNumber = 0
        for line in poll.resultLines {
            let bar = Bar.draw(line.share, width: barWidth)
            let count = String(line.count).leftPadded(5) + " " + line.percentText.leftPadded(4)
            if poll.kind == .features {
                if line.number != lastNumber {
                    Output.line(SafeText.displayable(line.label) + " (\(line.feature ?? ""))")
                    lastNumber = line.number
                }
                Output.line("  " + line.answer.padding(toLength: 8, withPad: " ", startingAt: 0) + bar + count)
                if line.answer == FeatureOpinion.dislike.rawValue {
                    for comment in poll.comments ?? [] where comment.number == line.number {
                        Output.line("    " + SafeText.displayable(comment.handle) + " (\(comment.opinion.rawValue)): " + SafeText.displayable(comment.comment))
                    }
                }
            } else {
                Output.line(String(line.number).leftPadded(3) + " " + Output.cell(line.label, labelWidth) + " " + bar + count)
            }
        }
    }

    /// `poll,number,option,feature,answer,count,total,percent,member,comment`:
    /// the results, then the comments the viewer may read (the same columns
    /// whoever asks); text made safe and kept from reading as a formula, as `stats --csv` does.
    static func csv(_ poll: PollDetail) -> String {
        var rows = [["poll", "number", "option", "feature", "answer", "count", "total", "percent", "member", "comment"]]
        for line in poll.resultLines {
            rows.append([String(poll.id), String(line.number), StatsCSV.text(line.label), line.feature ?? "", line.answer,
                         String(line.count), String(line.total), String(format: "%.1f", line.share * 100), "", ""])
        }
        for comment in poll.comments ?? [] {
            let option = poll.options.first { $0.number == comment.number }
            rows.append([String(poll.id), String(comment.number), StatsCSV.text(option?.label ?? ""), option?.feature ?? "",
                         comment.opinion.rawValue, "", "", "", StatsCSV.text(comment.handle), StatsCSV.text(comment.comment)])
        }
        return rows.map { $0.map(StatsCSV.field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
