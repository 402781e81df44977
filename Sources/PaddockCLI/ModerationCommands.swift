import ArgumentParser
import Foundation
import PaddockCore
import PaddockStore

extension FlagReason: ExpressibleByArgument {}

struct FlagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flag", abstract: "Flag a post for the moderators: spam, off_topic, abusive, or other with a note.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The post's id.") var post: Int64
    @Option(help: "spam, off_topic, abusive or other.") var reason: FlagReason
    @Option(help: ArgumentHelp("What is wrong (required with --reason other).", valueName: "text")) var note: String?

    func run() throws {
        let (community, actor) = try global.acting()
        let outcome = try community.flag(by: actor, post: post, reason: reason, note: note)
        Output.line(ModerationOutcome.flagged(hidden: outcome.hidden, weight: outcome.weight, threshold: outcome.threshold).text())
    }
}

/// When a silence or suspension ends: `--for 3d` or `--until 2026-12-01T10:00Z`.
struct EndTimeOptions: ParsableArguments {
    @Option(name: .customLong("for"), help: ArgumentHelp("How long: 90s, 15m, 2h, 3d, 1w; at most 10 years (3650d).", valueName: "duration"))
    var duration: String?
    @Option(help: ArgumentHelp("Until a UTC time: 2026-12-01T10:00Z or 2026-12-01; at most 10 years away.", valueName: "time"))
    var until: String?

    func validate() throws {
        guard (duration == nil) != (until == nil) else { throw ValidationError("give either --for or --until") }
        if let duration, TimeText.parseDuration(duration) == nil {
            throw ValidationError("--for takes a duration like 90s, 15m, 2h, 3d or 1w, at most \(TimeText.longestDurationText)")
        }
        if let until, TimeText.parseInstant(until) == nil {
            throw ValidationError("--until takes a UTC time like 2026-12-01T10:00Z or 2026-12-01")
        }
    }

    func end(from now: Date) -> Date {
        if let until, let date = TimeText.parseInstant(until) { return date }
        return now.addingTimeInterval(TimeInterval(TimeText.parseDuration(duration ?? "0") ?? 0))
    }
}

struct ReasonOption: ParsableArguments {
    @Option(help: ArgumentHelp("Why: the author and the moderation log receive it.", valueName: "text"))
    var reason: String = ""
}

