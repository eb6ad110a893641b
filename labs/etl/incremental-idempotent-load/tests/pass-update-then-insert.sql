-- Also correct: no MERGE. A re-creatable work table, an UPDATE, an anti-join INSERT, then the watermark.
CREATE OR REPLACE TABLE staging.orders_increment AS
SELECT e.order_id, e.customer_id, e.status, e.amount, e.updated_at
FROM staging.orders_extract AS e
JOIN etl.watermarks AS w
  ON w.pipeline = 'orders' AND e.extracted_at > w.last_extracted_at
WHERE NOT EXISTS (
    SELECT 1 FROM staging.orders_extract AS n
    JOIN etl.watermarks AS w2 ON w2.pipeline = 'orders' AND n.extracted_at > w2.last_extracted_at
    WHERE n.order_id = e.order_id AND n.updated_at > e.updated_at
);

-- identical copies of one version may appear in several extracts: keep one
CREATE OR REPLACE TABLE staging.orders_increment AS
SELECT DISTINCT * FROM staging.orders_increment;

UPDATE dw.orders AS t
SET customer_id = i.customer_id, status = i.status, amount = i.amount, updated_at = i.updated_at
FROM staging.orders_increment AS i
WHERE i.order_id = t.order_id
  AND i.updated_at > t.updated_at;

INSERT INTO dw.orders
SELECT i.order_id, i.customer_id, i.status, i.amount, i.updated_at
FROM staging.orders_increment AS i
WHERE i.order_id NOT IN (SELECT order_id FROM dw.orders);

UPDATE etl.watermarks
SET last_extracted_at = greatest(last_extracted_at, (SELECT max(extracted_at) FROM staging.orders_extract))
WHERE pipeline = 'orders';
