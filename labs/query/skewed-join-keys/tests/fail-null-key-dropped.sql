-- Wrong: "a NULL key is not a key" filters the unattributed rows out before counting. The NULL
-- key, the hottest partition of the outer join on 2024-06-03, disappears, and the smaller day total
-- pushes merchant 31 over 5%.
WITH per_key AS (
    SELECT event_date, merchant_id, count(*) AS key_rows
    FROM clicks.events
    WHERE merchant_id IS NOT NULL
    GROUP BY event_date, merchant_id
)
SELECT event_date, merchant_id, key_rows,
       sum(key_rows) OVER (PARTITION BY event_date) AS day_rows,
       key_rows / sum(key_rows) OVER (PARTITION BY event_date) AS share
FROM per_key
QUALIFY key_rows > 0.05 * sum(key_rows) OVER (PARTITION BY event_date)
ORDER BY event_date, key_rows DESC, merchant_id NULLS LAST;
