-- Forgets that gift-card payments have no order: every gift card is reported as an orphan.
SELECT i.order_id, i.line_no
FROM shop.order_items AS i
LEFT JOIN shop.orders AS o ON o.order_id = i.order_id
WHERE o.order_id IS NULL;

SELECT p.payment_id
FROM shop.payments AS p
LEFT JOIN shop.orders AS o ON o.order_id = p.order_id
WHERE o.order_id IS NULL;
