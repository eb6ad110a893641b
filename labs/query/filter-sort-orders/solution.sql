SELECT order_id, customer_id, order_ts, status, total_amount
FROM shop.orders
WHERE status IN ('shipped', 'delivered')
  AND order_ts >= TIMESTAMP '2024-03-01 00:00:00'
  AND order_ts <  TIMESTAMP '2024-04-01 00:00:00'
  AND total_amount >= 50
ORDER BY total_amount DESC, order_ts ASC, order_id ASC;
