import ArgumentParser
import Foundation
import PaddockCore
import PaddockStore

/// `paddock search QUERY`: ranked posts with a snippet around the match.
struct SearchCommand: ParsableCommand, PagedCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Search thread titles and posts, best match first.",
        discussion: """
            Every word must appear; "an exact phrase" in quotes; -word leaves out posts
            with it; word* matches words that start so. Case and accents don't matter:
            cosi finds così. Titles count more than posts; newer first among equals.

            Filters: board:SLUG product:SLUG feature:SLUG status:STATUS kind:KIND
            author:HANDLE is:unread is:supported before:YYYY-MM-DD after:YYYY-MM-DD
            (days in UTC; after: includes its day, before: doesn't).

            Moderators and up also find hidden and removed posts.
            Example: paddock search '"riding mode" feature:electronics -rain'
            """)
    static let limitHelp = "Results per page (1–200).", defaultLimit = 20, largestPage = 200
    @OptionGroup var global: GlobalOptions
    /// Taken whole, dash-prefixed words included: `paddock search -rain` is a query, not an option.
    @Argument(parsing: .allUnrecognized, help: "What to look for (quote phrases for the shell).") var words: [String] = []
    var query: String { words.joined(separator: " ") }
    @OptionGroup var paging: PagingOptions<Self>
    @Option(help: ArgumentHelp("Continue after this cursor (what the last page printed as next).", valueName: "cursor"))
    var after: String?
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let after, SearchCursor(after) == nil { throw ValidationError("--after takes a cursor a search printed as next") }
    }

    func run() throws {
        let (community, actor) = try global.acting()
        let page = try community.search(query, viewer: actor, limit: paging.limit, after: after.flatMap(SearchCursor.init))
        guard page.searched else { throw CommunityError.invalid(page.hint ?? "nothing to search for") }
        try output.emit(page) {
            if let hint = page.hint { FileHandle.standardError.write(Data("paddock: \(SafeText.displayable(hint))\n".utf8)) }
            for (i, hit) in page.hits.enumerated() {
                let where_ = hit.position == 0 ? "#\(hit.threadId)" : "#\(hit.threadId) post \(hit.position)"
                let state = hit.state == .visible ? "" : " [\(hit.state.rawValue)]"
                Output.line("\(i + 1). \(Self.marked(SearchSnippet(text: hit.threadTitle, matches: hit.titleMatches)))  \(where_)  \(hit.boardSlug) · \(SafeText.displayable(hit.authorHandle)) · \(Output.date(hit.createdAt))\(state)")
                if !hit.snippet.text.isEmpty { Output.line("   " + Self.marked(hit.snippet)) }
            }
            if let next = page.next { Output.line("next: \(next)") }
        }
    }

    /// The snippet as one safe line, the matching words between » and «.
    static func marked(_ snippet: SearchSnippet) -> String {
        snippet.runs.map { $0.match ? "»" + SafeText.displayable($0.text) + "«" : SafeText.displayable($0.text) }.joined()
    }
}
