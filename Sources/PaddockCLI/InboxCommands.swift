import ArgumentParser
import Foundation
import PaddockCore
import PaddockStore

struct InboxCommand: ParsableCommand, PagedCommand {
    static let configuration = CommandConfiguration(
        commandName: "inbox",
        abstract: "Your notifications, newest first: unread ones, or all of them with --all.",
        discussion: """
            Replies to you, mentions (@handle), replies in threads you watch, news of suggestions
            you wrote or support, and moderation outcomes. --mark-read ID or --mark-all-read
            marks them read instead of listing them.
            """,
        aliases: ["notifications"])
    static let limitHelp = "Notifications to show, 1–500.", defaultLimit = 50
    @OptionGroup var global: GlobalOptions
    @Flag(help: "List read notifications too.") var all = false
    @OptionGroup var paging: PagingOptions<Self>
    @Option(help: ArgumentHelp("Continue below this notification id (the last one a page printed).", valueName: "id"))
    var before: Int64?
    @Option(name: .customLong("mark-read"), help: ArgumentHelp("Mark one notification read.", valueName: "id"))
    var markRead: Int64?
    @Flag(name: .customLong("mark-all-read"), help: "Mark every notification read.") var markAllRead = false
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard !(markRead != nil && markAllRead) else { throw ValidationError("use --mark-read or --mark-all-read, not both") }
    }

    func run() throws {
        let (community, actor) = try global.acting()
        if let markRead {
            try community.markNotificationRead(by: actor, notification: markRead)
            return Output.line("Notification #\(markRead) marked read.")
        }
        if markAllRead {
            let count = try community.markAllNotificationsRead(by: actor)
            return Output.line("\(count) notification\(count == 1 ? "" : "s") marked read.")
        }
        let items = try community.inbox(for: actor, unreadOnly: !all, before: before, limit: paging.limit)
        try output.emit(items) {
            if items.isEmpty { return Output.line(all ? "Your inbox is empty." : "Nothing unread.") }
            Output.table(["ID", "WHEN", "KIND", "FROM", "TEXT"], items.map {
                ["\($0.isUnread ? "*" : " ")\($0.id)", Output.date($0.createdAt), $0.kind.rawValue, $0.actorHandle ?? "—", $0.text]
            })
        }
    }
}

struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch", abstract: "Watch a thread: a notification for every reply by others (replaces a mute).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The thread's id.") var thread: Int64

    func run() throws {
        let (community, actor) = try global.acting()
        try community.watch(by: actor, thread: thread)
        Output.line("Watching thread #\(thread).")
    }
}

struct UnwatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unwatch", abstract: "Stop watching a thread; replies to you and mentions still notify you.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The thread's id.") var thread: Int64

    func run() throws {
        let (community, actor) = try global.acting()
        try community.unwatch(by: actor, thread: thread)
        Output.line("No longer watching thread #\(thread).")
    }
}

struct MuteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mute", abstract: "Mute a thread or a member, or list what you muted.",
        subcommands: [Thread.self, Member.self, List.self])

    struct Thread: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mute a thread: never unread, never notifies (replaces a watch).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The thread's id.") var thread: Int64

        func run() throws {
            let (community, actor) = try global.acting()
            try community.muteThread(by: actor, thread: thread)
            Output.line("Muted thread #\(thread).")
        }
    }

    struct Member: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Mute a member: their posts fold in the app, their replies and mentions don't notify you.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The member's handle.") var handle: String

        func run() throws {
            let (community, actor) = try global.acting()
            try community.muteMember(by: actor, handle: handle)
            Output.line("Muted \(SafeText.displayable(handle)).")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The threads and members you muted.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let (community, actor) = try global.acting()
            let mutes = try community.mutes(of: actor)
            try output.emit(mutes) {
                Output.table(["MUTED", "WHAT"], mutes.threads.map { ["thread #\($0.id)", $0.title] } + mutes.members.map { ["member", $0] })
            }
        }
    }
}

struct UnmuteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unmute", abstract: "Unmute a thread or a member.", subcommands: [Thread.self, Member.self])

    struct Thread: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Unmute a thread.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The thread's id.") var thread: Int64

        func run() throws {
            let (community, actor) = try global.acting()
            try community.unmuteThread(by: actor, thread: thread)
            Output.line("Unmuted thread #\(thread).")
        }
    }

    struct Member: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Unmute a member.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The member's handle.") var handle: String

        func run() throws {
            let (community, actor) = try global.acting()
            try community.unmuteMember(by: actor, handle: handle)
            Output.line("Unmuted \(SafeText.displayable(handle)).")
        }
    }
}
