-- Wrong: types the day instead of reading ops.run_context. Right for last night, wrong for
-- every other run of the job.
DELETE FROM dw.sales WHERE sale_date = DATE '2024-06-12';

INSERT INTO dw.sales
SELECT sale_id, store_id, CAST(sold_at AS DATE), sold_at, amount
FROM staging.pos_sales
WHERE sold_at >= TIMESTAMP '2024-06-12 00:00:00' AND sold_at < TIMESTAMP '2024-06-13 00:00:00';
