-- Wrong: appends the newest version of every order in the increment without looking at the
-- warehouse. Changed orders end up twice, and because the watermark never moves, the second
-- run appends the same rows again.
INSERT INTO dw.orders
SELECT order_id, customer_id, status, amount, updated_at
FROM staging.orders_extract
WHERE extracted_at > (SELECT last_extracted_at FROM etl.watermarks WHERE pipeline = 'orders')
QUALIFY row_number() OVER (PARTITION BY order_id ORDER BY updated_at DESC) = 1;
