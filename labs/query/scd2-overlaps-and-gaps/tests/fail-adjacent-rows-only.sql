-- Wrong: compares each version only with the previous one (LAG). A long version that overlaps
-- several later ones is caught once at most, and the uncovered time it hides shows up as a false gap.
WITH ordered AS (
    SELECT customer_id, valid_from, coalesce(valid_to, DATE 'infinity') AS valid_until,
           lag(coalesce(valid_to, DATE 'infinity')) OVER (PARTITION BY customer_id ORDER BY valid_from, version_id) AS prev_until
    FROM dim.customer_segments
)
SELECT customer_id,
       CASE WHEN valid_from < prev_until THEN 'overlap' ELSE 'gap' END AS issue,
       CASE WHEN valid_from < prev_until THEN valid_from ELSE prev_until END AS period_start,
       CASE WHEN valid_from < prev_until
            THEN nullif(least(prev_until, valid_until), DATE 'infinity')
            ELSE valid_from END AS period_end
FROM ordered
WHERE prev_until IS NOT NULL AND valid_from <> prev_until
ORDER BY customer_id, period_start, issue, period_end NULLS LAST;
