-- Wrong: dim_date is a full calendar from the first to the last sale, so it holds days without sales.
INSERT INTO dw.dim_customer VALUES (0, 'UNKNOWN', 'Unknown customer', NULL);
INSERT INTO dw.dim_customer
SELECT row_number() OVER (ORDER BY customer_code), customer_code, full_name, country
FROM raw.customers;

INSERT INTO dw.dim_product
SELECT row_number() OVER (ORDER BY sku), sku, product_name, category
FROM raw.products;

INSERT INTO dw.dim_date
SELECT CAST(strftime(d, '%Y%m%d') AS INTEGER), d, year(d), quarter(d), month(d), isodow(d), isodow(d) >= 6
FROM (
    SELECT CAST(unnest(generate_series(min(sold_at)::DATE, max(sold_at)::DATE, INTERVAL 1 DAY)) AS DATE) AS d
    FROM raw.sales
);

INSERT INTO dw.fact_sales
SELECT s.sale_id, CAST(strftime(s.sold_at, '%Y%m%d') AS INTEGER), coalesce(c.customer_key, 0), p.product_key,
       s.quantity, s.quantity * s.unit_price
FROM raw.sales AS s
LEFT JOIN dw.dim_customer AS c ON c.customer_code = s.customer_code
JOIN dw.dim_product AS p ON p.sku = s.sku;
