-- Distribution shift: visible dataset.
-- The daily check runs on Monday 2024-03-18 at 06:00 and judges Sunday 2024-03-17 against the
-- 7 days before it. Amounts are in euros. Orders from Monday morning are already loaded.

CREATE SCHEMA ops;
CREATE SCHEMA shop;

CREATE TABLE ops.run_context (as_of TIMESTAMP NOT NULL);
INSERT INTO ops.run_context VALUES (TIMESTAMP '2024-03-18 06:00:00');

CREATE TABLE shop.orders (
    order_id    INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL,
    order_ts    TIMESTAMP NOT NULL,
    amount_eur  DECIMAL(10,2) NOT NULL,
    device      VARCHAR NOT NULL      -- 'mobile', 'desktop' or 'tablet'
);

INSERT INTO shop.orders
WITH daily(day, n, first_hour, span_minutes, base_amount) AS (
    VALUES
        (DATE '2024-03-10', 14, 8, 840, 18),
        (DATE '2024-03-11', 15, 8, 840, 15),
        (DATE '2024-03-12', 16, 8, 840, 16),
        (DATE '2024-03-13', 15, 8, 840, 14),
        (DATE '2024-03-14', 17, 8, 840, 15),
        (DATE '2024-03-15', 18, 8, 840, 17),
        (DATE '2024-03-16', 14, 8, 840, 21),
        (DATE '2024-03-17', 13, 8, 840, 26),   -- the day the check judges
        (DATE '2024-03-18',  2, 1, 240, 40)    -- Monday morning, still in progress
),
slots AS (
    SELECT *, unnest(range(n)) AS i FROM daily
),
numbered AS (
    SELECT *, CAST(row_number() OVER (ORDER BY day, i) AS INTEGER) AS k FROM slots
)
SELECT
    60000 + k                                                             AS order_id,
    500 + (k * 11) % 97                                                   AS customer_id,
    day + INTERVAL 1 HOUR * first_hour + INTERVAL 1 MINUTE * (i * span_minutes // n + 4) AS order_ts,
    CAST(base_amount + (k * 37) % 83 + ((k * 19) % 100) / 100.0 AS DECIMAL(10,2)) AS amount_eur,
    CASE
        WHEN (k * 7) % 20 < 10 THEN 'mobile'
        WHEN (k * 7) % 20 < 17 THEN 'desktop'
        ELSE 'tablet'
    END                                                                   AS device
FROM numbered;
