import GRDB

extension Schema {
    /// The manager's view reads per-day counters and per-suggestion times, never
    /// the posts. Triggers keep them in the transaction that writes each event,
    /// whichever command writes it; days are UTC, keyed `YYYY-MM-DD` (the first
    /// ten characters of a stored time). Hidden and restored posts are counted
    /// by the store's one door for post states (`Community.setPostState`): a
    /// trigger cannot tell the command's clock.
    static func v11ActivityCounts(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE activityDay (
              day TEXT PRIMARY KEY NOT NULL,
              posts INTEGER NOT NULL DEFAULT 0,
              suggestions INTEGER NOT NULL DEFAULT 0,
              supports INTEGER NOT NULL DEFAULT 0,
              members INTEGER NOT NULL DEFAULT 0,
              hidden INTEGER NOT NULL DEFAULT 0,
              restored INTEGER NOT NULL DEFAULT 0
            ) WITHOUT ROWID;
            -- Demand: suggestions posted and support given (net of support withdrawn,
            -- counted on the day it was given), per product and per feature.
            CREATE TABLE productDemandDay (
              day TEXT NOT NULL, productId INTEGER NOT NULL,
              suggestions INTEGER NOT NULL DEFAULT 0, supports INTEGER NOT NULL DEFAULT 0,
              PRIMARY KEY (day, productId)
            ) WITHOUT ROWID;
            CREATE TABLE featureDemandDay (
              day TEXT NOT NULL, featureId INTEGER NOT NULL,
              suggestions INTEGER NOT NULL DEFAULT 0, supports INTEGER NOT NULL DEFAULT 0,
              PRIMARY KEY (day, featureId)
            ) WITHOUT ROWID;
            -- Open suggestions and the support they hold now, per product and per
            -- feature: the demand panel reads one row each, whatever their number.
            CREATE TABLE productDemand (
              productId INTEGER PRIMARY KEY NOT NULL,
              openSuggestions INTEGER NOT NULL DEFAULT 0, openSupport INTEGER NOT NULL DEFAULT 0
            );
            CREATE TABLE featureDemand (
              featureId INTEGER PRIMARY KEY NOT NULL,
              openSuggestions INTEGER NOT NULL DEFAULT 0, openSupport INTEGER NOT NULL DEFAULT 0
            );
            -- Who took part on which day, like Discourse's user visits: the funnel
            -- counts distinct members over a range of days. Support for one's own
            -- suggestion (given when posting it) is not counted as supporting.
            CREATE TABLE memberDay (
              day TEXT NOT NULL, memberId INTEGER NOT NULL,
              reads INTEGER NOT NULL DEFAULT 0, posts INTEGER NOT NULL DEFAULT 0,
              suggestions INTEGER NOT NULL DEFAULT 0, supports INTEGER NOT NULL DEFAULT 0,
              PRIMARY KEY (day, memberId)
            ) WITHOUT ROWID;
            -- First-time contributors: has this member contributed before that day?
            CREATE INDEX memberDay_on_contribution ON memberDay (memberId, day) WHERE posts + suggestions + supports > 0;

            -- Support a merge moved from a duplicate: the supporter gave it once, on
            -- the day the duplicate counted; the target's copy is not counted again.
            ALTER TABLE supporter ADD COLUMN movedFromId INTEGER REFERENCES thread (id);

            -- Responsiveness: when a suggestion first reached review, when the company
            -- first answered it after that, and when it first answered it at all.
            ALTER TABLE suggestion ADD COLUMN reviewReachedAt DATETIME;
            ALTER TABLE suggestion ADD COLUMN reviewAnsweredAt DATETIME;
            ALTER TABLE suggestion ADD COLUMN firstResponseAt DATETIME;
            CREATE INDEX suggestion_on_review_reached ON suggestion (reviewReachedAt, reviewAnsweredAt) WHERE reviewReachedAt IS NOT NULL;

            -- Moderation health over a period: flags raised, items decided.
            CREATE INDEX flag_on_created ON flag (createdAt, reason);
            CREATE INDEX reviewItem_on_resolved ON reviewItem (resolvedAt, firstFlaggedAt) WHERE resolvedAt IS NOT NULL;
            """)
        try db.execute(sql: activityTriggers)
        try rebuildActivityCounts(db)
    }

    /// The statuses a suggestion is open in (`SuggestionStatus.open`, which a
    /// test compares), written out: a released schema step never changes.
    static let openStatuses = "('new','under_review','planned','in_progress')"

    /// Keeps `counter` (a product's or a feature's open suggestions and their
    /// support) as rows of `source` are added and change status or support.
    private static func openDemandTriggers(name: String, source: String, counter: String, key: String) -> String {
        let isOpen = { (row: String) in "\(row).status IN \(openStatuses)" }
        return """
            CREATE TRIGGER tally_open_\(name) AFTER INSERT ON \(source) BEGIN
              INSERT INTO \(counter) (\(key), openSuggestions, openSupport)
                SELECT NEW.\(key), 1, NEW.supporterCount WHERE \(isOpen("NEW"))
                ON CONFLICT (\(key)) DO UPDATE SET openSuggestions = openSuggestions + 1, openSupport = openSupport + excluded.openSupport;
            END;
            CREATE TRIGGER tally_open_\(name)_change AFTER UPDATE OF status, supporterCount ON \(source) BEGIN
              INSERT INTO \(counter) (\(key), openSuggestions, openSupport)
                SELECT NEW.\(key), (\(isOpen("NEW"))) - (\(isOpen("OLD"))),
                       CASE WHEN \(isOpen("NEW")) THEN NEW.supporterCount ELSE 0 END
                         - CASE WHEN \(isOpen("OLD")) THEN OLD.supporterCount ELSE 0 END
                WHERE true
                ON CONFLICT (\(key)) DO UPDATE SET openSuggestions = openSuggestions + excluded.openSuggestions,
                                                openSupport = openSupport + excluded.openSupport;
            END;
            """
    }

    /// The triggers' names start with `tally_`: the synthetic generator drops
    /// them for its bulk insert and calls `rebuildActivityCounts` instead.
    static let activityTriggers = """
        CREATE TRIGGER tally_post AFTER INSERT ON post BEGIN
          INSERT INTO activityDay (day, posts) VALUES (substr(NEW.createdAt, 1, 10), 1)
            ON CONFLICT (day) DO UPDATE SET posts = posts + 1;
          INSERT INTO memberDay (day, memberId, posts) VALUES (substr(NEW.createdAt, 1, 10), NEW.authorId, 1)
            ON CONFLICT (day, memberId) DO UPDATE SET posts = posts + 1;
        END;
        CREATE TRIGGER tally_member AFTER INSERT ON member BEGIN
          INSERT INTO activityDay (day, members) VALUES (substr(NEW.createdAt, 1, 10), 1)
            ON CONFLICT (day) DO UPDATE SET members = members + 1;
        END;
        CREATE TRIGGER tally_read_new AFTER INSERT ON readState BEGIN
          INSERT INTO memberDay (day, memberId, reads) VALUES (substr(NEW.readAt, 1, 10), NEW.memberId, 1)
            ON CONFLICT (day, memberId) DO UPDATE SET reads = reads + 1;
        END;
        CREATE TRIGGER tally_read_again AFTER UPDATE OF readAt ON readState BEGIN
          INSERT INTO memberDay (day, memberId, reads) VALUES (substr(NEW.readAt, 1, 10), NEW.memberId, 1)
            ON CONFLICT (day, memberId) DO UPDATE SET reads = reads + 1;
        END;
        CREATE TRIGGER tally_suggestion AFTER INSERT ON suggestion BEGIN
          INSERT INTO activityDay (day, suggestions)
            SELECT substr(t.createdAt, 1, 10), 1 FROM thread t WHERE t.id = NEW.threadId
            ON CONFLICT (day) DO UPDATE SET suggestions = suggestions + 1;
          INSERT INTO productDemandDay (day, productId, suggestions)
            SELECT substr(t.createdAt, 1, 10), NEW.productId, 1 FROM thread t WHERE t.id = NEW.threadId
            ON CONFLICT (day, productId) DO UPDATE SET suggestions = suggestions + 1;
          INSERT INTO memberDay (day, memberId, suggestions)
            SELECT substr(t.createdAt, 1, 10), t.authorId, 1 FROM thread t WHERE t.id = NEW.threadId
            ON CONFLICT (day, memberId) DO UPDATE SET suggestions = suggestions + 1;
        END;
        CREATE TRIGGER tally_suggestion_feature AFTER INSERT ON suggestionFeature BEGIN
          INSERT INTO featureDemandDay (day, featureId, suggestions)
            SELECT substr(t.createdAt, 1, 10), NEW.featureId, 1 FROM thread t WHERE t.id = NEW.threadId
            ON CONFLICT (day, featureId) DO UPDATE SET suggestions = suggestions + 1;
        END;
        CREATE TRIGGER tally_support AFTER INSERT ON supporter WHEN NEW.movedFromId IS NULL BEGIN
          INSERT INTO activityDay (day, supports) VALUES (substr(NEW.createdAt, 1, 10), 1)
            ON CONFLICT (day) DO UPDATE SET supports = supports + 1;
          INSERT INTO productDemandDay (day, productId, supports)
            SELECT substr(NEW.createdAt, 1, 10), s.productId, 1 FROM suggestion s WHERE s.threadId = NEW.threadId
            ON CONFLICT (day, productId) DO UPDATE SET supports = supports + 1;
          INSERT INTO featureDemandDay (day, featureId, supports)
            SELECT substr(NEW.createdAt, 1, 10), sf.featureId, 1 FROM suggestionFeature sf WHERE sf.threadId = NEW.threadId
            ON CONFLICT (day, featureId) DO UPDATE SET supports = supports + 1;
          INSERT INTO memberDay (day, memberId, supports)
            SELECT substr(NEW.createdAt, 1, 10), NEW.memberId, 1 FROM thread t WHERE t.id = NEW.threadId AND t.authorId <> NEW.memberId
            ON CONFLICT (day, memberId) DO UPDATE SET supports = supports + 1;
        END;
        CREATE TRIGGER tally_support_withdrawn AFTER DELETE ON supporter WHEN OLD.movedFromId IS NULL BEGIN
          UPDATE activityDay SET supports = supports - 1 WHERE day = substr(OLD.createdAt, 1, 10);
          UPDATE productDemandDay SET supports = supports - 1
            WHERE day = substr(OLD.createdAt, 1, 10) AND productId = (SELECT productId FROM suggestion WHERE threadId = OLD.threadId);
          UPDATE featureDemandDay SET supports = supports - 1
            WHERE day = substr(OLD.createdAt, 1, 10) AND featureId IN (SELECT featureId FROM suggestionFeature WHERE threadId = OLD.threadId);
          UPDATE memberDay SET supports = supports - 1
            WHERE day = substr(OLD.createdAt, 1, 10) AND memberId = OLD.memberId
              AND OLD.memberId <> (SELECT authorId FROM thread WHERE id = OLD.threadId);
        END;
        \(openDemandTriggers(name: "suggestion", source: "suggestion", counter: "productDemand", key: "productId"))
        \(openDemandTriggers(name: "feature", source: "suggestionFeature", counter: "featureDemand", key: "featureId"))
        CREATE TRIGGER tally_response AFTER INSERT ON statusChange BEGIN
          UPDATE suggestion SET
            firstResponseAt = COALESCE(firstResponseAt, NEW.createdAt),
            reviewAnsweredAt = CASE WHEN reviewReachedAt IS NOT NULL AND reviewAnsweredAt IS NULL THEN NEW.createdAt ELSE reviewAnsweredAt END
          WHERE threadId = NEW.threadId;
        END;
        -- Reaching review by support (no status change row) or by a manager (the
        -- row is written just before): either way the first answer at or after it counts.
        CREATE TRIGGER tally_review AFTER UPDATE OF status ON suggestion
        WHEN NEW.status = 'under_review' AND NEW.reviewReachedAt IS NULL BEGIN
          UPDATE suggestion SET
            reviewReachedAt = NEW.statusChangedAt,
            reviewAnsweredAt = (SELECT MIN(createdAt) FROM statusChange WHERE threadId = NEW.threadId AND createdAt >= NEW.statusChangedAt)
          WHERE threadId = NEW.threadId;
        END;
        """

    /// Drops the counting triggers and returns their SQL, to create them again
    /// once rows that carry their own counts (an import) are in.
    static func suspendActivityTriggers(_ db: Database) throws -> [String] {
        let rows = try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'tally\\_%' ESCAPE '\\'")
        for row in rows { try db.execute(sql: "DROP TRIGGER \((row["name"] as String).quotedDatabaseIdentifier)") }
        return rows.map { $0["sql"] }
    }

    /// A counter that the rows it counts determine: `rows` selects the key
    /// columns and `n` from them. The rebuild writes it and `paddock check`
    /// compares it, both from this one list. `label` names one counter in
    /// check's report (SQL over the key columns).
    struct CountedFromRows {
        let table: String
        let keys: [String]
        let column: String
        let label: String
        let rows: String

        var rebuild: String {
            let keys = keys.joined(separator: ", ")
            return """
                INSERT INTO \(table) (\(keys), \(column)) SELECT \(keys), n FROM (\(rows)) WHERE true
                  ON CONFLICT (\(keys)) DO UPDATE SET \(column) = excluded.\(column);
                """
        }
    }

    /// Every counter of the manager's view but reads, and posts hidden and
    /// restored: those leave no rows to count them by.
    static let countedFromRows: [CountedFromRows] = {
        let suggestionDays = "FROM suggestion s JOIN thread t ON t.id = s.threadId"
        let supportDays = "FROM supporter u JOIN suggestion s ON s.threadId = u.threadId WHERE u.movedFromId IS NULL"
        func day(_ column: String, _ rows: String) -> CountedFromRows {
            CountedFromRows(table: "activityDay", keys: ["day"], column: column, label: "'day ' || day || ' \(column)'", rows: rows)
        }
        func of(_ table: String, _ key: String, _ named: String, _ column: String, _ rows: String) -> CountedFromRows {
            CountedFromRows(table: table, keys: ["day", key], column: column,
                            label: "'day ' || day || ' \(named) ' || \(key) || ' \(column)'", rows: rows)
        }
        func open(_ table: String, _ key: String, _ named: String, _ source: String) -> [CountedFromRows] {
            let rows = { (n: String) in "SELECT \(key), \(n) AS n FROM \(source) WHERE status IN \(openStatuses) GROUP BY \(key)" }
            return [
                CountedFromRows(table: table, keys: [key], column: "openSuggestions", label: "'\(named) ' || \(key) || ' open suggestions'",
                                rows: rows("COUNT(*)")),
                CountedFromRows(table: table, keys: [key], column: "openSupport", label: "'\(named) ' || \(key) || ' open support'",
                                rows: rows("SUM(supporterCount)")),
            ]
        }
        return [
            day("posts", "SELECT substr(createdAt, 1, 10) AS day, COUNT(*) AS n FROM post GROUP BY 1"),
            day("members", "SELECT substr(createdAt, 1, 10) AS day, COUNT(*) AS n FROM member GROUP BY 1"),
            day("suggestions", "SELECT substr(t.createdAt, 1, 10) AS day, COUNT(*) AS n \(suggestionDays) GROUP BY 1"),
            day("supports", "SELECT substr(createdAt, 1, 10) AS day, COUNT(*) AS n FROM supporter WHERE movedFromId IS NULL GROUP BY 1"),
            of("productDemandDay", "productId", "product", "suggestions",
               "SELECT substr(t.createdAt, 1, 10) AS day, s.productId, COUNT(*) AS n \(suggestionDays) GROUP BY 1, 2"),
            of("productDemandDay", "productId", "product", "supports",
               "SELECT substr(u.createdAt, 1, 10) AS day, s.productId, COUNT(*) AS n \(supportDays) GROUP BY 1, 2"),
            of("featureDemandDay", "featureId", "feature", "suggestions", """
               SELECT substr(t.createdAt, 1, 10) AS day, sf.featureId, COUNT(*) AS n
               FROM suggestionFeature sf JOIN thread t ON t.id = sf.threadId GROUP BY 1, 2
               """),
            of("featureDemandDay", "featureId", "feature", "supports", """
               SELECT substr(u.createdAt, 1, 10) AS day, sf.featureId, COUNT(*) AS n
               FROM supporter u JOIN suggestionFeature sf ON sf.threadId = u.threadId WHERE u.movedFromId IS NULL GROUP BY 1, 2
               """),
            of("memberDay", "memberId", "member", "posts",
               "SELECT substr(createdAt, 1, 10) AS day, authorId AS memberId, COUNT(*) AS n FROM post GROUP BY 1, 2"),
            of("memberDay", "memberId", "member", "suggestions",
               "SELECT substr(t.createdAt, 1, 10) AS day, t.authorId AS memberId, COUNT(*) AS n \(suggestionDays) GROUP BY 1, 2"),
            of("memberDay", "memberId", "member", "supports", """
               SELECT substr(u.createdAt, 1, 10) AS day, u.memberId, COUNT(*) AS n FROM supporter u JOIN thread t ON t.id = u.threadId
               WHERE t.authorId <> u.memberId AND u.movedFromId IS NULL GROUP BY 1, 2
               """),
        ] + open("productDemand", "productId", "product", "suggestion") + open("featureDemand", "featureId", "feature", "suggestionFeature")
    }()

    /// Computes every counter again from the rows it counts: for the migration
    /// over an existing community and after the generator's bulk insert. Reads
    /// are known from each thread's latest read only; hidden and restored posts
    /// from the moderation log; review times from status changes and supporters.
    static func rebuildActivityCounts(_ db: Database) throws {
        try db.execute(sql: """
            DELETE FROM activityDay; DELETE FROM productDemandDay; DELETE FROM featureDemandDay; DELETE FROM memberDay;
            DELETE FROM productDemand; DELETE FROM featureDemand;
            \(countedFromRows.map(\.rebuild).joined(separator: "\n"))

            INSERT INTO activityDay (day, hidden)
              SELECT substr(createdAt, 1, 10), COUNT(*) FROM moderationLog WHERE targetKind = 'post' AND action IN ('auto-hide', 'hide') GROUP BY 1
              ON CONFLICT (day) DO UPDATE SET hidden = excluded.hidden;
            INSERT INTO activityDay (day, restored)
              SELECT substr(l.createdAt, 1, 10), COUNT(*) FROM moderationLog l
              WHERE l.targetKind = 'post' AND l.action IN ('restore', 'disagree')
                AND EXISTS (SELECT 1 FROM moderationLog h WHERE h.targetKind = 'post' AND h.targetId = l.targetId
                            AND h.action IN ('auto-hide', 'hide') AND h.id < l.id)
              GROUP BY 1
              ON CONFLICT (day) DO UPDATE SET restored = excluded.restored;
            INSERT INTO memberDay (day, memberId, reads) SELECT substr(readAt, 1, 10), memberId, COUNT(*) FROM readState WHERE true GROUP BY 1, 2
              ON CONFLICT (day, memberId) DO UPDATE SET reads = excluded.reads;

            UPDATE suggestion SET
              firstResponseAt = (SELECT MIN(createdAt) FROM statusChange c WHERE c.threadId = suggestion.threadId),
              reviewReachedAt = COALESCE(
                (SELECT MIN(createdAt) FROM statusChange c WHERE c.threadId = suggestion.threadId AND c.toStatus = 'under_review'),
                CASE WHEN status = 'under_review' THEN statusChangedAt END);
            """)
        // Support alone leaves no status change row: such a suggestion reached
        // review with the supporter who completed the last milestone (the plan
        // in force now; it is rarely changed).
        let plan = try Community.milestonePlan(db)
        try db.execute(sql: """
            UPDATE suggestion SET reviewReachedAt =
              (SELECT createdAt FROM supporter u WHERE u.threadId = suggestion.threadId ORDER BY createdAt LIMIT 1 OFFSET ?)
            WHERE reviewReachedAt IS NULL AND milestone >= ?;
            UPDATE suggestion SET reviewAnsweredAt =
              (SELECT MIN(createdAt) FROM statusChange c WHERE c.threadId = suggestion.threadId AND c.createdAt >= suggestion.reviewReachedAt)
            WHERE reviewReachedAt IS NOT NULL;
            """, arguments: [plan.milestones.last!.supporters - 1, plan.milestones.count])
    }
}
