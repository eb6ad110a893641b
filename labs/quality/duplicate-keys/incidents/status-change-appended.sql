-- The status feed should update orders in place, but a misconfigured job appended the new
-- version instead: the latest pending order now exists as 'pending' and, in the next day's
-- batch, as 'paid'.
INSERT INTO shop.orders
SELECT order_id, customer_id, order_ts, 'paid', total_amount,
       'b-' || strftime(CAST(order_ts AS DATE) + 1, '%Y%m%d')
FROM shop.orders
WHERE order_id = (SELECT max(order_id) FROM shop.orders WHERE status = 'pending');
