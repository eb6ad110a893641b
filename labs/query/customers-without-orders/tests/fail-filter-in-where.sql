-- Wrong: the status filter in WHERE runs after the join, so customers who have both
-- a paid and a cancelled order show up (and some twice).
SELECT c.customer_id, c.full_name, c.email
FROM shop.customers c
LEFT JOIN shop.orders o ON o.customer_id = c.customer_id
WHERE o.order_id IS NULL OR o.status <> 'paid';
