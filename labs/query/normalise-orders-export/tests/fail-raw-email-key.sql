-- Wrong: uses the email exactly as typed. 'Ana.Silva@mail.example ' and 'ana.silva@mail.example'
-- are the same mailbox; keyed on the raw text, one customer becomes two.
WITH latest_customer AS (
    SELECT customer_email, max(order_id) AS order_id FROM sheet.orders_export GROUP BY customer_email
),
latest_product AS (
    SELECT product_sku, max(order_id) AS order_id FROM sheet.orders_export GROUP BY product_sku
)
SELECT DISTINCT 'customer' AS entity, e.customer_email AS entity_key, e.customer_name AS name,
       e.customer_city AS city, CAST(NULL AS DECIMAL(8, 2)) AS unit_price
FROM sheet.orders_export AS e
JOIN latest_customer AS c ON c.customer_email = e.customer_email AND c.order_id = e.order_id
UNION ALL
SELECT 'product', e.product_sku, e.product_name, NULL, e.unit_price
FROM sheet.orders_export AS e
JOIN latest_product AS p ON p.product_sku = e.product_sku AND p.order_id = e.order_id
ORDER BY entity, entity_key;
