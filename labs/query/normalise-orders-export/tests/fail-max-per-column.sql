-- Wrong: one row per key, but each column takes its own max(). The maximum of a text column is
-- the alphabetically last value, not the latest one, so attributes from different orders get mixed
-- (Benjamin Okafor with the Abuja of a later order), and max() skips the NULL city a customer
-- chose on their last order.
SELECT 'customer' AS entity, lower(trim(customer_email)) AS entity_key, max(customer_name) AS name,
       max(customer_city) AS city, CAST(NULL AS DECIMAL(8, 2)) AS unit_price
FROM sheet.orders_export
GROUP BY lower(trim(customer_email))
UNION ALL
SELECT 'product', product_sku, max(product_name), NULL, max(unit_price)
FROM sheet.orders_export
GROUP BY product_sku
ORDER BY entity, entity_key;
