-- Wrong: BETWEEN includes both ends, so the sale at exactly midnight of the next day is loaded
-- into today's partition (with the wrong sale_date check failing too).
DELETE FROM dw.sales WHERE sale_date = (SELECT run_date FROM ops.run_context);

INSERT INTO dw.sales
SELECT s.sale_id, s.store_id, rc.run_date, s.sold_at, s.amount
FROM staging.pos_sales AS s, ops.run_context AS rc
WHERE s.sold_at BETWEEN rc.run_date AND rc.run_date + INTERVAL 1 DAY;
