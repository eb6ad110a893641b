-- Checks order_items for uniqueness on order_id alone: every order with several lines fires.
SELECT order_id, count(*) FROM shop.orders GROUP BY order_id HAVING count(*) > 1;
SELECT order_id, count(*) FROM shop.order_items GROUP BY order_id HAVING count(*) > 1;
