import ArgumentParser
import Foundation
import PaddockCore
import PaddockStore

extension Role: ExpressibleByArgument {}
extension ThreadKind: ExpressibleByArgument {}

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a community file, with you (or --admin) as its first admin.")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Fill it with the demo community: a motorcycle maker's boards, members and threads.")
    var demo = false

    @Option(help: ArgumentHelp("The first admin's handle (default: your login name).", valueName: "handle"))
    var admin: String?

    func run() throws {
        let path = global.databasePath
        try global.creating { context in
            let community = context.community
            guard try community.members().isEmpty else {
                throw CommunityError.invalid("\(path) already holds a community; pass another --db to create a new one")
            }
            let handle = admin ?? GlobalOptions.loginName
            if demo {
                try DemoCommunity.build(into: community, operator: handle)
            } else {
                try community.bootstrapAdmin(handle: handle)
            }
            let boards = try community.boards()
            Output.line("Created \(path): \(boards.count) boards, admin '\(handle)'.")
        }
    }
}

// MARK: - member

struct MemberCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "member", abstract: "Add members, list them, show their profiles, change their roles, manage their SSH keys and the products they ride.",
        subcommands: [Add.self, List.self, Show.self, SetRole.self, Key.self, Rides.self, Email.self, Mail.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a member (admins only).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The new member's handle: 2–32 of a–z, 0–9, '_', '-', '.'.") var handle: String
        @Option(help: ArgumentHelp("The name shown beside the handle (default: the handle).", valueName: "name")) var name: String?
        @Option(help: "member, moderator, manager or admin.") var role: Role = .member

        func run() throws {
            let (community, actor) = try global.acting()
            let member = try community.addMember(by: actor, handle: handle, displayName: name, role: role)
            Output.line("Added \(member.handle) (\(member.role.rawValue)).")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List members.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let members = try global.community().members()
            try output.emit(members) {
                Output.table(["HANDLE", "ROLE", "POSTS", "NAME"], members.map {
                    [$0.handle, $0.role.rawValue, "\($0.postCount)", $0.displayName]
                })
            }
        }
    }

    struct SetRole: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "role", abstract: "Change a member's role (admins only).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The member's handle.") var handle: String
        @Argument(help: "member, moderator, manager or admin.") var role: Role

        func run() throws {
            let (community, actor) = try global.acting()
            try community.setRole(by: actor, handle: handle, role: role)
            Output.line("\(handle) is now a \(role.rawValue).")
        }
    }
}

// MARK: - board

struct BoardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "board", abstract: "Add and list boards.", subcommands: [Add.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a board (admins only).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The board's slug: 1–40 of a–z, 0–9, '-'.") var slug: String
        @Option(help: "The board's title.") var title: String
        @Option(help: "One line on what belongs here.") var description: String = ""
        @Option(help: "The kind of thread started here: discussion, announcement (the blog: managers only) or suggestion.")
        var kind: ThreadKind = .discussion

        func run() throws {
            let (community, actor) = try global.acting()
            let board = try community.addBoard(by: actor, slug: slug, title: title,
                                               description: description, threadKind: kind)
            Output.line("Added board \(board.slug).")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List boards with their thread and post counts.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let boards = try global.community().boards()
            try output.emit(boards) {
                Output.table(["SLUG", "THREADS", "POSTS", "LAST ACTIVITY", "TITLE"], boards.map {
                    [$0.slug, "\($0.threadCount)", "\($0.postCount)", Output.date($0.lastActivityAt), $0.title]
                })
            }
        }
    }
}

// MARK: - thread

