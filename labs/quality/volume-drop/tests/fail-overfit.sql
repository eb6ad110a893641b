-- Overfitted: a fixed floor read off the visible week, where a healthy day has at least 7
-- orders and the judged Sunday 8. "Fewer than 6 orders yesterday" catches a missing or
-- half-empty Sunday here, but it is not the agreed rule: on a busier week half a day is still
-- more than 6 orders, and the drop goes unnoticed.
SELECT rc.as_of, count(o.order_id) AS orders_on_day
FROM ops.run_context AS rc
LEFT JOIN shop.orders AS o
       ON CAST(o.order_ts AS DATE) = CAST(rc.as_of AS DATE) - 1
GROUP BY rc.as_of
HAVING count(o.order_id) < 6;
