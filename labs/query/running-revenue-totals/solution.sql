WITH calendar AS (
    -- start on the first of the month so month-to-date includes days before the report window
    SELECT CAST(d AS DATE) AS day
    FROM generate_series(DATE '2024-02-01', DATE '2024-03-10', INTERVAL 1 DAY) AS t(d)
),
daily AS (
    SELECT CAST(order_ts AS DATE) AS day, sum(amount) AS revenue
    FROM shop.orders
    WHERE status = 'paid'
    GROUP BY 1
),
running AS (
    SELECT c.day,
           coalesce(d.revenue, 0) AS day_revenue,
           sum(coalesce(d.revenue, 0)) OVER (
               PARTITION BY date_trunc('month', c.day)
               ORDER BY c.day
               ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
           ) AS month_to_date
    FROM calendar AS c
    LEFT JOIN daily AS d ON d.day = c.day
)
SELECT day, day_revenue, month_to_date
FROM running
WHERE day >= DATE '2024-02-20'
ORDER BY day;