struct ModCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mod", abstract: "Moderate: the review queue, posts, threads and members (moderators and up).",
        subcommands: [Queue.self, Agree.self, Disagree.self, Ignore.self, Claim.self,
                      Hide.self, Restore.self, Remove.self,
                      Lock.self, Unlock.self, Pin.self, Unpin.self, Move.self, Archive.self, SlowMode.self,
                      Warn.self, Silence.self, Suspend.self, Lift.self, History.self])

    struct Queue: ParsableCommand, PagedCommand {
        static let configuration = CommandConfiguration(abstract: "List flagged posts waiting for review, heaviest first.")
        static let limitHelp = "Items to show, 1–500.", defaultLimit = 50
        @OptionGroup var global: GlobalOptions
        @OptionGroup var paging: PagingOptions<Self>
        @OptionGroup var output: OutputOptions

        func run() throws {
            let (community, actor) = try global.acting()
            let items = try community.flagQueue(by: actor, limit: paging.limit)
            try output.emit(items) {
                if items.isEmpty { return Output.line("The review queue is empty.") }
                for item in items {
                    let age = TimeText.describe(seconds: max(60, item.ageSeconds / 60 * 60))
                    Output.line("post \(item.postId) · weight \(item.weight) · \(item.flagCount) flag\(item.flagCount == 1 ? "" : "s") · "
                                + "\(age) old\(item.overdue ? " · OVERDUE" : "")"
                                + (item.claimedByHandle.map { " · claimed by \(SafeText.displayable($0))" } ?? ""))
                    Output.line("  \(SafeText.displayable(item.authorHandle)) in #\(item.threadId) “\(SafeText.displayable(item.threadTitle))” [\(item.postState.rawValue)]")
                    for line in Output.safeLines(item.body).prefix(3) { Output.line("  │ " + line) }
                    for flag in item.flags {
                        Output.line("  ⚑ \(flag.reason.rawValue) by \(SafeText.displayable(flag.flaggerHandle))"
                                    + (flag.note.map { ": " + SafeText.displayable($0) } ?? ""))
                    }
                }
            }
        }
    }

    struct Agree: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Agree with the flags: keep the post hidden (or --remove it); the author gets the reason.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The post's id.") var post: Int64
        @Option(help: ArgumentHelp("Why: the author receives it.", valueName: "text")) var reason: String
        @Flag(help: "Remove the post instead of keeping it hidden.") var remove = false

        func run() throws {
            let (community, actor) = try global.acting()
            try community.agree(by: actor, post: post, reason: reason, remove: remove)
            Output.line(ModerationOutcome.agreed(post: post, removed: remove).text())
        }
    }

    struct Disagree: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disagree with the flags: restore the post and clear its flags.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The post's id.") var post: Int64
        @OptionGroup var reason: ReasonOption

        func run() throws {
            let (community, actor) = try global.acting()
            try community.disagree(by: actor, post: post, reason: reason.reason)
            Output.line(ModerationOutcome.disagreed(post: post).text())
        }
    }

    struct Ignore: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Ignore the flags: the item leaves the queue, the post stays as it is.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The post's id.") var post: Int64
        @OptionGroup var reason: ReasonOption

        func run() throws {
            let (community, actor) = try global.acting()
            try community.ignore(by: actor, post: post, reason: reason.reason)
            Output.line(ModerationOutcome.ignored(post: post).text())
        }
    }

    struct Claim: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Claim a review item so no other moderator works on it (for an hour).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The post's id.") var post: Int64

        func run() throws {
            let (community, actor) = try global.acting()
            try community.claim(by: actor, post: post)
            Output.line(ModerationOutcome.claimed(post: post).text())
        }
    }

    struct Hide: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Hide a post (or, with --thread, a whole thread).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The post's id, or the thread's with --thread.") var id: Int64
        @Flag(help: "The id is a thread's.") var thread = false
        @Option(help: ArgumentHelp("Why: the author and the moderation log receive it.", valueName: "text")) var reason: String

        func run() throws {
            let (community, actor) = try global.acting()
            if thread {
                try community.moderateThread(by: actor, thread: id, action: .hide, reason: reason)
                Output.line(ModerationOutcome.thread(.hide).text())
            } else {
                try community.moderatePost(by: actor, post: id, action: .hide, reason: reason)
                Output.line(ModerationOutcome.post(id, .hide).text())
            }
        }
    }

    struct Restore: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make a hidden or removed post (or, with --thread, a hidden thread) visible again.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The post's id, or the thread's with --thread.") var id: Int64
        @Flag(help: "The id is a thread's.") var thread = false
        @OptionGroup var reason: ReasonOption

        func run() throws {
            let (community, actor) = try global.acting()
            if thread {
                try community.moderateThread(by: actor, thread: id, action: .unhide, reason: reason.reason)
                Output.line(ModerationOutcome.thread(.unhide).text())
            } else {
                try community.moderatePost(by: actor, post: id, action: .restore, reason: reason.reason)
                Output.line(ModerationOutcome.post(id, .restore).text())
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a post: shown as removed, its text kept for moderators.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The post's id.") var post: Int64
        @Option(help: ArgumentHelp("Why: the author and the moderation log receive it.", valueName: "text")) var reason: String

        func run() throws {
            let (community, actor) = try global.acting()
            try community.moderatePost(by: actor, post: post, action: .remove, reason: reason)
            Output.line(ModerationOutcome.post(post, .remove).text())
        }
    }

    /// The thread actions that take just an id and an optional reason.
    struct ThreadStep {
        static func run(_ global: GlobalOptions, _ thread: Int64, _ action: ThreadAction, _ reason: String) throws {
            let (community, actor) = try global.acting()
            try community.moderateThread(by: actor, thread: thread, action: action, reason: reason)
            Output.line(ModerationOutcome.thread(action).text())
        }
    }

    struct Lock: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Lock a thread: only moderators can reply.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The thread's id.") var thread: Int64
        @OptionGroup var reason: ReasonOption
        func run() throws { try ThreadStep.run(global, thread, .lock, reason.reason) }
    }

    struct Unlock: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Unlock a thread.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The thread's id.") var thread: Int64
        @OptionGroup var reason: ReasonOption
        func run() throws { try ThreadStep.run(global, thread, .unlock, reason.reason) }
    }

    struct Pin: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Pin a thread to the top of its board.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The thread's id.") var thread: Int64
        @OptionGroup var reason: ReasonOption
        func run() throws { try ThreadStep.run(global, thread, .pin, reason.reason) }
    }

    struct Unpin: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Unpin a thread.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The thread's id.") var thread: Int64
        @OptionGroup var reason: ReasonOption
        func run() throws { try ThreadStep.run(global, thread, .unpin, reason.reason) }
    }

    struct Archive: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Archive a thread: still listed and readable, no longer replied to.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The thread's id.") var thread: Int64
        @OptionGroup var reason: ReasonOption
        func run() throws { try ThreadStep.run(global, thread, .archive, reason.reason) }
    }

    struct Move: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Move a thread to another board of its kind (a poll: any board but a suggestion board).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The thread's id.") var thread: Int64
        @Option(help: ArgumentHelp("The board to move it to (its slug).", valueName: "board")) var to: String
        @OptionGroup var reason: ReasonOption
        func run() throws { try ThreadStep.run(global, thread, .move(toBoard: to), reason.reason) }
    }

    struct SlowMode: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "slowmode", abstract: "Set a thread's slow mode: the least time between two posts by one member ('off' or 0 to end).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The thread's id.") var thread: Int64
        @Argument(help: "90s, 5m, 1h … or off.") var interval: String
        @OptionGroup var reason: ReasonOption

        var seconds: Int? { interval.lowercased() == "off" ? 0 : TimeText.parseDuration(interval) }

        func validate() throws {
            guard seconds != nil else { throw ValidationError("the interval is a duration like 90s, 5m or 1h, or 'off'") }
        }

        func run() throws {
            try ThreadStep.run(global, thread, .slowMode(seconds: seconds ?? 0), reason.reason)
        }
    }

    struct Warn: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Warn a member: they receive the reason as a notification.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The member's handle.") var handle: String
        @Option(help: ArgumentHelp("Why: the member receives it.", valueName: "text")) var reason: String

        func run() throws {
            let (community, actor) = try global.acting()
            try community.warn(by: actor, member: handle, reason: reason)
            Output.line(ModerationOutcome.member(handle: handle, .warn).text())
        }
    }

    struct Silence: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Silence a member until a time: they can read, not post or flag.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The member's handle.") var handle: String
        @OptionGroup var end: EndTimeOptions
        @Option(help: ArgumentHelp("Why: the member receives it.", valueName: "text")) var reason: String

        func run() throws {
            let (community, actor) = try global.acting()
            let until = end.end(from: Date())
            try community.silence(by: actor, member: handle, until: until, reason: reason)
            Output.line(ModerationOutcome.member(handle: handle, .silence, until: until).text())
        }
    }

    struct Suspend: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Suspend a member until a time: they cannot open the community.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The member's handle.") var handle: String
        @OptionGroup var end: EndTimeOptions
        @Option(help: ArgumentHelp("Why: the member receives it.", valueName: "text")) var reason: String

        func run() throws {
            let (community, actor) = try global.acting()
            let until = end.end(from: Date())
            try community.suspend(by: actor, member: handle, until: until, reason: reason)
            Output.line(ModerationOutcome.member(handle: handle, .suspend, until: until).text())
        }
    }

    struct Lift: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "End a member's silence or suspension now.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The member's handle.") var handle: String
        @OptionGroup var reason: ReasonOption

        func run() throws {
            let (community, actor) = try global.acting()
            try community.lift(by: actor, member: handle, reason: reason.reason)
            Output.line(ModerationOutcome.member(handle: handle, .lift).text())
        }
    }

    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A member's standing and penalty history.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The member's handle.") var handle: String
        @OptionGroup var output: OutputOptions

        func run() throws {
            let (community, actor) = try global.acting()
            let conduct = try community.conduct(of: handle, by: actor)
            try output.emit(conduct) {
                Output.line("\(SafeText.displayable(conduct.handle)) (\(conduct.role.rawValue)) · \(conduct.standing)"
                            + (conduct.standingUntil.map { " until \(TimeText.describe($0))" } ?? ""))
                Output.table(["WHEN", "PENALTY", "UNTIL", "BY", "REASON"], conduct.penalties.map {
                    [Output.date($0.createdAt), $0.kind.rawValue, Output.date($0.until), $0.actorHandle, $0.reason]
                })
            }
        }
    }
}

