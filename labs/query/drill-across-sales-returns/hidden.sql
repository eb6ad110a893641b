-- Hidden dataset: a new store that opens in September, a store closed for renovation in
-- September (returns only), a store without any return in September, late returns for the
-- closed store 24, and more lines with repeated amounts.
INSERT INTO mart.dim_store VALUES (25, 'Store 25', 'north');

INSERT INTO mart.fact_sales
SELECT 50000 + i, 20240901 + i % 30, 25, 3, 2, 2 * 19.99
FROM range(0, 40) AS t(i);

DELETE FROM mart.fact_sales   WHERE store_id = 12 AND date_key >= 20240901;
DELETE FROM mart.fact_returns WHERE store_id = 7  AND date_key >= 20240901;

INSERT INTO mart.fact_returns VALUES
    (60001, 20240915, 24, 5, 1, 49.90),
    (60002, 20240915, 24, 5, 1, 49.90),
    (60003, 20240930, 25, 3, 1, 19.99);
