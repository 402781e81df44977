import ArgumentParser
import Foundation
import PaddockCore
import PaddockStore

extension SuggestionStatus: ExpressibleByArgument {}
extension SuggestionOrder: ExpressibleByArgument {}

/// `--status`: open (the default), all, or one status.
struct StatusFilterArgument: ExpressibleByArgument {
    let filter: SuggestionFilter
    let defaultValueDescription: String

    init?(argument: String) {
        defaultValueDescription = argument
        switch argument {
        case "open": filter = .open
        case "all": filter = .all
        default:
            guard let status = SuggestionStatus(rawValue: argument) else { return nil }
            filter = .status(status)
        }
    }

    static var allValueStrings: [String] { ["open", "all"] + SuggestionStatus.allCases.map(\.rawValue) }
}

// MARK: - product

struct ProductCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "product", abstract: "Add and list the products suggestions are about.", subcommands: [Add.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a product (managers only).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The product's slug: 1–40 of a–z, 0–9, '-'.") var slug: String
        @Option(help: "The product's name.") var name: String
        @Option(help: "One line on the product.") var description: String = ""

        func run() throws {
            let (community, actor) = try global.acting()
            let product = try community.addProduct(by: actor, slug: slug, name: name, description: description)
            Output.line("Added product \(product.slug).")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List products.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let products = try global.community().products()
            try output.emit(products) {
                Output.table(["SLUG", "RETIRED", "NAME"], products.map { [$0.slug, Output.date($0.retiredAt), $0.name] })
            }
        }
    }
}

// MARK: - feature

struct FeatureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feature", abstract: "Add, list and retire a product's features.", subcommands: [Add.self, List.self, Retire.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a feature to a product (managers only).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The feature's slug: 1–40 of a–z, 0–9, '-'.") var slug: String
        @Option(help: "The product's slug.") var product: String
        @Option(help: "The feature's name.") var name: String
        @Option(help: "One line on the feature.") var description: String = ""

        func run() throws {
            let (community, actor) = try global.acting()
            let feature = try community.addFeature(by: actor, product: product, slug: slug, name: name,
                                                   description: description)
            Output.line("Added feature \(product)/\(feature.slug).")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List a product's features.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The product's slug.") var product: String
        @OptionGroup var output: OutputOptions

        func run() throws {
            let features = try global.community().features(product: product)
            try output.emit(features) {
                Output.table(["SLUG", "RETIRED", "NAME"], features.map { [$0.slug, Output.date($0.retiredAt), $0.name] })
            }
        }
    }

    struct Retire: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Retire a feature (managers only): its suggestions stay, it takes no new ones.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The feature's slug.") var slug: String
        @Option(help: "The product's slug.") var product: String

        func run() throws {
            let (community, actor) = try global.acting()
            let feature = try community.retireFeature(by: actor, product: product, feature: slug)
            Output.line("Retired feature \(product)/\(feature.slug).")
        }
    }
}

// MARK: - suggestion

