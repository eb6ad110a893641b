-- Wrong, and easy to miss: arg_max(value, order_id) in DuckDB ignores rows where the value is
-- NULL. A customer who removed their city on their last order gets the city of an older order back.
-- (arg_max_null keeps the NULL.)
WITH lines AS (
    SELECT *, lower(trim(customer_email)) AS email_key FROM sheet.orders_export
)
SELECT 'customer' AS entity, email_key AS entity_key,
       arg_max(customer_name, order_id) AS name, arg_max(customer_city, order_id) AS city,
       CAST(NULL AS DECIMAL(8, 2)) AS unit_price
FROM lines GROUP BY email_key
UNION ALL
SELECT 'product', product_sku, arg_max(product_name, order_id), NULL, arg_max(unit_price, order_id)
FROM lines GROUP BY product_sku
ORDER BY entity, entity_key;
