-- Joins children to parents with an INNER JOIN and looks for missing values: an orphan has no
-- partner, so the join drops it before the WHERE clause can see it.
SELECT i.order_id, i.line_no
FROM shop.order_items AS i
JOIN shop.orders AS o ON o.order_id = i.order_id
WHERE o.order_id IS NULL;

SELECT p.payment_id
FROM shop.payments AS p
JOIN shop.orders AS o ON o.order_id = p.order_id
WHERE p.order_id IS NOT NULL AND o.order_id IS NULL;