struct SuggestionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggestion", abstract: "Suggest changes to product features, support them, answer them.",
        subcommands: [New.self, List.self, Show.self, Supporters.self, Support.self, Unsupport.self, Status.self, Merge.self, Similar.self])

    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Suggest a change to 1–5 features of a product; you are its first supporter.",
            discussion: "With --resubmit, posts an expired suggestion of yours again, linked to it; title and text default to the old ones.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The product's slug.") var product: String?
        @Option(name: .customLong("feature"), help: ArgumentHelp("A feature's slug; repeat for up to 5.", valueName: "slug"))
        var features: [String] = []
        @Option(help: "The title, at most 120 characters.") var title: String?
        @Option(help: "The suggestion board (default: the first one).") var board: String?
        @Option(help: ArgumentHelp("Resubmit this expired suggestion of yours.", valueName: "id")) var resubmit: Int64?
        @OptionGroup var body: BodyOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if resubmit == nil {
                guard product != nil else { throw ValidationError("give the product with --product") }
                guard !features.isEmpty else { throw ValidationError("give at least one --feature") }
                guard title != nil else { throw ValidationError("give the title with --title") }
            } else if product != nil || !features.isEmpty || board != nil {
                throw ValidationError("a resubmission keeps its product, features and board: give only --title and the text")
            }
        }

        func run() throws {
            let (community, actor) = try global.acting()
            let text: String? = (body.body != nil || body.bodyFile != nil || resubmit == nil) ? try body.read() : nil
            let suggestion: SuggestionSummary
            if let resubmit {
                suggestion = try community.resubmit(by: actor, suggestion: resubmit, title: title, body: text)
            } else {
                suggestion = try community.suggest(by: actor, product: product!, features: features, title: title!,
                                                   body: text!, board: board)
            }
            try output.emit(suggestion) {
                Output.line("Posted suggestion #\(suggestion.id)" + (resubmit.map { " (resubmitting #\($0))" } ?? "") + ".")
            }
        }
    }

    struct List: ParsableCommand, PagedCommand {
        static let configuration = CommandConfiguration(
            abstract: "List a product's suggestions, or one feature's.",
            discussion: "--after continues from the cursor a page printed as `next`, at constant cost.")
        static let limitHelp = "Suggestions per page, 1–500.", defaultLimit = 50
        @OptionGroup var global: GlobalOptions
        @Option(help: "The product's slug.") var product: String
        @Option(help: "Only suggestions tagged to this feature.") var feature: String?
        @Option(help: "top (most supported), new, or trending (most support in the last 7 days).") var sort: SuggestionOrder = .top
        @Option(help: "open (new to in progress), all, or one status.") var status: StatusFilterArgument = StatusFilterArgument(argument: "open")!
        @OptionGroup var paging: CursorPagingOptions<SuggestionCursor, Self>
        @OptionGroup var output: OutputOptions

        func run() throws {
            let page = try global.community().suggestions(product: product, feature: feature, order: sort, filter: status.filter,
                                                          after: paging.cursor, limit: paging.limit)
            try output.emit(page) {
                SuggestionOutput.table(page.suggestions, recent: sort == .trending)
                if let next = page.next { Output.line("next: \(next)") }
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a suggestion: status, progress, features and every official response.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The suggestion's id.") var id: Int64
        @OptionGroup var output: OutputOptions

        func run() throws {
            let (community, viewer) = try global.viewing()
            let detail = try community.suggestion(id, viewer: viewer)
            try output.emit(detail) {
                let s = detail.suggestion
                Output.line("#\(s.id) " + SafeText.displayable(s.title))
                Output.line("[\(s.status.label)] \(s.supporterCount) supporter\(s.supporterCount == 1 ? "" : "s")"
                            + (s.milestone.map { " · \($0)" } ?? ""))
                Output.line(SafeText.displayable("\(s.productName): " + s.features.map { $0.name + ($0.retired ? " (retired)" : "") }.joined(separator: ", "))
                            + " · by \(SafeText.displayable(s.authorHandle)) · \(Output.date(s.createdAt))")
                if let root = detail.duplicateRoot { Output.line("Duplicate of #\(root.id) " + SafeText.displayable(root.title)) }
                if let from = detail.resubmittedFrom { Output.line("Resubmits #\(from.id) (\(from.status.label))") }
                if let again = detail.resubmittedAs { Output.line("Resubmitted as #\(again.id)") }
                if detail.viewerSupports == true { Output.line("You support it.") }
                Output.line()
                Output.safeLines(detail.body).forEach { Output.line($0) }
                for response in detail.responses {
                    Output.line()
                    Output.line("── official response · \(response.fromStatus.label) → \(response.toStatus.label) · "
                                + "\(SafeText.displayable(response.actorHandle)) · \(Output.date(response.createdAt))")
                    Output.safeLines(response.body).forEach { Output.line($0) }
                }
            }
        }
    }

    struct Supporters: ParsableCommand, PagedCommand {
        static let configuration = CommandConfiguration(abstract: "List a suggestion's supporters, earliest first.")
        static let limitHelp = "Supporters per page, 1–500.", defaultLimit = 100
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The suggestion's id.") var id: Int64
        @OptionGroup var paging: CursorPagingOptions<SuggestionCursor, Self>
        @OptionGroup var output: OutputOptions

        func run() throws {
            let page = try global.community().supporters(of: id, after: paging.cursor, limit: paging.limit)
            try output.emit(page) {
                Output.table(["HANDLE", "SINCE", "NAME"], page.supporters.map { [$0.handle, Output.date($0.supportedAt), $0.displayName] })
                if let next = page.next { Output.line("next: \(next)") }
            }
        }
    }

    struct Support: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Support a suggestion (once per member).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The suggestion's id.") var id: Int64

        func run() throws {
            let (community, actor) = try global.acting()
            let s = try community.support(by: actor, suggestion: id)
            Output.line("You support #\(s.id): \(SuggestionOutput.standing(s)).")
        }
    }

    struct Unsupport: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Withdraw your support while the suggestion is open.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The suggestion's id.") var id: Int64

        func run() throws {
            let (community, actor) = try global.acting()
            let s = try community.withdrawSupport(by: actor, suggestion: id)
            Output.line("Withdrew your support from #\(s.id): \(SuggestionOutput.standing(s)).")
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Move a suggestion along its lifecycle with an official response (managers only).",
            discussion: "new → under_review → planned → in_progress → shipped; declined. The author and every supporter are notified.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The suggestion's id.") var id: Int64
        @Argument(help: "under_review, planned, in_progress, shipped or declined.") var status: SuggestionStatus
        @Option(help: ArgumentHelp("The official response, posted in the thread.", valueName: "text")) var response: String

        func run() throws {
            let (community, actor) = try global.acting()
            let s = try community.changeStatus(by: actor, suggestion: id, to: status, response: response)
            Output.line("#\(s.id) is now \(s.status.label).")
        }
    }

    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Close a suggestion as a duplicate of another; its supporters move there (managers only).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The duplicate's id.") var id: Int64
        @Option(help: ArgumentHelp("The suggestion it duplicates.", valueName: "id")) var into: Int64
        @Option(help: ArgumentHelp("The official response, posted in the duplicate's thread.", valueName: "text")) var response: String

        func run() throws {
            let (community, actor) = try global.acting()
            let result = try community.merge(by: actor, duplicate: id, into: into, response: response)
            Output.line("Merged #\(result.duplicate.id) into #\(result.into.id): \(result.movedSupporters) supporter"
                        + "\(result.movedSupporters == 1 ? "" : "s") moved, \(result.into.supporterCount) in all.")
        }
    }

    struct Similar: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Up to 5 open suggestions like this text: support one instead of duplicating it.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "A title or a few words.") var text: String
        @Option(help: "Only this product's suggestions.") var product: String?
        @OptionGroup var output: OutputOptions

        func run() throws {
            let found = try global.community().similarSuggestions(to: text, product: product)
            try output.emit(found) {
                if found.isEmpty { return Output.line("No similar open suggestions.") }
                SuggestionOutput.table(found, recent: false)
            }
        }
    }
}

