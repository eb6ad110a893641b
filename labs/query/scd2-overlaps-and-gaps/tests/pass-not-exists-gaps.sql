-- Also correct: a gap starts at the end of a version when no version covers that day, and ends
-- at the next start. "Covers" is the same half-open test as for overlaps.
WITH v AS (
    SELECT version_id, customer_id, valid_from, coalesce(valid_to, DATE 'infinity') AS valid_until
    FROM dim.customer_segments
),
pairs AS (
    SELECT a.customer_id, 'overlap' AS issue,
           greatest(a.valid_from, b.valid_from) AS period_start,
           least(a.valid_until, b.valid_until) AS period_end
    FROM v AS a JOIN v AS b
      ON a.customer_id = b.customer_id AND a.version_id < b.version_id
     AND a.valid_from < b.valid_until AND b.valid_from < a.valid_until
),
gap_starts AS (
    -- ends of versions that nothing covers, and after which the customer has another version
    SELECT DISTINCT e.customer_id, e.valid_until AS period_start
    FROM v AS e
    WHERE e.valid_until <> DATE 'infinity'
      AND NOT EXISTS (SELECT 1 FROM v AS c
                      WHERE c.customer_id = e.customer_id
                        AND c.valid_from <= e.valid_until AND e.valid_until < c.valid_until)
      AND EXISTS (SELECT 1 FROM v AS n
                  WHERE n.customer_id = e.customer_id AND n.valid_from > e.valid_until)
),
gaps AS (
    SELECT g.customer_id, 'gap' AS issue, g.period_start,
           (SELECT min(n.valid_from) FROM v AS n
            WHERE n.customer_id = g.customer_id AND n.valid_from > g.period_start) AS period_end
    FROM gap_starts AS g
)
SELECT customer_id, issue, period_start, CASE WHEN period_end = 'infinity' THEN NULL ELSE period_end END
FROM (SELECT * FROM pairs UNION ALL SELECT * FROM gaps)
ORDER BY customer_id, period_start, issue, period_end NULLS LAST;
