-- Reference: read the increment above the watermark, keep the newest version per order,
-- upsert it when it is newer than the warehouse row, then move the watermark.
MERGE INTO dw.orders AS t
USING (
    SELECT order_id, customer_id, status, amount, updated_at
    FROM staging.orders_extract
    WHERE extracted_at > (SELECT last_extracted_at FROM etl.watermarks WHERE pipeline = 'orders')
    QUALIFY row_number() OVER (PARTITION BY order_id ORDER BY updated_at DESC, extracted_at DESC) = 1
) AS s
ON t.order_id = s.order_id
WHEN MATCHED AND s.updated_at > t.updated_at THEN
    UPDATE SET customer_id = s.customer_id,
               status      = s.status,
               amount      = s.amount,
               updated_at  = s.updated_at
WHEN NOT MATCHED THEN
    INSERT (order_id, customer_id, status, amount, updated_at)
    VALUES (s.order_id, s.customer_id, s.status, s.amount, s.updated_at);

UPDATE etl.watermarks
SET last_extracted_at = (SELECT max(extracted_at) FROM staging.orders_extract)
WHERE pipeline = 'orders'
  AND (SELECT max(extracted_at) FROM staging.orders_extract) > last_extracted_at;
