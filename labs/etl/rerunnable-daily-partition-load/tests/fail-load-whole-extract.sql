-- Wrong: replaces every day that the extract holds. The older days are rewritten with
-- corrections that their own runs have not approved, and tomorrow's first sale is loaded early.
DELETE FROM dw.sales
WHERE sale_date IN (SELECT DISTINCT CAST(sold_at AS DATE) FROM staging.pos_sales);

INSERT INTO dw.sales
SELECT sale_id, store_id, CAST(sold_at AS DATE), sold_at, amount
FROM staging.pos_sales;
