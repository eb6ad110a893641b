-- Wrong: without PARTITION BY, the previous order can belong to another customer.
SELECT customer_id, order_id, order_ts::DATE,
       date_diff('day', lag(order_ts::DATE) OVER w, order_ts::DATE),
       date_diff('day', order_ts::DATE, lead(order_ts::DATE) OVER w)
FROM shop.orders
WHERE status = 'completed'
WINDOW w AS (ORDER BY order_ts, order_id);
