-- Reference: replace the run day's partition and nothing else. Delete every row of that day,
-- then insert the day's sales from staging (a half-open range: midnight belongs to the next day).
DELETE FROM dw.sales
WHERE sale_date = (SELECT run_date FROM ops.run_context);

INSERT INTO dw.sales (sale_id, store_id, sale_date, sold_at, amount)
SELECT s.sale_id, s.store_id, CAST(s.sold_at AS DATE), s.sold_at, s.amount
FROM staging.pos_sales AS s
JOIN ops.run_context AS rc
  ON s.sold_at >= rc.run_date
 AND s.sold_at <  rc.run_date + INTERVAL 1 DAY;
