import GRDB

extension Schema {
    /// Credit and reputation: co-creators of shipped suggestions, the points
    /// ledger with its per-member totals, and helpful marks.
    static func v14Reputation(_ db: Database) throws {
        // The ledger: one row per event, never edited; hiding writes reversing rows.
        // `threadId` is the suggestion the points came from, `postId` the helpful post:
        // a moderator hiding either settles exactly those rows.
        try db.create(table: "reputationEvent") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("member", indexed: false).notNull()
            t.belongsTo("product", indexed: false)
            t.column("points", .integer).notNull()
            t.column("event", .text).notNull()
            t.column("reason", .text).notNull()
            t.column("threadId", .integer).references("thread")
            t.column("postId", .integer).references("post")
            t.column("createdAt", .datetime).notNull()
        }
        // The leaderboard: one product's recent rows, summed per member, from the index alone.
        try db.create(index: "reputationEvent_on_product_time", on: "reputationEvent",
                      columns: ["productId", "createdAt", "memberId", "points"])
        try db.create(index: "reputationEvent_on_member", on: "reputationEvent", columns: ["memberId", "id"])
        try db.create(index: "reputationEvent_on_thread", on: "reputationEvent", columns: ["threadId"], condition: Column("threadId") != nil)
        try db.create(index: "reputationEvent_on_post", on: "reputationEvent", columns: ["postId"], condition: Column("postId") != nil)

        // Totals per member and product (productKey 0: points from no product), written with each ledger row.
        try db.create(table: "reputation") { t in
            t.belongsTo("member", indexed: false).notNull()
            t.column("productKey", .integer).notNull()
            t.column("points", .integer).notNull().defaults(to: 0)
            t.primaryKey(["memberId", "productKey"])
        }

        // Who co-created a shipped suggestion, written with the status change.
        try db.create(table: "credit") { t in
            t.belongsTo("thread", indexed: false).notNull()
            t.belongsTo("member", indexed: false).notNull()
            t.belongsTo("product", indexed: false).notNull()
            t.column("role", .text).notNull().check(sql: "role IN ('author','supporter')")
            t.column("createdAt", .datetime).notNull()
            t.primaryKey(["threadId", "memberId"])
        }
        try db.create(index: "credit_on_member", on: "credit", columns: ["memberId", "createdAt"])

        // One helpful mark per post, by its thread's author.
        try db.create(table: "helpfulMark") { t in
            t.primaryKey("postId", .integer).references("post")
            t.belongsTo("thread", indexed: false).notNull()
            t.belongsTo("markedBy", inTable: "member", indexed: false).notNull()
            t.column("createdAt", .datetime).notNull()
        }
        try db.create(index: "helpfulMark_on_thread", on: "helpfulMark", columns: ["threadId", "postId"])
    }

    /// Each member's kept totals against the ledger's sum, both ways (`paddock check`).
    static let reputationTotalsSQL = """
        SELECT 'reputation of ' || COALESCE(m.handle, 'member ' || x.memberId) || ' for '
               || CASE x.productKey WHEN 0 THEN 'the community' ELSE COALESCE(p.slug, 'product ' || x.productKey) END
               || ': kept ' || x.kept || ' points, the ledger says ' || x.ledger || '; `paddock check --repair` adds them up again'
        FROM (SELECT memberId, productKey, SUM(kept) AS kept, SUM(ledger) AS ledger
              FROM (SELECT memberId, COALESCE(productId, 0) AS productKey, points AS ledger, 0 AS kept FROM reputationEvent
                    UNION ALL SELECT memberId, productKey, 0, points FROM reputation)
              GROUP BY memberId, productKey HAVING SUM(kept) != SUM(ledger)) x
        LEFT JOIN member m ON m.id = x.memberId LEFT JOIN product p ON p.id = x.productKey
        """

    /// Adds the ledger up again into the kept totals (`paddock check --repair`).
    static func rebuildReputationTotals(_ db: Database) throws {
        try db.execute(sql: """
            DELETE FROM reputation;
            INSERT INTO reputation (memberId, productKey, points)
              SELECT memberId, COALESCE(productId, 0), SUM(points) FROM reputationEvent GROUP BY 1, 2;
            """)
    }
}
