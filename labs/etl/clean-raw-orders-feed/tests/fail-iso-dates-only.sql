-- Wrong: TRY_CAST to DATE only understands the ISO format, so every
-- DD/MM/YYYY and YYYYMMDD date silently becomes NULL.
INSERT INTO clean.orders
SELECT
    TRY_CAST(trim(order_id) AS INTEGER),
    nullif(lower(trim(customer_email)), ''),
    CASE lower(trim(status)) WHEN 'canceled' THEN 'cancelled' ELSE lower(trim(status)) END,
    TRY_CAST(trim(amount) AS DECIMAL(10, 2)),
    TRY_CAST(trim(order_date) AS DATE),
    nullif(upper(trim(country_code)), '')
FROM raw.orders_feed
WHERE TRY_CAST(trim(order_id) AS INTEGER) IS NOT NULL;
