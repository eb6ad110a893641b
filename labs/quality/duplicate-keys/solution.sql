-- Check 1: order_id must be unique in shop.orders.
SELECT order_id, count(*) AS copies
FROM shop.orders
GROUP BY order_id
HAVING count(*) > 1;

-- Check 2: (order_id, line_no) must be unique in shop.order_items. The other columns do not
-- matter: two rows with the same key are a duplicate even if their contents differ.
SELECT order_id, line_no, count(*) AS copies
FROM shop.order_items
GROUP BY order_id, line_no
HAVING count(*) > 1;
