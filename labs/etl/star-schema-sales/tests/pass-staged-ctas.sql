-- Also correct: the key rules computed in helper tables first, date parts from date_part(),
-- and the unknown member handled with a CASE.
CREATE TABLE dw.customer_keys AS
SELECT customer_code, CAST(dense_rank() OVER (ORDER BY customer_code) AS INTEGER) AS customer_key
FROM raw.customers;

INSERT INTO dw.dim_customer (customer_key, customer_code, full_name, country)
SELECT k.customer_key, c.customer_code, c.full_name, c.country
FROM raw.customers AS c JOIN dw.customer_keys AS k USING (customer_code)
UNION ALL
SELECT 0, 'UNKNOWN', 'Unknown customer', NULL;

INSERT INTO dw.dim_product (product_key, sku, product_name, category)
SELECT (SELECT count(*) FROM raw.products AS q WHERE q.sku <= p.sku), p.sku, p.product_name, p.category
FROM raw.products AS p;

INSERT INTO dw.dim_date
SELECT DISTINCT
    date_part('year', sold_at) * 10000 + date_part('month', sold_at) * 100 + date_part('day', sold_at),
    CAST(sold_at AS DATE),
    date_part('year', sold_at),
    date_part('quarter', sold_at),
    date_part('month', sold_at),
    date_part('isodow', sold_at),
    dayname(sold_at) IN ('Saturday', 'Sunday')
FROM raw.sales;

INSERT INTO dw.fact_sales
SELECT
    s.sale_id,
    date_part('year', s.sold_at) * 10000 + date_part('month', s.sold_at) * 100 + date_part('day', s.sold_at),
    CASE WHEN k.customer_key IS NULL THEN 0 ELSE k.customer_key END,
    (SELECT product_key FROM dw.dim_product AS p WHERE p.sku = s.sku),
    s.quantity,
    s.unit_price * s.quantity
FROM raw.sales AS s
LEFT JOIN dw.customer_keys AS k ON k.customer_code = s.customer_code;
