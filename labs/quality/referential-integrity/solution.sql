-- Check 1: every order line must belong to an existing order.
SELECT i.order_id, i.line_no
FROM shop.order_items AS i
LEFT JOIN shop.orders AS o ON o.order_id = i.order_id
WHERE o.order_id IS NULL;

-- Check 2: every payment that names an order must point to an existing order.
-- Gift-card payments have no order (order_id IS NULL) and are not orphans.
SELECT p.payment_id, p.order_id
FROM shop.payments AS p
LEFT JOIN shop.orders AS o ON o.order_id = p.order_id
WHERE p.order_id IS NOT NULL
  AND o.order_id IS NULL;
