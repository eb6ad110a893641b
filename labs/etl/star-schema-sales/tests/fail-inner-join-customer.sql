-- Wrong: an INNER JOIN to the customer dimension drops every guest sale and every sale of a
-- customer the CRM has not synced yet. There is no unknown-customer member either.
INSERT INTO dw.dim_customer
SELECT row_number() OVER (ORDER BY customer_code), customer_code, full_name, country
FROM raw.customers;

INSERT INTO dw.dim_product
SELECT row_number() OVER (ORDER BY sku), sku, product_name, category
FROM raw.products;

INSERT INTO dw.dim_date
SELECT CAST(strftime(d, '%Y%m%d') AS INTEGER), d, year(d), quarter(d), month(d), isodow(d), isodow(d) >= 6
FROM (SELECT DISTINCT CAST(sold_at AS DATE) AS d FROM raw.sales);

INSERT INTO dw.fact_sales
SELECT s.sale_id, CAST(strftime(s.sold_at, '%Y%m%d') AS INTEGER), c.customer_key, p.product_key,
       s.quantity, s.quantity * s.unit_price
FROM raw.sales AS s
JOIN dw.dim_customer AS c ON c.customer_code = s.customer_code
JOIN dw.dim_product  AS p ON p.sku = s.sku;