struct ModlogCommand: ParsableCommand, PagedCommand {
    static let configuration = CommandConfiguration(
        commandName: "modlog", abstract: "The moderation log, newest first (moderators; --public for everyone).")
    static let limitHelp = "Entries to show, 1–500.", defaultLimit = 50
    @OptionGroup var global: GlobalOptions
    @Flag(name: .customLong("public"), help: "The public view: no flags, and the kind of actor (a moderator, an admin, the community's flags) instead of their name unless the community's setting names moderators.")
    var publicView = false
    @OptionGroup var paging: PagingOptions<Self>
    @Option(help: ArgumentHelp("Show entries before this id.", valueName: "id")) var before: Int64?
    @OptionGroup var output: OutputOptions

    func run() throws {
        let (community, actor) = try global.acting()
        let entries = try community.moderationLog(viewer: actor, public: publicView, before: before, limit: paging.limit)
        try output.emit(entries) {
            Output.table(["ID", "WHEN", "BY", "ACTION", "TARGET", "REASON"], entries.map {
                ["\($0.id)", Output.date($0.createdAt), $0.actor, $0.action, $0.target, $0.reason]
            })
        }
    }
}

struct RevisionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revisions", abstract: "A post's earlier texts, oldest first.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The post's id.") var post: Int64
    @OptionGroup var output: OutputOptions

    func run() throws {
        let (community, viewer) = try global.viewing()
        let revisions = try community.revisionHistory(of: post, viewer: viewer)
        try output.emit(revisions) {
            for (i, revision) in revisions.enumerated() {
                Output.line("── version \(i + 1) · replaced \(Output.date(revision.replacedAt)) by \(SafeText.displayable(revision.editorHandle))")
                Output.safeLines(revision.body).forEach { Output.line($0) }
            }
        }
    }
}

struct SettingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "setting", abstract: "Show or change the community's moderation and serving settings.", subcommands: [List.self, Set.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the settings in force.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            Output.table(["KEY", "VALUE"], try global.community().settingsInForce().map { [$0.setting.rawValue, $0.value] })
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a setting (admins only).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The setting's key (see `paddock setting list`).") var key: String
        @Argument(help: "The new value.") var value: String

        func run() throws {
            let (community, actor) = try global.acting()
            try community.setSetting(by: actor, key: key, value: value)
            Output.line("\(key) is \(value).")
        }
    }
}
