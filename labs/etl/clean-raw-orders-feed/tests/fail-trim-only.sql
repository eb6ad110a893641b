-- Wrong: trims everything but keeps the case as sent and keeps empty strings,
-- so 'Shipped', 'canceled' and '' reach the clean table.
INSERT INTO clean.orders
SELECT
    TRY_CAST(trim(order_id) AS INTEGER),
    trim(customer_email),
    trim(status),
    TRY_CAST(trim(amount) AS DECIMAL(10, 2)),
    CAST(try_strptime(trim(order_date), ['%Y-%m-%d', '%d/%m/%Y', '%Y%m%d']) AS DATE),
    trim(country_code)
FROM raw.orders_feed
WHERE TRY_CAST(trim(order_id) AS INTEGER) IS NOT NULL;
