-- Wrong: without a calendar, days without paid orders are missing from the report.
SELECT day, revenue, sum(revenue) OVER (PARTITION BY date_trunc('month', day) ORDER BY day)
FROM (
    SELECT order_ts::DATE AS day, sum(amount) AS revenue
    FROM shop.orders
    WHERE status = 'paid'
    GROUP BY 1
)
WHERE day BETWEEN DATE '2024-02-20' AND DATE '2024-03-10'
ORDER BY day;
