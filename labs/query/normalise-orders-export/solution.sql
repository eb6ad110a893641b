-- Reference: one row per customer (key: the email, trimmed and in lower case) and one per product
-- (key: the SKU), each with the values found on its most recent order line, i.e. the highest
-- order_id, NULLs included.
WITH lines AS (
    SELECT *, lower(trim(customer_email)) AS email_key
    FROM sheet.orders_export
),
latest_order_per_customer AS (
    SELECT email_key, max(order_id) AS order_id
    FROM lines
    GROUP BY email_key
),
latest_order_per_product AS (
    SELECT product_sku, max(order_id) AS order_id
    FROM lines
    GROUP BY product_sku
),
customers AS (
    -- every line of one order repeats the same customer values: DISTINCT keeps one
    SELECT DISTINCT
           'customer'                  AS entity,
           l.email_key                 AS entity_key,
           l.customer_name             AS name,
           l.customer_city             AS city,
           CAST(NULL AS DECIMAL(8, 2)) AS unit_price
    FROM lines AS l
    JOIN latest_order_per_customer AS c
      ON c.email_key = l.email_key AND c.order_id = l.order_id
),
products AS (
    SELECT 'product'                   AS entity,
           l.product_sku               AS entity_key,
           l.product_name              AS name,
           CAST(NULL AS VARCHAR)       AS city,
           l.unit_price                AS unit_price
    FROM lines AS l
    JOIN latest_order_per_product AS p
      ON p.product_sku = l.product_sku AND p.order_id = l.order_id
)
SELECT * FROM customers
UNION ALL
SELECT * FROM products
ORDER BY entity, entity_key;