struct ThreadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "thread", abstract: "List, show and start threads.", subcommands: [List.self, Show.self, New.self])

    struct List: ParsableCommand, NumberedPages {
        static let configuration = CommandConfiguration(
            abstract: "List a board's threads: pinned first, then by latest activity.",
            discussion: "Pages are numbered from 1; --after continues from the cursor a page printed as `next`, at constant cost.")
        static let pageHelp = "The page to show, from 1.", limitHelp = "Threads per page, 1–500.", defaultLimit = 50
        @OptionGroup var global: GlobalOptions
        @Option(help: "The board's slug.") var board: String
        @OptionGroup var numbered: PageNumberOptions<Self>
        @OptionGroup var paging: CursorPagingOptions<ThreadCursor, Self>
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if paging.after != nil, numbered.page != 1 { throw ValidationError("give either --page or --after, not both") }
        }

        func run() throws {
            let community = try global.community()
            let cursor = try paging.cursor ?? community.cursor(board: board, page: numbered.page, pageSize: paging.limit)
            let result = try community.threads(board: board, after: cursor, limit: paging.limit)
            try output.emit(result) {
                Output.table(["ID", "REPLIES", "LAST ACTIVITY", "AUTHOR", "TITLE"], result.threads.map {
                    let marks = ($0.pinned ? "📌 " : "") + ($0.locked ? "🔒 " : "")
                    return ["\($0.id)", "\($0.replyCount)", Output.date($0.lastActivityAt), $0.authorHandle, marks + $0.title]
                })
                if let next = result.next { Output.line("next: \(next)") }
            }
        }
    }

    struct Show: ParsableCommand, NumberedPages {
        static let configuration = CommandConfiguration(abstract: "Show a thread and its posts, a page at a time.")
        static let pageHelp = "The page of posts to show, from 1.", limitHelp = "Posts per page, 1–500.", defaultLimit = 50
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The thread's id.") var id: Int64
        @OptionGroup var numbered: PageNumberOptions<Self>
        @OptionGroup var paging: PagingOptions<Self>
        @OptionGroup var output: OutputOptions

        func run() throws {
            let (community, viewer) = try global.viewing()
            let page = numbered.page
            // Like `thread list`: a page past the last is refused, not printed empty.
            let noPage = CommunityError.notFound("thread #\(id) has no page \(page)")
            guard let from = Paging.rowsBefore(page: page, pageSize: paging.limit) else { throw noPage }
            let detail = try community.thread(id, viewer: viewer, from: from, limit: paging.limit)
            if page > 1, detail.posts.isEmpty { throw noPage }
            try output.emit(detail) {
                let t = detail.thread
                Output.line("#\(t.id) " + SafeText.displayable(t.title))
                Output.line("in \(detail.board.slug) · \(t.kind.rawValue) · \(t.replyCount) replies" + (t.locked ? " · locked" : ""))
                for post in detail.posts {
                    Output.line()
                    let edited = post.editedAt == nil ? "" : " · edited"
                    Output.line("── \(post.position == 0 ? "opening post" : "reply \(post.position)") · post \(post.id) · "
                                + "\(SafeText.displayable(post.authorHandle)) (\(post.authorRole.rawValue)) · \(Output.date(post.createdAt))\(edited)")
                    switch post.state {
                    case .visible: Output.safeLines(post.body).forEach { Output.line($0) }
                    case .hidden, .removed:
                        Output.line(SafeText.displayable(post.placeholder))
                        Output.safeLines(post.body).forEach { Output.line($0) }
                    }
                }
                let shown = detail.firstPosition + detail.posts.count
                if shown < detail.postCount { Output.line("\n(\(shown) of \(detail.postCount) posts; --page \(page + 1) for more)") }
            }
        }
    }

    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start a thread. Its kind is the board's: only managers post in the announcements blog.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The board's slug.") var board: String
        @Option(help: "The title, at most 120 characters.") var title: String
        @OptionGroup var body: BodyOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let (community, actor) = try global.acting()
            let thread = try community.startThread(by: actor, board: board, title: title, body: try body.read())
            try output.emit(thread) {
                Output.line("Started thread #\(thread.id).")
            }
        }
    }
}

struct Reply: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Reply in a thread.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The thread's id.") var thread: Int64
    @Option(name: .customLong("to"), help: ArgumentHelp("The post being answered (its id).", valueName: "post")) var replyTo: Int64?
    @OptionGroup var body: BodyOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let (community, actor) = try global.acting()
        let post = try community.reply(by: actor, thread: thread, body: try body.read(), replyTo: replyTo)
        try output.emit(post) {
            Output.line("Posted reply \(post.position) (post \(post.id)) in thread #\(thread).")
        }
    }
}

struct Edit: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Edit one of your posts; the earlier text is kept as a revision.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The post's id.") var post: Int64
    @OptionGroup var body: BodyOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let (community, actor) = try global.acting()
        let edited = try community.edit(by: actor, post: post, body: try body.read())
        try output.emit(edited) {
            Output.line("Edited post \(edited.id) (\(edited.revisionCount) earlier version\(edited.revisionCount == 1 ? "" : "s") kept).")
        }
    }
}
