-- Wrong: empties the whole table before loading the day, as a full refresh would. Every other
-- day of history is lost.
DELETE FROM dw.sales;

INSERT INTO dw.sales
SELECT s.sale_id, s.store_id, CAST(s.sold_at AS DATE), s.sold_at, s.amount
FROM staging.pos_sales AS s
JOIN ops.run_context AS rc ON s.sold_at >= rc.run_date AND s.sold_at < rc.run_date + INTERVAL 1 DAY;
