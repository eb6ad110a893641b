-- Check: the volume of the last complete day (the day before as_of) is below 50% of the
-- average daily volume of the 7 days before it.
-- The days come from a calendar built from as_of, not from the data: a day without any order
-- has no row in a GROUP BY, but it still exists in the calendar and counts as 0.
WITH params AS (
    SELECT CAST(as_of AS DATE) - 1 AS check_day FROM ops.run_context
),
calendar AS (
    SELECT p.check_day - CAST(g.k AS INTEGER) AS day, g.k = 0 AS is_check_day
    FROM params AS p CROSS JOIN range(0, 8) AS g(k)
),
daily AS (
    SELECT c.day, c.is_check_day, count(o.order_id) AS n
    FROM calendar AS c
    LEFT JOIN shop.orders AS o ON CAST(o.order_ts AS DATE) = c.day
    GROUP BY c.day, c.is_check_day
)
SELECT
    max(day) FILTER (WHERE is_check_day)    AS check_day,
    sum(n) FILTER (WHERE is_check_day)      AS orders_on_day,
    avg(n) FILTER (WHERE NOT is_check_day)  AS trailing_7_day_avg
FROM daily
HAVING sum(n) FILTER (WHERE is_check_day) < 0.5 * avg(n) FILTER (WHERE NOT is_check_day);
