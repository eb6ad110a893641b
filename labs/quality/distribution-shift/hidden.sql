-- Hidden clean variant: a later run (Tuesday 2024-04-09 06:00, judging Monday 2024-04-08) with
-- more orders, larger baskets, a desktop-heavy device mix, a judged day with bigger baskets than
-- usual (still within 30%), and the first order ever placed from a smart TV app.
UPDATE ops.run_context SET as_of = TIMESTAMP '2024-04-09 06:00:00';

DELETE FROM shop.orders;

INSERT INTO shop.orders
WITH daily(day, n, first_hour, span_minutes, base_amount) AS (
    VALUES
        (DATE '2024-03-26', 21, 7, 900, 40),
        (DATE '2024-03-27', 19, 7, 900, 38),
        (DATE '2024-03-28', 22, 7, 900, 41),
        (DATE '2024-03-29', 24, 7, 900, 44),
        (DATE '2024-03-30', 17, 7, 900, 47),
        (DATE '2024-03-31', 16, 7, 900, 49),
        (DATE '2024-04-01', 20, 7, 900, 39),
        (DATE '2024-04-02', 23, 7, 900, 40),
        (DATE '2024-04-03', 21, 7, 900, 42),
        (DATE '2024-04-04', 22, 7, 900, 41),
        (DATE '2024-04-05', 25, 7, 900, 45),
        (DATE '2024-04-06', 18, 7, 900, 48),
        (DATE '2024-04-07', 16, 7, 900, 50),
        (DATE '2024-04-08', 21, 7, 900, 64),   -- the day the check judges
        (DATE '2024-04-09',  4, 0, 330, 30)    -- Tuesday morning, still in progress
),
slots AS (
    SELECT *, unnest(range(n)) AS i FROM daily
),
numbered AS (
    SELECT *, CAST(row_number() OVER (ORDER BY day, i) AS INTEGER) AS k FROM slots
)
SELECT
    80000 + k                                                             AS order_id,
    900 + (k * 13) % 211                                                  AS customer_id,
    day + INTERVAL 1 HOUR * first_hour + INTERVAL 1 MINUTE * (i * span_minutes // n + 2) AS order_ts,
    CAST(base_amount + (k * 41) % 97 + ((k * 23) % 100) / 100.0 AS DECIMAL(10,2)) AS amount_eur,
    CASE
        WHEN (k * 3) % 10 < 3 THEN 'mobile'
        WHEN (k * 3) % 10 < 9 THEN 'desktop'
        ELSE 'tablet'
    END                                                                   AS device
FROM numbered;

-- A few more mobile orders than usual on the judged day, and one from the new smart TV app.
UPDATE shop.orders SET device = 'mobile'
WHERE order_id IN (
    SELECT order_id FROM shop.orders
    WHERE CAST(order_ts AS DATE) = DATE '2024-04-08' AND device = 'desktop'
    ORDER BY order_id LIMIT 2
);
UPDATE shop.orders SET device = 'smart_tv'
WHERE order_id = (
    SELECT max(order_id) FROM shop.orders
    WHERE CAST(order_ts AS DATE) = DATE '2024-04-08' AND device = 'desktop'
);
