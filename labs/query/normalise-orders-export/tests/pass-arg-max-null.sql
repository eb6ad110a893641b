-- Also correct: arg_max_null returns the value on the row with the highest order_id even when
-- that value is NULL. Ties cannot happen: an order_id carries one set of customer values, and one
-- line per product.
WITH lines AS (
    SELECT *, lower(trim(customer_email)) AS email_key FROM sheet.orders_export
)
SELECT 'customer' AS entity, email_key AS entity_key,
       arg_max_null(customer_name, order_id) AS name,
       arg_max_null(customer_city, order_id) AS city,
       NULL AS unit_price
FROM lines GROUP BY email_key
UNION ALL
SELECT 'product', product_sku, arg_max_null(product_name, order_id), NULL, arg_max_null(unit_price, order_id)
FROM lines GROUP BY product_sku
ORDER BY entity, entity_key;
