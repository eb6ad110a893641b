-- Wrong: the running total starts on the first day of the report, so February
-- misses the revenue of 1-19 February.
WITH calendar AS (
    SELECT d::DATE AS day FROM generate_series(DATE '2024-02-20', DATE '2024-03-10', INTERVAL 1 DAY) t(d)
),
daily AS (
    SELECT order_ts::DATE AS day, sum(amount) AS revenue
    FROM shop.orders WHERE status = 'paid' GROUP BY 1
)
SELECT c.day, coalesce(d.revenue, 0),
       sum(coalesce(d.revenue, 0)) OVER (PARTITION BY date_trunc('month', c.day) ORDER BY c.day)
FROM calendar c LEFT JOIN daily d USING (day)
ORDER BY c.day;
