-- check: a fact row has no matching customer in dw.dim_customer
-- check.ko: 팩트 행에 맞는 고객이 dw.dim_customer에 없습니다
SELECT f.sale_id FROM dw.fact_sales AS f
WHERE NOT EXISTS (SELECT 1 FROM dw.dim_customer AS d WHERE d.customer_key = f.customer_key);

-- check: a fact row has no matching product in dw.dim_product
-- check.ko: 팩트 행에 맞는 상품이 dw.dim_product에 없습니다
SELECT f.sale_id FROM dw.fact_sales AS f
WHERE NOT EXISTS (SELECT 1 FROM dw.dim_product AS d WHERE d.product_key = f.product_key);

-- check: a fact row has no matching day in dw.dim_date
-- check.ko: 팩트 행에 맞는 날짜가 dw.dim_date에 없습니다
SELECT f.sale_id FROM dw.fact_sales AS f
WHERE NOT EXISTS (SELECT 1 FROM dw.dim_date AS d WHERE d.date_key = f.date_key);

-- check: a surrogate key is NULL or used twice in a dimension
-- check.ko: 차원 테이블의 대리 키가 NULL이거나 두 번 쓰였습니다
SELECT 'customer' AS dim, customer_key AS k FROM dw.dim_customer GROUP BY customer_key
HAVING customer_key IS NULL OR count(*) > 1
UNION ALL
SELECT 'product', product_key FROM dw.dim_product GROUP BY product_key
HAVING product_key IS NULL OR count(*) > 1
UNION ALL
SELECT 'date', date_key FROM dw.dim_date GROUP BY date_key
HAVING date_key IS NULL OR count(*) > 1;

-- check: dw.dim_date holds a day on which nothing was sold
-- check.ko: dw.dim_date에 판매가 하나도 없는 날이 있습니다
SELECT d.date_key FROM dw.dim_date AS d
WHERE NOT EXISTS (SELECT 1 FROM dw.fact_sales AS f WHERE f.date_key = d.date_key);

-- check: a sale is missing from dw.fact_sales or appears twice
-- check.ko: 어떤 판매가 dw.fact_sales에 없거나 두 번 나옵니다
SELECT s.sale_id FROM raw.sales AS s
LEFT JOIN dw.fact_sales AS f ON f.sale_id = s.sale_id
GROUP BY s.sale_id
HAVING count(f.sale_id) <> 1;
