-- Also correct: a staging CTE, then one parse attempt per accepted date format.
INSERT INTO clean.orders (order_id, customer_email, status, amount, order_date, country_code)
WITH t AS (
    SELECT
        trim(order_id)       AS id_txt,
        trim(customer_email) AS email_txt,
        lower(trim(status))  AS status_txt,
        trim(amount)         AS amount_txt,
        trim(order_date)     AS date_txt,
        trim(country_code)   AS country_txt
    FROM raw.orders_feed
)
SELECT
    TRY_CAST(id_txt AS INTEGER),
    CASE WHEN email_txt = '' THEN NULL ELSE lower(email_txt) END,
    replace(status_txt, 'canceled', 'cancelled'),
    TRY_CAST(amount_txt AS DECIMAL(10, 2)),
    coalesce(
        TRY_CAST(date_txt AS DATE),
        CAST(try_strptime(date_txt, '%d/%m/%Y') AS DATE),
        CAST(try_strptime(date_txt, '%Y%m%d') AS DATE)
    ),
    CASE WHEN country_txt = '' THEN NULL ELSE upper(country_txt) END
FROM t
WHERE regexp_full_match(id_txt, '[0-9]+');
