-- Wrong: surrogate keys follow the order in which rows happen to be read, not the sorted natural key,
-- and the fact uses the list price instead of the price charged.
INSERT INTO dw.dim_customer VALUES (0, 'UNKNOWN', 'Unknown customer', NULL);
INSERT INTO dw.dim_customer
SELECT row_number() OVER (ORDER BY signup_date), customer_code, full_name, country
FROM raw.customers;

INSERT INTO dw.dim_product
SELECT row_number() OVER (ORDER BY product_name), sku, product_name, category
FROM raw.products;

INSERT INTO dw.dim_date
SELECT CAST(strftime(d, '%Y%m%d') AS INTEGER), d, year(d), quarter(d), month(d), isodow(d), isodow(d) >= 6
FROM (SELECT DISTINCT CAST(sold_at AS DATE) AS d FROM raw.sales);

INSERT INTO dw.fact_sales
SELECT s.sale_id, CAST(strftime(s.sold_at, '%Y%m%d') AS INTEGER), coalesce(c.customer_key, 0), p.product_key,
       s.quantity, s.quantity * r.list_price
FROM raw.sales AS s
JOIN raw.products AS r ON r.sku = s.sku
LEFT JOIN dw.dim_customer AS c ON c.customer_code = s.customer_code
JOIN dw.dim_product AS p ON p.sku = s.sku;
