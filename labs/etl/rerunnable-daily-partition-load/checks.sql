-- check: a sale appears more than once in dw.sales
SELECT sale_id FROM dw.sales GROUP BY sale_id HAVING count(*) > 1
LIMIT 1;

-- check: a row's sale_date is not the date of its sold_at
SELECT sale_id FROM dw.sales WHERE sale_date <> CAST(sold_at AS DATE)
LIMIT 1;

-- check: the run day's partition does not match the staging extract for that day
SELECT s.sale_id
FROM staging.pos_sales AS s
JOIN ops.run_context AS rc ON CAST(s.sold_at AS DATE) = rc.run_date
WHERE NOT EXISTS (SELECT 1 FROM dw.sales AS t WHERE t.sale_id = s.sale_id AND t.amount = s.amount)
LIMIT 1;
