import GRDB

extension Schema {
    /// Full-text search over thread titles and post bodies.
    ///
    /// One FTS5 row per post (rowid = post id): its text, and for an opening
    /// post its thread's title, so a title match finds the thread's first post
    /// and a query can match words of the title and the opening post together.
    /// The index is external-content over the view `postSearchSource`: it keeps
    /// no copy of the text, which stays in `post` and `thread` alone. Triggers keep
    /// it in step with new posts, edits and retitled threads; a post's state
    /// (hidden, removed) is read from `post` when searching, so moderation
    /// changes only who may find a post, not the index.
    static func v6Search(_ db: Database) throws {
        try db.execute(sql: """
            CREATE VIEW postSearchSource AS
              SELECT p.id AS id, CASE WHEN p.position = 0 THEN t.title ELSE '' END AS title, p.body AS body
              FROM post p JOIN thread t ON t.id = p.threadId;
            CREATE VIRTUAL TABLE postSearch USING fts5(
              title, body, content = 'postSearchSource', content_rowid = 'id',
              tokenize = 'unicode61 remove_diacritics 2');
            INSERT INTO postSearch(postSearch, rank) VALUES ('rank', 'bm25(\(titleWeight), 1.0)');
            INSERT INTO postSearch(postSearch) VALUES ('rebuild');

            CREATE TRIGGER post_search_insert AFTER INSERT ON post
            BEGIN
              INSERT INTO postSearch (rowid, title, body) VALUES (NEW.id,
                CASE WHEN NEW.position = 0 THEN COALESCE((SELECT title FROM thread WHERE id = NEW.threadId), '') ELSE '' END,
                NEW.body);
            END;
            CREATE TRIGGER post_search_delete AFTER DELETE ON post
            BEGIN
              INSERT INTO postSearch (postSearch, rowid, title, body) VALUES ('delete', OLD.id,
                CASE WHEN OLD.position = 0 THEN COALESCE((SELECT title FROM thread WHERE id = OLD.threadId), '') ELSE '' END,
                OLD.body);
            END;
            CREATE TRIGGER post_search_update AFTER UPDATE OF body, position, threadId ON post
            BEGIN
              INSERT INTO postSearch (postSearch, rowid, title, body) VALUES ('delete', OLD.id,
                CASE WHEN OLD.position = 0 THEN COALESCE((SELECT title FROM thread WHERE id = OLD.threadId), '') ELSE '' END,
                OLD.body);
              INSERT INTO postSearch (rowid, title, body) VALUES (NEW.id,
                CASE WHEN NEW.position = 0 THEN COALESCE((SELECT title FROM thread WHERE id = NEW.threadId), '') ELSE '' END,
                NEW.body);
            END;
            CREATE TRIGGER thread_search_title AFTER UPDATE OF title ON thread
            BEGIN
              INSERT INTO postSearch (postSearch, rowid, title, body)
                SELECT 'delete', p.id, OLD.title, p.body FROM post p WHERE p.threadId = OLD.id AND p.position = 0;
              INSERT INTO postSearch (rowid, title, body)
                SELECT p.id, NEW.title, p.body FROM post p WHERE p.threadId = NEW.id AND p.position = 0;
            END;
            """)
    }

    /// How much more a word in a thread's title counts than one in a post.
    static let titleWeight = 4.0
}
