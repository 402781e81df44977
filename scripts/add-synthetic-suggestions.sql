-- Adds 100,000 suggestions to a demo community (board 5 = ideas-lab, product 1,
-- feature 1, member 2 as author and supporter), keeping the counters right.
-- Used for BENCHMARKS.md until `paddock generate --suggestions` exists:
--   sqlite3 /tmp/s100k.sqlite < scripts/add-synthetic-suggestions.sql
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
INSERT INTO thread (boardId, kind, title, authorId, createdAt, lastActivityAt, replyCount, lastPosterId)
SELECT 5, 'suggestion', 'Synthetic idea ' || i, 2, '2026-11-01 10:00:00.000', '2026-11-01 10:00:00.000', 0, 2 FROM n;
INSERT INTO post (threadId, position, authorId, body, createdAt)
SELECT id, 0, 2, 'A synthetic suggestion body ' || id, createdAt FROM thread WHERE title LIKE 'Synthetic idea %';
INSERT INTO suggestion (threadId, productId, status, supporterCount, milestone, milestoneDeadline, statusChangedAt)
SELECT id, 1, 'new', 1, 0, '2027-06-01 00:00:00.000', createdAt FROM thread WHERE title LIKE 'Synthetic idea %';
INSERT INTO suggestionFeature (threadId, featureId, status, supporterCount)
SELECT id, 1, 'new', 1 FROM thread WHERE title LIKE 'Synthetic idea %';
INSERT INTO supporter (threadId, memberId, createdAt)
SELECT id, 2, createdAt FROM thread WHERE title LIKE 'Synthetic idea %';
UPDATE board SET threadCount = threadCount + 100000, postCount = postCount + 100000 WHERE id = 5;
UPDATE member SET postCount = postCount + 100000 WHERE id = 2;
COMMIT;
