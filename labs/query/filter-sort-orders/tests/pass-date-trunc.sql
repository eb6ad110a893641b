-- Correct too: compare the month instead of a half-open range.
SELECT order_id, customer_id, order_ts, status, total_amount
FROM shop.orders
WHERE (status = 'shipped' OR status = 'delivered')
  AND date_trunc('month', order_ts) = DATE '2024-03-01'
  AND NOT total_amount < 50
ORDER BY 5 DESC, 3, 1;
