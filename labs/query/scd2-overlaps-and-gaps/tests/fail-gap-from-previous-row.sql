-- Wrong: the overlaps are right, but a gap is measured from the previous row's end only. When an
-- earlier, longer version still covers that time, a gap is reported that does not exist.
WITH v AS (
    SELECT version_id, customer_id, valid_from, coalesce(valid_to, DATE 'infinity') AS valid_until
    FROM dim.customer_segments
),
pairs AS (
    SELECT a.customer_id, 'overlap' AS issue,
           greatest(a.valid_from, b.valid_from) AS period_start,
           least(a.valid_until, b.valid_until) AS period_end
    FROM v AS a JOIN v AS b
      ON b.customer_id = a.customer_id AND a.version_id < b.version_id
     AND a.valid_from < b.valid_until AND b.valid_from < a.valid_until
),
prev AS (
    SELECT customer_id, valid_from,
           lag(valid_until) OVER (PARTITION BY customer_id ORDER BY valid_from, version_id) AS prev_until
    FROM v
)
SELECT customer_id, issue, period_start, nullif(period_end, DATE 'infinity') AS period_end
FROM (
    SELECT * FROM pairs
    UNION ALL
    SELECT customer_id, 'gap', prev_until, valid_from FROM prev WHERE valid_from > prev_until
)
ORDER BY customer_id, period_start, issue, period_end NULLS LAST;
