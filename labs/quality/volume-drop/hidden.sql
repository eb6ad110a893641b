-- Hidden clean variant: another run, on Thursday 2024-03-14 at 06:00, judging Wednesday
-- 2024-03-13. Volumes are higher, and that Wednesday was a quiet day (about 70% of the
-- trailing average) but well above the agreed alert threshold.
UPDATE ops.run_context SET as_of = TIMESTAMP '2024-03-14 06:00:00';

DELETE FROM shop.orders;

INSERT INTO shop.orders
WITH daily(day, n, first_hour, span_minutes) AS (
    VALUES
        (DATE '2024-03-01', 20, 7, 900),
        (DATE '2024-03-02', 15, 7, 900),
        (DATE '2024-03-03', 12, 7, 900),
        (DATE '2024-03-04', 19, 7, 900),
        (DATE '2024-03-05', 21, 7, 900),
        (DATE '2024-03-06', 22, 7, 900),
        (DATE '2024-03-07', 20, 7, 900),
        (DATE '2024-03-08', 24, 7, 900),
        (DATE '2024-03-09', 16, 7, 900),
        (DATE '2024-03-10', 13, 7, 900),
        (DATE '2024-03-11', 22, 7, 900),
        (DATE '2024-03-12', 23, 7, 900),
        (DATE '2024-03-13', 14, 7, 900),   -- the day the check judges: quiet, not broken
        (DATE '2024-03-14',  3, 0, 300)    -- Thursday morning, still in progress
),
slots AS (
    SELECT day, n, first_hour, span_minutes, unnest(range(n)) AS i FROM daily
)
SELECT
    CAST(row_number() OVER (ORDER BY day, i) AS INTEGER) + 70000                AS order_id,
    CAST(100 + (i * 13 + day_of_month) % 53 AS INTEGER)                          AS customer_id,
    day + INTERVAL 1 HOUR * first_hour + INTERVAL 30 MINUTES
        + INTERVAL 1 MINUTE * (i * span_minutes // n)                            AS order_ts,
    CAST(18 + (i * 31 + day_of_month * 5) % 90 + 0.50 AS DECIMAL(10,2))          AS amount
FROM (SELECT *, CAST(dayofmonth(day) AS BIGINT) AS day_of_month FROM slots) AS s;
