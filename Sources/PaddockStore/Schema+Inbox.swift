import GRDB

extension Schema {
    /// Inbox, mentions, watch and mute: what their statements need to stay index lookups.
    static func v4Inbox(_ db: Database) throws {
        // "Has this member already been told of this post?": a mention notifies
        // once per post, however often the post is edited.
        try db.create(index: "notification_on_post_member", on: "notification", columns: ["postId", "memberId"],
                      condition: Column("postId") != nil)
    }

    /// What a status, milestone or moderation notification says, as data
    /// (``NotificationPayload``, JSON), beside the sentence made from it: the
    /// inbox lays out its rows from it. Rows written before have none; their
    /// text says it all.
    static func v10NotificationPayload(_ db: Database) throws {
        try db.alter(table: "notification") { t in
            t.add(column: "payload", .jsonText)
        }
    }
}
