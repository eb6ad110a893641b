-- A retry of a failed micro-batch re-sent one order line: it was appended under the retry's
-- batch id, so the two copies are not byte-for-byte identical.
INSERT INTO shop.order_items
SELECT order_id, line_no, product_sku, quantity, unit_price, 'b-20240315-retry1'
FROM shop.order_items
WHERE order_id = 5007 AND line_no = 2;
