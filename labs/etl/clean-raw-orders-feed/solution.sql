-- Reference: one typed row per feed row that carries a usable order id.
INSERT INTO clean.orders
SELECT
    TRY_CAST(trim(order_id) AS INTEGER)                              AS order_id,
    nullif(lower(trim(customer_email)), '')                          AS customer_email,
    CASE lower(trim(status)) WHEN 'canceled' THEN 'cancelled'
                             ELSE lower(trim(status)) END            AS status,
    TRY_CAST(trim(amount) AS DECIMAL(10, 2))                         AS amount,
    CAST(try_strptime(trim(order_date), ['%Y-%m-%d', '%d/%m/%Y', '%Y%m%d']) AS DATE)
                                                                     AS order_date,
    nullif(upper(trim(country_code)), '')                            AS country_code
FROM raw.orders_feed
WHERE TRY_CAST(trim(order_id) AS INTEGER) IS NOT NULL;
