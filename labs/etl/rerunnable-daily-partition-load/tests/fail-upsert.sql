-- Wrong: upserts the day's sales by sale_id. Re-running is safe from duplicates, but a sale the
-- store voided after the failed attempt is never removed from the partition.
MERGE INTO dw.sales AS t
USING (
    SELECT s.sale_id, s.store_id, CAST(s.sold_at AS DATE) AS sale_date, s.sold_at, s.amount
    FROM staging.pos_sales AS s
    JOIN ops.run_context AS rc ON s.sold_at >= rc.run_date AND s.sold_at < rc.run_date + INTERVAL 1 DAY
) AS s
ON t.sale_id = s.sale_id
WHEN MATCHED THEN UPDATE SET store_id = s.store_id, sale_date = s.sale_date, sold_at = s.sold_at, amount = s.amount
WHEN NOT MATCHED THEN INSERT VALUES (s.sale_id, s.store_id, s.sale_date, s.sold_at, s.amount);
