-- Wrong: finds customers with no orders at all, forgetting that cancelled or pending orders are not paid.
SELECT c.customer_id, c.full_name, c.email
FROM shop.customers c
LEFT JOIN shop.orders o ON o.customer_id = c.customer_id
WHERE o.order_id IS NULL;
