-- Wrong: compares valid_to directly. Every comparison with the NULL end of a current row is NULL,
-- so two current rows, or a closed row inside a current one, never count as an overlap.
WITH pairs AS (
    SELECT a.customer_id, 'overlap' AS issue,
           greatest(a.valid_from, b.valid_from) AS period_start,
           least(a.valid_to, b.valid_to) AS period_end
    FROM dim.customer_segments AS a JOIN dim.customer_segments AS b
      ON b.customer_id = a.customer_id AND a.version_id < b.version_id
     AND a.valid_from < b.valid_to AND b.valid_from < a.valid_to
),
covered AS (
    SELECT customer_id, valid_from,
           max(coalesce(valid_to, DATE 'infinity')) OVER (PARTITION BY customer_id ORDER BY valid_from, version_id
                                  ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS covered_until
    FROM dim.customer_segments
)
SELECT * FROM pairs
UNION ALL
SELECT customer_id, 'gap', covered_until, valid_from FROM covered WHERE valid_from > covered_until
ORDER BY customer_id, period_start, issue, period_end NULLS LAST;
