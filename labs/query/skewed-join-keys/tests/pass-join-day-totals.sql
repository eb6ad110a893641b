-- Also correct: day totals in their own aggregate, joined back on the day. The NULL key survives
-- because the join is on event_date only, and count(*) counts its rows.
WITH day_totals AS (
    SELECT event_date, count(*) AS day_rows
    FROM clicks.events
    GROUP BY event_date
),
per_key AS (
    SELECT event_date, merchant_id, count(*) AS key_rows
    FROM clicks.events
    GROUP BY ALL
)
SELECT k.event_date, k.merchant_id, k.key_rows, d.day_rows,
       k.key_rows / d.day_rows AS share
FROM per_key AS k
JOIN day_totals AS d USING (event_date)
WHERE k.key_rows / d.day_rows > 0.05
ORDER BY k.event_date, k.key_rows DESC, k.merchant_id ASC NULLS LAST;
