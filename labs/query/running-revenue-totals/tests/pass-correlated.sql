-- Correct too: a calendar of the report window and correlated sums for each day.
SELECT d::DATE AS day,
       coalesce((SELECT sum(amount) FROM shop.orders o
                 WHERE o.status = 'paid' AND o.order_ts::DATE = d::DATE), 0) AS day_revenue,
       coalesce((SELECT sum(amount) FROM shop.orders o
                 WHERE o.status = 'paid'
                   AND o.order_ts >= date_trunc('month', d)
                   AND o.order_ts < d + INTERVAL 1 DAY), 0) AS month_to_date
FROM range(TIMESTAMP '2024-02-20', TIMESTAMP '2024-03-11', INTERVAL 1 DAY) AS t(d)
ORDER BY day;
