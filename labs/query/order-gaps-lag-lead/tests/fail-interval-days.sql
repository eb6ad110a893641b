-- Wrong: counts whole 24-hour periods between timestamps instead of calendar days
-- (23:30 one day to 00:15 the next gives 0 instead of 1).
SELECT customer_id, order_id, order_ts::DATE,
       extract(day FROM order_ts - lag(order_ts) OVER w),
       extract(day FROM lead(order_ts) OVER w - order_ts)
FROM shop.orders
WHERE status = 'completed'
WINDOW w AS (PARTITION BY customer_id ORDER BY order_ts, order_id);
