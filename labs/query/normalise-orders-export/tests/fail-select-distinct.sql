-- Wrong: SELECT DISTINCT over the attribute columns. Every version of a customer or product that
-- ever appeared is a distinct combination, so customers who moved and products that were renamed
-- or repriced come out several times.
SELECT DISTINCT 'customer' AS entity, lower(trim(customer_email)) AS entity_key, customer_name AS name,
       customer_city AS city, CAST(NULL AS DECIMAL(8, 2)) AS unit_price
FROM sheet.orders_export
UNION ALL
SELECT DISTINCT 'product', product_sku, product_name, NULL, unit_price
FROM sheet.orders_export
ORDER BY entity, entity_key;
