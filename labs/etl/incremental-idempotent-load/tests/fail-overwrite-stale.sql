-- Wrong: the newest row of the increment always overwrites the warehouse, even when the
-- warehouse already holds a newer version (a stale re-send rolls order 1002 back).
MERGE INTO dw.orders AS t
USING (
    SELECT order_id, customer_id, status, amount, updated_at
    FROM staging.orders_extract
    WHERE extracted_at > (SELECT last_extracted_at FROM etl.watermarks WHERE pipeline = 'orders')
    QUALIFY row_number() OVER (PARTITION BY order_id ORDER BY updated_at DESC) = 1
) AS s
ON t.order_id = s.order_id
WHEN MATCHED THEN
    UPDATE SET customer_id = s.customer_id, status = s.status, amount = s.amount, updated_at = s.updated_at
WHEN NOT MATCHED THEN
    INSERT VALUES (s.order_id, s.customer_id, s.status, s.amount, s.updated_at);

UPDATE etl.watermarks
SET last_extracted_at = (SELECT max(extracted_at) FROM staging.orders_extract)
WHERE pipeline = 'orders';
