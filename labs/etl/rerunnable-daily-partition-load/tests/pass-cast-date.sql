-- Correct too: compare the date of sold_at with the run date. Casting a timestamp to DATE drops
-- the time, so midnight of the next day is the next day.
DELETE FROM dw.sales AS t
USING ops.run_context AS rc
WHERE t.sale_date = rc.run_date;

INSERT INTO dw.sales
SELECT sale_id, store_id, CAST(sold_at AS DATE) AS sale_date, sold_at, amount
FROM staging.pos_sales
WHERE CAST(sold_at AS DATE) = (SELECT run_date FROM ops.run_context);
