-- Wrong: the running total never resets on the first of the month.
WITH calendar AS (
    SELECT d::DATE AS day FROM generate_series(DATE '2024-02-01', DATE '2024-03-10', INTERVAL 1 DAY) t(d)
),
daily AS (
    SELECT order_ts::DATE AS day, sum(amount) AS revenue
    FROM shop.orders WHERE status = 'paid' GROUP BY 1
)
SELECT * FROM (
    SELECT c.day, coalesce(d.revenue, 0) AS day_revenue,
           sum(coalesce(d.revenue, 0)) OVER (ORDER BY c.day) AS month_to_date
    FROM calendar c LEFT JOIN daily d USING (day)
)
WHERE day >= DATE '2024-02-20'
ORDER BY day;
