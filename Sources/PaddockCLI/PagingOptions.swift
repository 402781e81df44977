import ArgumentParser
import PaddockStore

/// A command that lists a page at a time: how its `--limit` reads in help, how
/// many rows a page holds unless told, and the most it may hold.
protocol PagedCommand {
    static var limitHelp: String { get }
    static var defaultLimit: Int { get }
    static var largestPage: Int { get }
}

extension PagedCommand {
    static var largestPage: Int { 500 }
}

/// `--limit`: the rows of a page, checked against the command's largest page.
struct PagingOptions<Command: PagedCommand>: ParsableArguments {
    @Option(help: ArgumentHelp(Command.limitHelp)) var limit: Int = Command.defaultLimit

    func validate() throws {
        guard (1...Command.largestPage).contains(limit) else {
            throw ValidationError("--limit must be between 1 and \(Command.largestPage)")
        }
    }
}

/// A command whose pages are numbered too: how its `--page` reads in help.
protocol NumberedPages: PagedCommand {
    static var pageHelp: String { get }
}

/// `--page N`: a page by its number, from 1.
struct PageNumberOptions<Command: NumberedPages>: ParsableArguments {
    @Option(help: ArgumentHelp(Command.pageHelp)) var page: Int = 1

    func validate() throws {
        guard page >= 1 else { throw ValidationError("--page starts at 1") }
    }
}

/// Where a page ends, as it prints it (`next: …`) and `--after` takes it back.
protocol PageCursor {
    init?(_ text: String)
}

extension ThreadCursor: PageCursor {}
extension SuggestionCursor: PageCursor {}

/// `--after CURSOR`, then `--limit`: a page that continues from the cursor an
/// earlier page printed as `next`, at constant cost.
struct CursorPagingOptions<Cursor: PageCursor, Command: PagedCommand>: ParsableArguments {
    @Option(help: ArgumentHelp("Continue after this cursor (from a page's `next`).", valueName: "cursor"))
    var after: String?

    @OptionGroup var paging: PagingOptions<Command>

    var limit: Int { paging.limit }

    /// Where `--after` continues from; nil for the first page.
    var cursor: Cursor? { after.flatMap(Cursor.init) }

    func validate() throws {
        if let after, Cursor(after) == nil { throw ValidationError("--after takes a cursor printed as `next` by an earlier page") }
    }
}
