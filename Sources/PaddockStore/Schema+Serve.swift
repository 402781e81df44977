import GRDB

extension Schema {
    /// `paddock serve`: members' SSH public keys, and invite codes for signing up
    /// over SSH. Settings (`signup`, session limits) live in the v1 `setting` table.
    static func v5Serve(_ db: Database) throws {
        try db.create(table: "memberKey") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("member").notNull()
            // "ssh-ed25519 AAAA…": the key itself, whatever the comment. A key belongs to one member.
            t.column("identity", .text).notNull().unique()
            t.column("algorithm", .text).notNull()
            // As `ssh-keygen -l` prints it: "SHA256:" and unpadded base64.
            t.column("fingerprint", .text).notNull()
            t.column("comment", .text).notNull().defaults(to: "")
            t.column("createdAt", .datetime).notNull()
        }

        try db.create(table: "invite") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("code", .text).notNull().unique()
            t.column("role", .text).notNull().defaults(to: "member")
                .check(sql: "role IN ('member','moderator','manager','admin')")
            t.column("usesLeft", .integer).notNull().check { $0 >= 0 }
            t.column("usedCount", .integer).notNull().defaults(to: 0)
            t.column("expiresAt", .datetime)
            t.belongsTo("createdBy", inTable: "member").notNull()
            t.column("createdAt", .datetime).notNull()
        }
    }
}
