-- check: a fact row has no matching customer in dw.dim_customer
SELECT f.sale_id FROM dw.fact_sales AS f
WHERE NOT EXISTS (SELECT 1 FROM dw.dim_customer AS d WHERE d.customer_key = f.customer_key);

-- check: a fact row has no matching product in dw.dim_product
SELECT f.sale_id FROM dw.fact_sales AS f
WHERE NOT EXISTS (SELECT 1 FROM dw.dim_product AS d WHERE d.product_key = f.product_key);

-- check: a fact row has no matching day in dw.dim_date
SELECT f.sale_id FROM dw.fact_sales AS f
WHERE NOT EXISTS (SELECT 1 FROM dw.dim_date AS d WHERE d.date_key = f.date_key);

-- check: a surrogate key is NULL or used twice in a dimension
SELECT 'customer' AS dim, customer_key AS k FROM dw.dim_customer GROUP BY customer_key
HAVING customer_key IS NULL OR count(*) > 1
UNION ALL
SELECT 'product', product_key FROM dw.dim_product GROUP BY product_key
HAVING product_key IS NULL OR count(*) > 1
UNION ALL
SELECT 'date', date_key FROM dw.dim_date GROUP BY date_key
HAVING date_key IS NULL OR count(*) > 1;

-- check: dw.dim_date holds a day on which nothing was sold
SELECT d.date_key FROM dw.dim_date AS d
WHERE NOT EXISTS (SELECT 1 FROM dw.fact_sales AS f WHERE f.date_key = d.date_key);

-- check: a sale is missing from dw.fact_sales or appears twice
SELECT s.sale_id FROM raw.sales AS s
LEFT JOIN dw.fact_sales AS f ON f.sale_id = s.sale_id
GROUP BY s.sale_id
HAVING count(f.sale_id) <> 1;
