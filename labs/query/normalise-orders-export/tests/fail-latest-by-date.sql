-- Wrong: takes the rows of the latest order_date. Several orders can share a date, so a customer
-- or product with two orders on its last day keeps two versions. The rule says: the highest order_id.
WITH lines AS (
    SELECT *, lower(trim(customer_email)) AS email_key FROM sheet.orders_export
),
latest_customer AS (
    SELECT email_key, max(order_date) AS order_date FROM lines GROUP BY email_key
),
latest_product AS (
    SELECT product_sku, max(order_date) AS order_date FROM lines GROUP BY product_sku
)
SELECT DISTINCT 'customer' AS entity, l.email_key AS entity_key, l.customer_name AS name,
       l.customer_city AS city, CAST(NULL AS DECIMAL(8, 2)) AS unit_price
FROM lines AS l
JOIN latest_customer AS c ON c.email_key = l.email_key AND c.order_date = l.order_date
UNION ALL
SELECT DISTINCT 'product', l.product_sku, l.product_name, NULL, l.unit_price
FROM lines AS l
JOIN latest_product AS p ON p.product_sku = l.product_sku AND p.order_date = l.order_date
ORDER BY entity, entity_key;