// MARK: - roadmap, review queue, maintenance

struct RoadmapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roadmap", abstract: "What is under review, planned, in progress, and shipped in the last 90 days.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "One product (default: every product).") var product: String?
    @OptionGroup var output: OutputOptions

    func run() throws {
        let community = try global.community()
        let slugs = try product.map { [$0] } ?? community.products().filter { $0.retiredAt == nil }.map(\.slug)
        let roadmaps = try slugs.map { try community.roadmap(product: $0) }
        try output.emit(roadmaps) {
            for (i, roadmap) in roadmaps.enumerated() {
                if i > 0 { Output.line() }
                Output.line("== " + SafeText.displayable(roadmap.product.name))
                for (name, items) in [("Under review", roadmap.underReview), ("Planned", roadmap.planned),
                                      ("In progress", roadmap.inProgress), ("Shipped (last 90 days)", roadmap.shipped)] {
                    Output.line("\(name) (\(items.count))")
                    for s in items { Output.line("  #\(s.id)  \(s.supporterCount) · " + SafeText.displayable(s.title)) }
                }
            }
        }
    }
}

struct ReviewQueueCommand: ParsableCommand, PagedCommand {
    static let configuration = CommandConfiguration(
        commandName: "review-queue", abstract: "Suggestions under review, longest waiting first (managers only).")
    static let limitHelp = "Suggestions per page, 1–500.", defaultLimit = 50
    @OptionGroup var global: GlobalOptions
    @OptionGroup var paging: CursorPagingOptions<SuggestionCursor, Self>
    @OptionGroup var output: OutputOptions

    func run() throws {
        let (community, actor) = try global.acting()
        let page = try community.reviewQueue(by: actor, after: paging.cursor, limit: paging.limit)
        try output.emit(page) {
            Output.table(["ID", "SINCE", "SUPPORT", "PRODUCT", "TITLE"], page.suggestions.map {
                ["#\($0.id)", Output.date($0.statusChangedAt), "\($0.supporterCount)", $0.productSlug, $0.title]
            })
            if let next = page.next { Output.line("next: \(next)") }
        }
    }
}

struct MaintenanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "maintenance",
        abstract: "Apply what time decides: suggestions that missed a milestone deadline expire.",
        discussion: "Reads and writes apply deadlines too; run this from cron to send the notifications on time.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let report = try global.community().maintenance()
        try output.emit(report) {
            Output.line(report.expired.isEmpty ? "Nothing due."
                        : "Expired \(report.expired.count) suggestion\(report.expired.count == 1 ? "" : "s"): "
                          + report.expired.map { "#\($0)" }.joined(separator: ", ") + ".")
        }
    }
}

enum SuggestionOutput {
    static func standing(_ s: SuggestionSummary) -> String {
        s.milestone?.description ?? "\(s.supporterCount) supporter\(s.supporterCount == 1 ? "" : "s"), \(s.status.label)"
    }

    static func table(_ rows: [SuggestionSummary], recent: Bool) {
        Output.table(["ID", "STATUS", "SUPPORT"] + (recent ? ["7 DAYS"] : []) + ["PROGRESS", "TITLE"], rows.map { s in
            ["#\(s.id)", s.status.label, "\(s.supporterCount)"] + (recent ? ["+\(s.recentSupport ?? 0)"] : [])
                + [s.milestone.map(\.description) ?? "—", s.title]
        })
    }
}
