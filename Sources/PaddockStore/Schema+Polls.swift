import GRDB

extension Schema {
    /// Concept polls (see PaddockCore's Polls.swift).
    ///
    /// A poll is a thread of kind `poll` with a `poll` row. Its options are
    /// `pollOption` rows, numbered from 1; a feature poll's options are the
    /// features it asks about. The counts results show live in the option rows
    /// (`chosenCount`, `likeCount`, `neutralCount`, `dislikeCount`) and the poll
    /// row (`voterCount`), moved by the store in the vote's own transaction, so
    /// results cost the same at 100 or 100,000 votes. `pollVote` is one row per
    /// voter, read by member in the order of their latest votes (For you);
    /// `pollAnswer` one row per option they chose or feature they judged.
    static func v13Polls(_ db: Database) throws {
        try allowPollThreads(db)
        try db.execute(sql: """
            CREATE TABLE poll (
              threadId INTEGER PRIMARY KEY NOT NULL REFERENCES thread(id) ON DELETE CASCADE,
              kind TEXT NOT NULL CHECK (kind IN ('features','single','multiple')),
              visibility TEXT NOT NULL CHECK (visibility IN ('after_vote','after_close')),
              productId INTEGER REFERENCES product(id),
              closesAt DATETIME,
              closedAt DATETIME,
              closedById INTEGER REFERENCES member(id),
              voterCount INTEGER NOT NULL DEFAULT 0
            );
            CREATE TABLE pollOption (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              threadId INTEGER NOT NULL REFERENCES poll(threadId) ON DELETE CASCADE,
              number INTEGER NOT NULL,
              label TEXT NOT NULL,
              featureId INTEGER REFERENCES feature(id),
              chosenCount INTEGER NOT NULL DEFAULT 0,
              likeCount INTEGER NOT NULL DEFAULT 0,
              neutralCount INTEGER NOT NULL DEFAULT 0,
              dislikeCount INTEGER NOT NULL DEFAULT 0,
              UNIQUE (threadId, number)
            );
            CREATE TABLE pollVote (
              threadId INTEGER NOT NULL REFERENCES poll(threadId) ON DELETE CASCADE,
              memberId INTEGER NOT NULL REFERENCES member(id),
              createdAt DATETIME NOT NULL,
              updatedAt DATETIME NOT NULL,
              PRIMARY KEY (threadId, memberId)
            );
            CREATE INDEX pollVote_on_member ON pollVote (memberId, updatedAt);
            CREATE TABLE pollAnswer (
              threadId INTEGER NOT NULL,
              memberId INTEGER NOT NULL REFERENCES member(id),
              optionId INTEGER NOT NULL REFERENCES pollOption(id),
              featureId INTEGER REFERENCES feature(id),
              opinion TEXT CHECK (opinion IN ('like','neutral','dislike')),
              comment TEXT NOT NULL DEFAULT '',
              PRIMARY KEY (threadId, memberId, optionId),
              FOREIGN KEY (threadId, memberId) REFERENCES pollVote(threadId, memberId) ON DELETE CASCADE
            );
            CREATE INDEX pollAnswer_on_option ON pollAnswer (optionId);
            """)
    }

    /// Comments on a feature poll are read newest first, a few per feature:
    /// `commentedAt` is when the comment was written (kept when a changed vote
    /// leaves it as it was), and a partial index holds only the answers that
    /// have one, so the latest comments of a feature cost the same however many
    /// members answered without a word. Earlier comments take their vote's time.
    static func v17PollComments(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE pollAnswer ADD COLUMN commentedAt DATETIME;
            UPDATE pollAnswer SET commentedAt = (SELECT v.updatedAt FROM pollVote v WHERE v.threadId = pollAnswer.threadId AND v.memberId = pollAnswer.memberId)
              WHERE comment != '';
            CREATE INDEX pollAnswer_comments ON pollAnswer (optionId, commentedAt) WHERE comment != '';
            """)
    }

    /// Widens the thread table's CHECK on `kind` to take 'poll'. Widening a
    /// CHECK changes no stored row, so this is SQLite's documented in-place
    /// schema edit (writable_schema, then a new schema version) rather than a
    /// rebuild of the thread table with its indexes and triggers.
    private static func allowPollThreads(_ db: Database) throws {
        let before = "kind IN ('discussion','announcement','suggestion')"
        let after = "kind IN ('discussion','announcement','suggestion','poll')"
        guard let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'thread'") else {
            throw DatabaseError(message: "no thread table to add polls to")
        }
        guard !sql.contains(after) else { return }
        guard sql.components(separatedBy: before).count == 2 else {
            throw DatabaseError(message: "the thread table's kinds are not the ones v13-polls widens")
        }
        let version = try Int.fetchOne(db, sql: "PRAGMA schema_version") ?? 0
        try db.execute(sql: "PRAGMA writable_schema = ON")
        try db.execute(sql: "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'thread'",
                       arguments: [sql.replacingOccurrences(of: before, with: after)])
        try db.execute(sql: "PRAGMA schema_version = \(version + 1)")
        try db.execute(sql: "PRAGMA writable_schema = OFF")
        db.clearSchemaCache()
    }
}
