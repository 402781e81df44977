import GRDB

extension Schema {
    /// Co-creation: what suggestion lists, the roadmap and "similar suggestions"
    /// need to cost what they show.
    static func v2Suggestions(_ db: Database) throws {
        // Per-product lists walk an index in their order: most supported, newest,
        // and newest within one status. (The v1 index serves most supported within one status.)
        try db.create(index: "suggestion_on_product_count", on: "suggestion", columns: ["productId", "supporterCount", "threadId"])
        try db.create(index: "suggestion_on_product_new", on: "suggestion", columns: ["productId", "threadId"])
        try db.create(index: "suggestion_on_product_status_new", on: "suggestion", columns: ["productId", "status", "threadId"])
        try db.create(index: "suggestion_on_duplicate_of", on: "suggestion", columns: ["duplicateOfId"],
                      condition: Column("duplicateOfId") != nil)
        try db.create(index: "suggestion_on_resubmitted_from", on: "suggestion", columns: ["resubmittedFromId"],
                      condition: Column("resubmittedFromId") != nil)

        // Per-feature lists: the tag rows carry their suggestion's status and
        // supporter count, copied by a trigger, so those lists are index walks too.
        try db.alter(table: "suggestionFeature") { t in
            t.add(column: "status", .text).notNull().defaults(to: "new")
            t.add(column: "supporterCount", .integer).notNull().defaults(to: 0)
        }
        try db.execute(sql: """
            UPDATE suggestionFeature SET
              status = (SELECT s.status FROM suggestion s WHERE s.threadId = suggestionFeature.threadId),
              supporterCount = (SELECT s.supporterCount FROM suggestion s WHERE s.threadId = suggestionFeature.threadId);
            CREATE TRIGGER suggestion_copies_to_features AFTER UPDATE OF status, supporterCount ON suggestion
            BEGIN
              UPDATE suggestionFeature SET status = NEW.status, supporterCount = NEW.supporterCount
              WHERE threadId = NEW.threadId;
            END;
            """)
        try db.create(index: "suggestionFeature_on_feature_count", on: "suggestionFeature", columns: ["featureId", "supporterCount", "threadId"])
        try db.create(index: "suggestionFeature_on_feature_status_count", on: "suggestionFeature",
                      columns: ["featureId", "status", "supporterCount", "threadId"])
        try db.create(index: "suggestionFeature_on_feature_status_new", on: "suggestionFeature", columns: ["featureId", "status", "threadId"])

        // Trending: support given in the last days, read from the recent end of time.
        try db.create(index: "supporter_on_time", on: "supporter", columns: ["createdAt", "threadId"])

        // Similar suggestions: titles and opening posts, searchable with diacritics
        // folded ("cosi" finds "così"), kept in sync by triggers; rowid = thread id.
        try db.execute(sql: """
            CREATE VIRTUAL TABLE suggestionSearch USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');
            INSERT INTO suggestionSearch (rowid, title, body)
              SELECT t.id, t.title, p.body FROM suggestion s JOIN thread t ON t.id = s.threadId
              JOIN post p ON p.threadId = t.id AND p.position = 0;
            CREATE TRIGGER suggestion_search_insert AFTER INSERT ON suggestion
            BEGIN
              INSERT INTO suggestionSearch (rowid, title, body)
                SELECT t.id, t.title, p.body FROM thread t JOIN post p ON p.threadId = t.id AND p.position = 0
                WHERE t.id = NEW.threadId;
            END;
            CREATE TRIGGER suggestion_search_delete AFTER DELETE ON suggestion
            BEGIN
              DELETE FROM suggestionSearch WHERE rowid = OLD.threadId;
            END;
            CREATE TRIGGER suggestion_search_title AFTER UPDATE OF title ON thread WHEN NEW.kind = 'suggestion'
            BEGIN
              UPDATE suggestionSearch SET title = NEW.title WHERE rowid = NEW.id;
            END;
            CREATE TRIGGER suggestion_search_body AFTER UPDATE OF body ON post WHEN NEW.position = 0
            BEGIN
              UPDATE suggestionSearch SET body = NEW.body WHERE rowid = NEW.threadId;
            END;
            """)
    }
}
