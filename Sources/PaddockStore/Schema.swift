import GRDB

/// The community's schema: one migrator of named, append-only steps. A step,
/// once released, is never edited; later work adds steps.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in try v1(db) }
        migrator.registerMigration("v2-suggestions") { db in try v2Suggestions(db) }
        migrator.registerMigration("v3-covering-reads") { db in try v3CoveringReads(db) }
        migrator.registerMigration("v4-inbox") { db in try v4Inbox(db) }
        migrator.registerMigration("v5-serve") { db in try v5Serve(db) }
        migrator.registerMigration("v6-search") { db in try v6Search(db) }
        migrator.registerMigration("v7-recent-activity") { db in try v7RecentActivity(db) }
        migrator.registerMigration("v8-recent-reads") { db in try v8RecentReads(db) }
        migrator.registerMigration("v9-latest-announcement") { db in try v9LatestAnnouncement(db) }
        migrator.registerMigration("v10-notification-payload") { db in try v10NotificationPayload(db) }
        migrator.registerMigration("v11-activity-counts") { db in try v11ActivityCounts(db) }
        migrator.registerMigration("v12-mail-import") { db in try v12MailImport(db) }
        migrator.registerMigration("v13-polls") { db in try v13Polls(db) }
        migrator.registerMigration("v14-reputation") { db in try v14Reputation(db) }
        migrator.registerMigration("v15-ratings") { db in try v15Ratings(db) }
        migrator.registerMigration("v16-mail") { db in try v16Mail(db) }
        migrator.registerMigration("v17-poll-comments") { db in try v17PollComments(db) }
        migrator.registerMigration("v18-hidden-posts") { db in try v18HiddenPosts(db) }
        return migrator
    }

    /// Whether the database holds Paddock's schema (its first step applied and
    /// its members' table present). Reads only.
    static func isCommunity(_ db: Database) throws -> Bool {
        let tables = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('grdb_migrations', 'member')"))
        guard tables == ["grdb_migrations", "member"] else { return false }
        return try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM grdb_migrations WHERE identifier = 'v1')") ?? false
    }

    /// The whole mission's tables, so that later features add rather than rebuild.
    private static func v1(_ db: Database) throws {
        try db.create(table: "member") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("handle", .text).notNull().unique().collate(.nocase)
            t.column("displayName", .text).notNull()
            t.column("role", .text).notNull().defaults(to: "member")
                .check(sql: "role IN ('member','moderator','manager','admin')")
            t.column("createdAt", .datetime).notNull()
            t.column("standing", .text).notNull().defaults(to: "active")
                .check(sql: "standing IN ('active','silenced','suspended')")
            t.column("standingUntil", .datetime)
            t.column("bio", .text).notNull().defaults(to: "")
            t.column("postCount", .integer).notNull().defaults(to: 0)
        }

        try db.create(table: "board") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("slug", .text).notNull().unique()
            t.column("title", .text).notNull()
            t.column("description", .text).notNull().defaults(to: "")
            t.column("position", .integer).notNull()
            // The kind of thread started here: the Announcements board is the blog.
            t.column("threadKind", .text).notNull().defaults(to: "discussion")
                .check(sql: "threadKind IN ('discussion','announcement','suggestion')")
            t.column("threadCount", .integer).notNull().defaults(to: 0)
            t.column("postCount", .integer).notNull().defaults(to: 0)
            t.column("lastActivityAt", .datetime)
            t.column("createdAt", .datetime).notNull()
        }
        try db.create(index: "board_on_position", on: "board", columns: ["position", "id"])

        try db.create(table: "thread") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("board", indexed: false).notNull()
            t.column("kind", .text).notNull()
                .check(sql: "kind IN ('discussion','announcement','suggestion')")
            t.column("title", .text).notNull()
            t.belongsTo("author", inTable: "member").notNull()
            t.column("createdAt", .datetime).notNull()
            t.column("lastActivityAt", .datetime).notNull()
            t.column("replyCount", .integer).notNull().defaults(to: 0)
            t.column("lastPosterId", .integer).references("member")
            t.column("pinned", .boolean).notNull().defaults(to: false)
            t.column("locked", .boolean).notNull().defaults(to: false)
            t.column("archived", .boolean).notNull().defaults(to: false)
            t.column("hidden", .boolean).notNull().defaults(to: false)
            t.column("slowModeSeconds", .integer).notNull().defaults(to: 0)
        }
        // Board lists: pinned first, then latest activity; keyset paging walks this index.
        // Lists show threads that are not hidden; `hidden` leads so both orders stay index walks.
        try db.create(index: "thread_on_board_activity", on: "thread",
                      columns: ["boardId", "hidden", "pinned", "lastActivityAt", "id"])
        try db.create(index: "thread_on_board_replies", on: "thread",
                      columns: ["boardId", "hidden", "replyCount", "id"])
        try db.create(index: "thread_on_kind_activity", on: "thread", columns: ["kind", "lastActivityAt"])

        try db.create(table: "post") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("thread", indexed: false).notNull()
            // 0 for the opening post, then 1, 2, … : a thread's pages are ranges of it.
            t.column("position", .integer).notNull()
            t.belongsTo("author", inTable: "member", indexed: false).notNull()
            t.column("body", .text).notNull()
            t.column("createdAt", .datetime).notNull()
            t.column("editedAt", .datetime)
            t.column("state", .text).notNull().defaults(to: "visible")
                .check(sql: "state IN ('visible','hidden','removed')")
            t.column("replyToId", .integer).references("post")
            t.column("revisionCount", .integer).notNull().defaults(to: 0)
        }
        try db.create(index: "post_on_thread_position", on: "post", columns: ["threadId", "position"], unique: true)
        try db.create(index: "post_on_author", on: "post", columns: ["authorId", "createdAt"])
        try db.create(index: "post_on_reply_to", on: "post", columns: ["replyToId"], condition: Column("replyToId") != nil)

        // Every earlier body of an edited post: nothing is lost to an edit.
        try db.create(table: "postRevision") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("post", indexed: false).notNull()
            t.column("body", .text).notNull()
            t.belongsTo("editor", inTable: "member").notNull()
            t.column("createdAt", .datetime).notNull()
        }
        try db.create(index: "postRevision_on_post", on: "postRevision", columns: ["postId", "id"])

        try db.create(table: "product") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("slug", .text).notNull().unique()
            t.column("name", .text).notNull()
            t.column("description", .text).notNull().defaults(to: "")
            t.column("createdAt", .datetime).notNull()
            t.column("retiredAt", .datetime)
        }

        try db.create(table: "feature") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("product").notNull()
            t.column("slug", .text).notNull()
            t.column("name", .text).notNull()
            t.column("description", .text).notNull().defaults(to: "")
            t.column("createdAt", .datetime).notNull()
            t.column("retiredAt", .datetime)
            t.uniqueKey(["productId", "slug"])
        }

        try db.create(table: "suggestion") { t in
            t.primaryKey("threadId", .integer).references("thread", onDelete: .cascade)
            t.belongsTo("product").notNull()
            t.column("status", .text).notNull().defaults(to: "new")
                .check(sql: "status IN ('new','under_review','planned','in_progress','shipped','declined','duplicate','expired')")
            t.column("supporterCount", .integer).notNull().defaults(to: 0)
            // Index of the next milestone to reach, and when it must be reached by.
            t.column("milestone", .integer).notNull().defaults(to: 0)
            t.column("milestoneDeadline", .datetime)
            t.column("statusChangedAt", .datetime).notNull()
            t.column("statusNote", .text)
            t.column("duplicateOfId", .integer).references("thread")
            t.column("resubmittedFromId", .integer).references("thread")
        }
        try db.create(index: "suggestion_on_product_support", on: "suggestion",
                      columns: ["productId", "status", "supporterCount", "threadId"])
        try db.create(index: "suggestion_on_status_changed", on: "suggestion", columns: ["status", "statusChangedAt"])
        try db.create(index: "suggestion_on_deadline", on: "suggestion", columns: ["milestoneDeadline"],
                      condition: Column("status") == "new")

        try db.create(table: "suggestionFeature") { t in
            t.belongsTo("thread", indexed: false).notNull()
            t.belongsTo("feature", indexed: false).notNull()
            t.primaryKey(["threadId", "featureId"])
        }
        try db.create(index: "suggestionFeature_on_feature", on: "suggestionFeature", columns: ["featureId", "threadId"])

        try db.create(table: "supporter") { t in
            t.belongsTo("thread", indexed: false).notNull()
            t.belongsTo("member", indexed: false).notNull()
            t.column("createdAt", .datetime).notNull()
            t.primaryKey(["threadId", "memberId"])
        }
        try db.create(index: "supporter_on_member", on: "supporter", columns: ["memberId", "threadId"])
        try db.create(index: "supporter_on_thread_time", on: "supporter", columns: ["threadId", "createdAt"])

        // Official responses: each status change, with the post that explains it.
        try db.create(table: "statusChange") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("thread", indexed: false).notNull()
            t.column("fromStatus", .text).notNull()
            t.column("toStatus", .text).notNull()
            t.belongsTo("actor", inTable: "member").notNull()
            t.belongsTo("post")
            t.column("createdAt", .datetime).notNull()
        }
        try db.create(index: "statusChange_on_thread", on: "statusChange", columns: ["threadId", "id"])

        try db.create(table: "flag") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("post", indexed: false).notNull()
            t.belongsTo("member").notNull()
            t.column("reason", .text).notNull()
                .check(sql: "reason IN ('spam','off_topic','abusive','other')")
            t.column("note", .text)
            t.column("weight", .integer).notNull()
            t.column("createdAt", .datetime).notNull()
            t.column("resolvedAt", .datetime)
            t.column("resolution", .text)
            t.uniqueKey(["postId", "memberId"])
        }

        // One review item per flagged post: what the moderators' queue lists.
        try db.create(table: "reviewItem") { t in
            t.primaryKey("postId", .integer).references("post")
            t.column("weight", .integer).notNull().defaults(to: 0)
            t.column("flagCount", .integer).notNull().defaults(to: 0)
            t.column("firstFlaggedAt", .datetime).notNull()
            t.column("claimedById", .integer).references("member")
            t.column("claimedAt", .datetime)
            t.column("state", .text).notNull().defaults(to: "open")
                .check(sql: "state IN ('open','agreed','disagreed','ignored')")
            t.column("resolvedAt", .datetime)
        }
        try db.create(index: "reviewItem_on_state_weight", on: "reviewItem", columns: ["state", "weight", "postId"])

        try db.create(table: "penalty") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("member", indexed: false).notNull()
            t.column("kind", .text).notNull()
                .check(sql: "kind IN ('warn','silence','suspend','lift')")
            t.column("until", .datetime)
            t.column("reason", .text).notNull()
            t.belongsTo("actor", inTable: "member").notNull()
            t.column("createdAt", .datetime).notNull()
        }
        try db.create(index: "penalty_on_member", on: "penalty", columns: ["memberId", "id"])

        // Append-only: triggers refuse every update and delete.
        try db.create(table: "moderationLog") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("actor", inTable: "member").notNull()
            t.column("action", .text).notNull()
            t.column("targetKind", .text).notNull()
            t.column("targetId", .integer).notNull()
            t.column("reason", .text).notNull().defaults(to: "")
            t.column("createdAt", .datetime).notNull()
        }
        try db.create(index: "moderationLog_on_target", on: "moderationLog", columns: ["targetKind", "targetId"])
        try db.execute(sql: """
            CREATE TRIGGER moderationLog_no_update BEFORE UPDATE ON moderationLog
            BEGIN SELECT RAISE(ABORT, 'the moderation log is append-only'); END;
            CREATE TRIGGER moderationLog_no_delete BEFORE DELETE ON moderationLog
            BEGIN SELECT RAISE(ABORT, 'the moderation log is append-only'); END;
            """)

        // How far each member has read each thread, by post position.
        try db.create(table: "readState") { t in
            t.belongsTo("member", indexed: false).notNull()
            t.belongsTo("thread").notNull()
            t.column("lastReadPosition", .integer).notNull()
            t.column("readAt", .datetime).notNull()
            t.primaryKey(["memberId", "threadId"])
        }

        // "Mark all read" for a board: threads quiet since then count as read.
        try db.create(table: "boardRead") { t in
            t.belongsTo("member", indexed: false).notNull()
            t.belongsTo("board").notNull()
            t.column("readUpTo", .datetime).notNull()
            t.primaryKey(["memberId", "boardId"])
        }

        try db.create(table: "notification") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("member", indexed: false).notNull()
            t.column("kind", .text).notNull()
            t.belongsTo("thread")
            t.belongsTo("post")
            t.belongsTo("actor", inTable: "member")
            t.column("text", .text).notNull()
            t.column("createdAt", .datetime).notNull()
            t.column("readAt", .datetime)
        }
        try db.create(index: "notification_on_member", on: "notification", columns: ["memberId", "id"])
        try db.create(index: "notification_on_member_unread", on: "notification", columns: ["memberId"],
                      condition: Column("readAt") == nil)

        try db.create(table: "threadWatch") { t in
            t.belongsTo("member", indexed: false).notNull()
            t.belongsTo("thread", indexed: false).notNull()
            t.column("level", .text).notNull().check(sql: "level IN ('watching','muted')")
            t.primaryKey(["memberId", "threadId"])
        }
        try db.create(index: "threadWatch_on_thread", on: "threadWatch", columns: ["threadId", "level"])

        try db.create(table: "memberMute") { t in
            t.belongsTo("member", indexed: false).notNull()
            t.belongsTo("muted", inTable: "member").notNull()
            t.primaryKey(["memberId", "mutedId"])
        }

        // Unsent compose text, saved as it is typed: nothing written is lost.
        try db.create(table: "draft") { t in
            t.belongsTo("member", indexed: false).notNull()
            t.column("key", .text).notNull()
            t.column("title", .text).notNull().defaults(to: "")
            t.column("body", .text).notNull().defaults(to: "")
            t.column("updatedAt", .datetime).notNull()
            t.primaryKey(["memberId", "key"])
        }

        try db.create(table: "setting") { t in
            t.primaryKey("key", .text)
            t.column("value", .text).notNull()
        }
    }
}
