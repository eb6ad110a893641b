-- Wrong: the window has no PARTITION BY, so each key is measured against all days together.
-- A task only ever sees one day's partition; against three days every share looks a third as big.
WITH per_key AS (
    SELECT event_date, merchant_id, count(*) AS key_rows
    FROM clicks.events
    GROUP BY event_date, merchant_id
)
SELECT event_date, merchant_id, key_rows,
       sum(key_rows) OVER () AS day_rows,
       key_rows / sum(key_rows) OVER () AS share
FROM per_key
QUALIFY key_rows > 0.05 * sum(key_rows) OVER ()
ORDER BY event_date, key_rows DESC, merchant_id NULLS LAST;
