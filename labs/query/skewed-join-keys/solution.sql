-- Count every row of a day, NULL keys included: in the shuffle of the outer join all rows with a
-- NULL key hash to the same partition, so NULL is a key like any other and belongs in the total.
WITH per_key AS (
    SELECT event_date, merchant_id, count(*) AS key_rows
    FROM clicks.events
    GROUP BY event_date, merchant_id
),
with_day AS (
    SELECT *, sum(key_rows) OVER (PARTITION BY event_date) AS day_rows
    FROM per_key
)
SELECT event_date,
       merchant_id,
       key_rows,
       day_rows,
       key_rows / day_rows AS share
FROM with_day
WHERE key_rows > 0.05 * day_rows
ORDER BY event_date, key_rows DESC, merchant_id NULLS LAST;
