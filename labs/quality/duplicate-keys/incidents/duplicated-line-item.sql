-- A retry of a failed micro-batch re-sent the last order line of the newest batch: it was
-- appended under the retry's batch id, so the two copies are not byte-for-byte identical.
INSERT INTO shop.order_items
SELECT order_id, line_no, product_sku, quantity, unit_price, _batch_id || '-retry1'
FROM shop.order_items
WHERE _batch_id = (SELECT max(_batch_id) FROM shop.order_items)
ORDER BY order_id DESC, line_no DESC
LIMIT 1;
