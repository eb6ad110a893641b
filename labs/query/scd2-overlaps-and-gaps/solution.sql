-- Overlaps: every pair of versions of one customer whose half-open intervals intersect, reported
-- once per pair with the intersection. Gaps: a version that starts after everything before it
-- has ended (the running maximum of valid_to, not just the previous row's). An open end counts
-- as +infinity throughout and is reported as NULL.
WITH v AS (
    SELECT version_id, customer_id, valid_from,
           coalesce(valid_to, DATE 'infinity') AS valid_until
    FROM dim.customer_segments
),
overlap_pairs AS (
    SELECT a.customer_id,
           'overlap'                             AS issue,
           greatest(a.valid_from, b.valid_from)  AS period_start,
           least(a.valid_until, b.valid_until)   AS period_end
    FROM v AS a
    JOIN v AS b
      ON b.customer_id = a.customer_id
     AND a.version_id < b.version_id
     AND a.valid_from < b.valid_until
     AND b.valid_from < a.valid_until
),
covered AS (
    SELECT customer_id, valid_from,
           max(valid_until) OVER (
               PARTITION BY customer_id
               ORDER BY valid_from, version_id
               ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING
           ) AS covered_until
    FROM v
),
gaps AS (
    SELECT customer_id, 'gap' AS issue, covered_until AS period_start, valid_from AS period_end
    FROM covered
    WHERE valid_from > covered_until
)
SELECT customer_id, issue, period_start,
       CASE WHEN period_end = DATE 'infinity' THEN NULL ELSE period_end END AS period_end
FROM (SELECT * FROM overlap_pairs UNION ALL SELECT * FROM gaps) AS issues
ORDER BY customer_id, period_start, issue, period_end NULLS LAST;
