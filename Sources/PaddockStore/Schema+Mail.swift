import GRDB

extension Schema {
    /// Mail brought home (`paddock import --mbox`, `--maildir`).
    ///
    /// `mailMessage` keeps the Message-ID of each imported post: importing the
    /// same archive again adds nothing, and a newer archive's replies find their
    /// parents. `memberAddress` keeps the address each imported member wrote
    /// from (a member has at most one): the next import finds them by it, and
    /// an export writes it back. Members without a row get an invented address.
    static func v12MailImport(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE mailMessage (
              messageId TEXT PRIMARY KEY NOT NULL,
              postId INTEGER NOT NULL UNIQUE REFERENCES post(id)
            );
            CREATE TABLE memberAddress (
              address TEXT PRIMARY KEY NOT NULL,
              memberId INTEGER NOT NULL UNIQUE REFERENCES member(id)
            );
            """)
    }
}
