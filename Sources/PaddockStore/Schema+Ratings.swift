import GRDB

extension Schema {
    /// Feature ratings and For you. Who rides which product; one rating per
    /// member per feature (editable); per-feature totals and per-feature per-day
    /// sums of stars kept by triggers in the transaction that writes the rating,
    /// so an average or a trend costs a row or 91, whatever the number of
    /// ratings. An edited rating moves: its old stars leave the day of its
    /// previous edit (or its creation), its new stars count on the day of this
    /// edit. For you reads a member's engagement by member: their ratings
    /// (`featureRating_on_member`), their support by time (`supporter_on_member_time`)
    /// and the suggestions they wrote (`thread_on_author_kind`).
    static func v15Ratings(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE productRider (
              memberId INTEGER NOT NULL REFERENCES member (id),
              productId INTEGER NOT NULL REFERENCES product (id),
              createdAt DATETIME NOT NULL,
              PRIMARY KEY (memberId, productId)
            ) WITHOUT ROWID;
            CREATE INDEX productRider_on_product ON productRider (productId, memberId);

            CREATE TABLE featureRating (
              featureId INTEGER NOT NULL REFERENCES feature (id),
              memberId INTEGER NOT NULL REFERENCES member (id),
              stars INTEGER NOT NULL CHECK (stars BETWEEN 1 AND 5),
              review TEXT NOT NULL DEFAULT '',
              createdAt DATETIME NOT NULL,
              updatedAt DATETIME NOT NULL,
              PRIMARY KEY (featureId, memberId)
            ) WITHOUT ROWID;
            CREATE INDEX featureRating_on_member ON featureRating (memberId, updatedAt);
            CREATE INDEX featureRating_on_feature_time ON featureRating (featureId, updatedAt);

            CREATE TABLE featureRatingTotal (
              featureId INTEGER PRIMARY KEY NOT NULL,
              stars INTEGER NOT NULL DEFAULT 0, ratings INTEGER NOT NULL DEFAULT 0
            );
            CREATE TABLE featureRatingDay (
              featureId INTEGER NOT NULL, day TEXT NOT NULL,
              stars INTEGER NOT NULL DEFAULT 0, ratings INTEGER NOT NULL DEFAULT 0,
              PRIMARY KEY (featureId, day)
            ) WITHOUT ROWID;
            -- The managers' falling ratings read 60 days of every feature: a range of this index.
            CREATE INDEX featureRatingDay_on_day ON featureRatingDay (day, featureId, stars, ratings);

            CREATE INDEX supporter_on_member_time ON supporter (memberId, createdAt);
            -- The suggestions a member wrote, latest first, without sorting all their threads.
            CREATE INDEX thread_on_author_kind ON thread (authorId, kind, createdAt);

            -- Named tally_ like the activity counters: an import brings the totals as rows and suspends them.
            CREATE TRIGGER tally_rating_added AFTER INSERT ON featureRating BEGIN
              INSERT INTO featureRatingTotal (featureId, stars, ratings) VALUES (NEW.featureId, NEW.stars, 1)
                ON CONFLICT (featureId) DO UPDATE SET stars = stars + excluded.stars, ratings = ratings + 1;
              INSERT INTO featureRatingDay (featureId, day, stars, ratings) VALUES (NEW.featureId, substr(NEW.updatedAt, 1, 10), NEW.stars, 1)
                ON CONFLICT (featureId, day) DO UPDATE SET stars = stars + excluded.stars, ratings = ratings + 1;
            END;
            CREATE TRIGGER tally_rating_edited AFTER UPDATE OF stars, updatedAt ON featureRating BEGIN
              UPDATE featureRatingTotal SET stars = stars - OLD.stars + NEW.stars WHERE featureId = NEW.featureId;
              UPDATE featureRatingDay SET stars = stars - OLD.stars, ratings = ratings - 1
                WHERE featureId = OLD.featureId AND day = substr(OLD.updatedAt, 1, 10);
              INSERT INTO featureRatingDay (featureId, day, stars, ratings) VALUES (NEW.featureId, substr(NEW.updatedAt, 1, 10), NEW.stars, 1)
                ON CONFLICT (featureId, day) DO UPDATE SET stars = stars + excluded.stars, ratings = ratings + 1;
            END;
            CREATE TRIGGER tally_rating_removed AFTER DELETE ON featureRating BEGIN
              UPDATE featureRatingTotal SET stars = stars - OLD.stars, ratings = ratings - 1 WHERE featureId = OLD.featureId;
              UPDATE featureRatingDay SET stars = stars - OLD.stars, ratings = ratings - 1
                WHERE featureId = OLD.featureId AND day = substr(OLD.updatedAt, 1, 10);
            END;
            """)
    }

    /// The rating counters against the ratings they count, both ways: one line
    /// per feature or feature and day that disagrees (`paddock check`).
    static let ratingCountersSQL = """
        WITH expected(what, stars, n) AS (
          SELECT 'feature ' || featureId, SUM(stars), COUNT(*) FROM featureRating GROUP BY featureId
          UNION ALL SELECT 'feature ' || featureId || ' day ' || substr(updatedAt, 1, 10), SUM(stars), COUNT(*)
            FROM featureRating GROUP BY featureId, substr(updatedAt, 1, 10)
        ),
        counted(what, stars, n) AS (
          SELECT 'feature ' || featureId, stars, ratings FROM featureRatingTotal
          UNION ALL SELECT 'feature ' || featureId || ' day ' || day, stars, ratings FROM featureRatingDay
        )
        SELECT 'rating counters: ' || what || ': counted ' || SUM(cn) || ' ratings of ' || SUM(cs) || ' stars, the ratings say '
               || SUM(en) || ' of ' || SUM(es) || '; `paddock check --repair` recounts them'
        FROM (SELECT what, stars AS es, n AS en, 0 AS cs, 0 AS cn FROM expected
              UNION ALL SELECT what, 0, 0, stars, n FROM counted)
        GROUP BY what HAVING SUM(es) != SUM(cs) OR SUM(en) != SUM(cn)
        """

    /// Counts the rating counters again from the ratings (`paddock check --repair`).
    static func rebuildRatingCounts(_ db: Database) throws {
        try db.execute(sql: """
            DELETE FROM featureRatingTotal; DELETE FROM featureRatingDay;
            INSERT INTO featureRatingTotal (featureId, stars, ratings) SELECT featureId, SUM(stars), COUNT(*) FROM featureRating GROUP BY featureId;
            INSERT INTO featureRatingDay (featureId, day, stars, ratings)
              SELECT featureId, substr(updatedAt, 1, 10), SUM(stars), COUNT(*) FROM featureRating GROUP BY 1, 2;
            """)
    }
}
