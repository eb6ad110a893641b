-- Takes the latest date found in the table as "the latest day". That is today's date, whose
-- orders are still coming in, so the check fires on every healthy morning.
WITH daily AS (
    SELECT CAST(order_ts AS DATE) AS day, count(*) AS n
    FROM shop.orders
    GROUP BY 1
),
latest AS (SELECT max(day) AS day FROM daily)
SELECT l.day
FROM latest AS l
WHERE (SELECT n FROM daily WHERE day = l.day)
    < 0.5 * (SELECT sum(n) / 7.0 FROM daily WHERE day BETWEEN l.day - 7 AND l.day - 1);
