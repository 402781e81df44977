import GRDB

extension Schema {
    /// Inbox, mentions, watch and mute: what their statements need to stay index lookups.
    static func v4Inbox(_ db: Database) throws {
        // "Has this member already been told of this post?": a mention notifies
        // once per post, however often the post is edited.
        try db.create(index: "notification_on_post_member", on: "notification", columns: ["postId", "memberId"],
                      condition: Column("postId") != nil)
    }
}
