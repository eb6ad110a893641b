-- Reference solution.

-- Customers: key 0 is the "unknown customer" member, the others are numbered by customer_code.
INSERT INTO dw.dim_customer VALUES (0, 'UNKNOWN', 'Unknown customer', NULL);

INSERT INTO dw.dim_customer
SELECT row_number() OVER (ORDER BY customer_code), customer_code, full_name, country
FROM raw.customers;

-- Products: numbered by sku.
INSERT INTO dw.dim_product
SELECT row_number() OVER (ORDER BY sku), sku, product_name, category
FROM raw.products;

-- Dates: only the calendar days on which something was sold.
INSERT INTO dw.dim_date
SELECT
    CAST(strftime(d, '%Y%m%d') AS INTEGER),
    d,
    year(d),
    quarter(d),
    month(d),
    isodow(d),
    isodow(d) IN (6, 7)
FROM (SELECT DISTINCT CAST(sold_at AS DATE) AS d FROM raw.sales) AS days;

-- Facts: one row per sale, natural keys swapped for surrogate keys.
INSERT INTO dw.fact_sales
SELECT
    s.sale_id,
    CAST(strftime(CAST(s.sold_at AS DATE), '%Y%m%d') AS INTEGER),
    coalesce(c.customer_key, 0),
    p.product_key,
    s.quantity,
    s.quantity * s.unit_price
FROM raw.sales AS s
LEFT JOIN dw.dim_customer AS c
       ON c.customer_code = s.customer_code
      AND c.customer_key <> 0
JOIN dw.dim_product AS p
  ON p.sku = s.sku;
