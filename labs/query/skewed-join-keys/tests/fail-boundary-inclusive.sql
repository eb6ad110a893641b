-- Wrong: ">=" reports merchant 12, which holds exactly 5% of 2024-06-03. The rule is "more than 5%".
WITH per_key AS (
    SELECT event_date, merchant_id, count(*) AS key_rows
    FROM clicks.events
    GROUP BY event_date, merchant_id
)
SELECT event_date, merchant_id, key_rows,
       sum(key_rows) OVER (PARTITION BY event_date) AS day_rows,
       key_rows / sum(key_rows) OVER (PARTITION BY event_date) AS share
FROM per_key
QUALIFY key_rows >= 0.05 * sum(key_rows) OVER (PARTITION BY event_date)
ORDER BY event_date, key_rows DESC, merchant_id NULLS LAST;
