-- Looks from the parent side: orders without lines or without payments. Pending and cancelled
-- orders have no payment, so this fires on healthy data, and it can never see a child whose
-- parent is gone.
SELECT o.order_id
FROM shop.orders AS o
LEFT JOIN shop.order_items AS i ON i.order_id = o.order_id
WHERE i.order_id IS NULL;

SELECT o.order_id
FROM shop.orders AS o
LEFT JOIN shop.payments AS p ON p.order_id = o.order_id
WHERE p.order_id IS NULL;
