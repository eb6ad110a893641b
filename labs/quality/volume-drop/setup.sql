-- Volume drop: visible dataset.
-- The daily check runs on Monday 2024-03-18 at 06:00 and judges Sunday 2024-03-17, the last
-- complete day. Weekends are naturally quieter than weekdays. The orders of Monday morning
-- (before 06:00) are already in the table.

CREATE SCHEMA ops;
CREATE SCHEMA shop;

CREATE TABLE ops.run_context (as_of TIMESTAMP NOT NULL);
INSERT INTO ops.run_context VALUES (TIMESTAMP '2024-03-18 06:00:00');

CREATE TABLE shop.orders (
    order_id    INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL,
    order_ts    TIMESTAMP NOT NULL,
    amount      DECIMAL(10,2) NOT NULL
);

-- n orders per day, spread between 07:00 and 22:00 (the Monday ones between 00:30 and 05:30).
INSERT INTO shop.orders
WITH daily(day, n, first_hour, span_minutes) AS (
    VALUES
        (DATE '2024-03-10',  7, 7, 900),   -- Sunday
        (DATE '2024-03-11', 11, 7, 900),
        (DATE '2024-03-12', 12, 7, 900),
        (DATE '2024-03-13', 13, 7, 900),
        (DATE '2024-03-14', 12, 7, 900),
        (DATE '2024-03-15', 14, 7, 900),
        (DATE '2024-03-16',  9, 7, 900),   -- Saturday
        (DATE '2024-03-17',  8, 7, 900),   -- Sunday: the day the check judges
        (DATE '2024-03-18',  2, 0, 300)    -- Monday morning, still in progress
),
slots AS (
    SELECT day, n, first_hour, span_minutes, unnest(range(n)) AS i FROM daily
)
SELECT
    CAST(row_number() OVER (ORDER BY day, i) AS INTEGER) + 40000                AS order_id,
    CAST(100 + (i * 17 + day_of_month) % 41 AS INTEGER)                          AS customer_id,
    day + INTERVAL 1 HOUR * first_hour + INTERVAL 30 MINUTES
        + INTERVAL 1 MINUTE * (i * span_minutes // n)                            AS order_ts,
    CAST(15 + (i * 29 + day_of_month * 7) % 80 + 0.90 AS DECIMAL(10,2))          AS amount
FROM (SELECT *, CAST(dayofmonth(day) AS BIGINT) AS day_of_month FROM slots) AS s;
