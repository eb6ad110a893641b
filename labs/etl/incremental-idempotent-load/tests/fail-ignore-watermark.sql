-- Wrong: reads the whole landing table instead of the increment. The newer-wins rule keeps
-- most orders right, but test orders removed from the warehouse come back.
MERGE INTO dw.orders AS t
USING (
    SELECT order_id, customer_id, status, amount, updated_at
    FROM staging.orders_extract
    QUALIFY row_number() OVER (PARTITION BY order_id ORDER BY updated_at DESC) = 1
) AS s
ON t.order_id = s.order_id
WHEN MATCHED AND s.updated_at > t.updated_at THEN
    UPDATE SET customer_id = s.customer_id, status = s.status, amount = s.amount, updated_at = s.updated_at
WHEN NOT MATCHED THEN
    INSERT VALUES (s.order_id, s.customer_id, s.status, s.amount, s.updated_at);

UPDATE etl.watermarks
SET last_extracted_at = (SELECT max(extracted_at) FROM staging.orders_extract)
WHERE pipeline = 'orders';
