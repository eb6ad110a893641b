-- Wrong: BETWEEN with a date upper bound stops at 2024-03-31 00:00:00,
-- so orders placed later on 31 March are lost.
SELECT order_id, customer_id, order_ts, status, total_amount
FROM shop.orders
WHERE status IN ('shipped', 'delivered')
  AND order_ts BETWEEN DATE '2024-03-01' AND DATE '2024-03-31'
  AND total_amount >= 50
ORDER BY total_amount DESC, order_ts ASC, order_id ASC;
