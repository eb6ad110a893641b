-- The status feed should update orders in place, but a misconfigured job appended the new
-- version instead: order 5007 now exists as 'pending' and as 'paid'.
INSERT INTO shop.orders
SELECT order_id, customer_id, order_ts, 'paid', total_amount, 'b-20240316'
FROM shop.orders
WHERE order_id = 5007;
