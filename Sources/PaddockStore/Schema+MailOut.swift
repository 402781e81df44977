import GRDB

extension Schema {
    /// Mail out to members (`paddock mail-out`, issue 20) and the tokens mail-in reads.
    ///
    /// - `mailPreference`: one row per member who gave an address (the address
    ///   itself is `memberAddress`). No row, or `stoppedAt` set, means no mail.
    ///   `noticeCursor` is the last notification id already considered for an
    ///   immediate notice (set to the newest when the address is first given, so
    ///   no backlog goes out); `digestDueAt` is when the next digest is due (NULL
    ///   while the digest is never) and `lastDigestAt` where the last one ended.
    /// - `replyToken`: `reply+TOKEN@` (per member and thread) and
    ///   `unsubscribe+TOKEN@` (threadId NULL) addresses; one live token per
    ///   (member, thread), reused until near expiry (``MailToken``).
    /// - `mailOut`: one row per message, claimed (`sending`) in the transaction
    ///   that moves the member's cursor past what it carries, then `sent`, or
    ///   `queued` for another try at `nextAttemptAt`, or `failed` (given up).
    ///   A row left `sending` by a process that died is `interrupted`, never sent
    ///   again. `message` holds the rendered text only while it may still go out.
    ///   `bouncedAt` is set by mail-in when a bounce names the row (bounce+ID@).
    static func v16Mail(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE mailPreference (
              memberId INTEGER PRIMARY KEY NOT NULL REFERENCES member (id),
              mentions BOOLEAN NOT NULL DEFAULT 1,
              replies BOOLEAN NOT NULL DEFAULT 1,
              statuses BOOLEAN NOT NULL DEFAULT 1,
              digest TEXT NOT NULL DEFAULT 'weekly' CHECK (digest IN ('never','daily','weekly')),
              hardBounces INTEGER NOT NULL DEFAULT 0,
              stoppedAt DATETIME,
              stopReason TEXT,
              noticeCursor INTEGER NOT NULL DEFAULT 0,
              digestDueAt DATETIME,
              lastDigestAt DATETIME,
              createdAt DATETIME NOT NULL,
              updatedAt DATETIME NOT NULL
            );
            -- Digests due: a range of this index, whatever the number of members.
            CREATE INDEX mailPreference_on_digestDue ON mailPreference (digestDueAt, memberId)
              WHERE stoppedAt IS NULL AND digestDueAt IS NOT NULL;

            CREATE TABLE replyToken (
              token TEXT PRIMARY KEY NOT NULL,
              memberId INTEGER NOT NULL REFERENCES member (id),
              threadId INTEGER REFERENCES thread (id),
              createdAt DATETIME NOT NULL,
              expiresAt DATETIME NOT NULL
            ) WITHOUT ROWID;
            CREATE INDEX replyToken_on_member_thread ON replyToken (memberId, threadId, expiresAt);

            CREATE TABLE mailOut (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              memberId INTEGER NOT NULL REFERENCES member (id),
              kind TEXT NOT NULL CHECK (kind IN ('mention','reply','status','digest')),
              notificationId INTEGER UNIQUE REFERENCES notification (id),
              digestPeriod TEXT,
              threadId INTEGER REFERENCES thread (id),
              messageId TEXT NOT NULL UNIQUE,
              address TEXT NOT NULL,
              subject TEXT NOT NULL,
              state TEXT NOT NULL CHECK (state IN ('sending','sent','queued','failed','interrupted')),
              attempts INTEGER NOT NULL DEFAULT 0,
              nextAttemptAt DATETIME,
              lastError TEXT,
              message BLOB,
              createdAt DATETIME NOT NULL,
              sentAt DATETIME,
              bouncedAt DATETIME
            );
            CREATE UNIQUE INDEX mailOut_on_member_digest ON mailOut (memberId, digestPeriod) WHERE digestPeriod IS NOT NULL;
            CREATE INDEX mailOut_on_retry ON mailOut (nextAttemptAt) WHERE state = 'queued';
            CREATE INDEX mailOut_on_state ON mailOut (state, createdAt);
            CREATE INDEX mailOut_on_member ON mailOut (memberId, createdAt);
            """)
    }
}
