-- Hidden dataset: the partitions change under the same rules.
-- 2024-06-03 loses the background rows of merchants 150..159 (a late compaction dropped a bad
-- file), so the day is smaller and keys near 5% cross the line.
DELETE FROM clicks.events
WHERE event_date = DATE '2024-06-03' AND merchant_id BETWEEN 150 AND 159;

-- 2024-06-05: a merchant campaign moves ten background rows to merchant 7.
UPDATE clicks.events SET merchant_id = 7
WHERE event_id IN (
    SELECT event_id FROM clicks.events
    WHERE event_date = DATE '2024-06-05' AND merchant_id BETWEEN 100 AND 199
    ORDER BY event_id
    LIMIT 10
);

-- A new partition, 2024-06-06 (400 rows): three keys tie at 10% (one of them NULL), one key sits
-- exactly at 5%, and one only looks hot when the NULL rows are left out of the day's total.
INSERT INTO clicks.events
SELECT 200000 + row_number() OVER (ORDER BY b.block, r.k),
       DATE '2024-06-06',
       CASE WHEN b.block = 0 THEN 100 + r.k % 100 ELSE b.merchant_id END,
       CASE r.k % 3 WHEN 0 THEN 'impression' WHEN 1 THEN 'click' ELSE 'impression' END
FROM (VALUES
    (1, 89,   40),
    (2, 88,   40),
    (3, NULL, 40),
    (4, 90,   20),
    (5, 91,   19),
    (0, NULL, 241)
) AS b(block, merchant_id, n), range(b.n) AS r(k);
