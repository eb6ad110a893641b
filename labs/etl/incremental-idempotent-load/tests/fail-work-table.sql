-- Wrong on the second run: the script stages the increment in a work table with a plain
-- CREATE TABLE, which fails when the table is still there from the first run.
CREATE TABLE staging.orders_increment AS
SELECT order_id, customer_id, status, amount, updated_at
FROM staging.orders_extract
WHERE extracted_at > (SELECT last_extracted_at FROM etl.watermarks WHERE pipeline = 'orders')
QUALIFY row_number() OVER (PARTITION BY order_id ORDER BY updated_at DESC) = 1;

UPDATE dw.orders AS t
SET customer_id = i.customer_id, status = i.status, amount = i.amount, updated_at = i.updated_at
FROM staging.orders_increment AS i
WHERE i.order_id = t.order_id
  AND i.updated_at > t.updated_at;

INSERT INTO dw.orders
SELECT i.* FROM staging.orders_increment AS i
WHERE NOT EXISTS (SELECT 1 FROM dw.orders AS t WHERE t.order_id = i.order_id);

UPDATE etl.watermarks
SET last_extracted_at = (SELECT max(extracted_at) FROM staging.orders_extract)
WHERE pipeline = 'orders';
