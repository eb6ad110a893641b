-- Wrong: joins the versions on "<>" instead of "<", so every overlapping pair is found from both
-- sides and reported twice.
WITH v AS (
    SELECT version_id, customer_id, valid_from, coalesce(valid_to, DATE 'infinity') AS valid_until
    FROM dim.customer_segments
),
pairs AS (
    SELECT a.customer_id, 'overlap' AS issue,
           greatest(a.valid_from, b.valid_from) AS period_start,
           least(a.valid_until, b.valid_until) AS period_end
    FROM v AS a JOIN v AS b
      ON b.customer_id = a.customer_id AND a.version_id <> b.version_id
     AND a.valid_from < b.valid_until AND b.valid_from < a.valid_until
),
covered AS (
    SELECT customer_id, valid_from,
           max(valid_until) OVER (PARTITION BY customer_id ORDER BY valid_from, version_id
                                  ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS covered_until
    FROM v
)
SELECT customer_id, issue, period_start, nullif(period_end, DATE 'infinity') AS period_end
FROM (
    SELECT * FROM pairs
    UNION ALL
    SELECT customer_id, 'gap', covered_until, valid_from FROM covered WHERE valid_from > covered_until
)
ORDER BY customer_id, period_start, issue, period_end NULLS LAST;
