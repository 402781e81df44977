import ArgumentParser
import Foundation
import PaddockCore
import PaddockStore

/// `paddock feed`: an Atom document for a web server to publish or cron to refresh.
struct FeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feed", abstract: "Write an Atom feed of announcements, a board, or the roadmap's status changes.",
        discussion: """
            KIND is announcements, board (with the board's SLUG) or roadmap. The feed holds what \
            a logged-out visitor could read, newest first; the same community gives the same \
            bytes, so a cron job can rewrite the file whenever it likes.
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "announcements, board or roadmap.") var kind: String
    @Argument(help: "The board's slug (board feeds only).") var slug: String?
    @Option(help: ArgumentHelp("Write the feed to this file (replaced whole, only on success, keeping its permissions) instead of stdout; never the community file.", valueName: "file")) var output: String?
    @Option(help: ArgumentHelp("Entries in the feed, \(FeedKind.limits.lowerBound)–\(FeedKind.limits.upperBound).", valueName: "n")) var limit = FeedKind.defaultLimit
    @Option(help: ArgumentHelp("The community's web address: its host names the entries' ids (instead of the feed_host setting), and the feed links to it.",
                               valueName: "url"))
    var baseURL: String?

    func run() throws {
        let kind = try FeedKind(kind, slug: slug)
        let limit = try FeedKind.limit(limit)
        let base = try baseURL.map { try FeedKind.host(ofBaseURL: $0) }
        let source = try global.community().feed(kind, limit: limit)
        let data = Data(source.atom(host: base?.host, baseURL: base?.base).xml.utf8)
        guard let output else {
            FileHandle.standardOutput.write(data)
            return
        }
        // Written beside the target and renamed over it: a reader sees the old feed or the new, never half.
        try OutputFile(output, community: global.databasePath).write { write in try write(Array(data)) }
    }
}
