-- Checks only the order lines: payments for unknown orders go unnoticed.
SELECT i.order_id, i.line_no
FROM shop.order_items AS i
LEFT JOIN shop.orders AS o ON o.order_id = i.order_id
WHERE o.order_id IS NULL;
