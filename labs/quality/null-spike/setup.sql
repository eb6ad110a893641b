-- Null spike: visible dataset.
-- The daily check runs on Monday 2024-03-18 at 06:00 and judges Sunday 2024-03-17.
-- Some visitors never give their country (the field is optional in one signup form), a few
-- guest signups come without an email; referral_code is optional and mostly empty.

CREATE SCHEMA ops;
CREATE SCHEMA shop;

CREATE TABLE ops.run_context (as_of TIMESTAMP NOT NULL);
INSERT INTO ops.run_context VALUES (TIMESTAMP '2024-03-18 06:00:00');

CREATE TABLE shop.signups (
    customer_id   INTEGER PRIMARY KEY,
    signup_ts     TIMESTAMP NOT NULL,
    email         VARCHAR,
    country       VARCHAR,
    referral_code VARCHAR
);

INSERT INTO shop.signups
WITH daily(day, n, first_hour, span_minutes) AS (
    VALUES
        (DATE '2024-03-10',  9, 8, 840),
        (DATE '2024-03-11', 11, 8, 840),
        (DATE '2024-03-12', 10, 8, 840),
        (DATE '2024-03-13', 12, 8, 840),
        (DATE '2024-03-14', 10, 8, 840),
        (DATE '2024-03-15', 11, 8, 840),
        (DATE '2024-03-16',  9, 8, 840),
        (DATE '2024-03-17', 10, 8, 840),   -- the day the check judges
        (DATE '2024-03-18',  2, 1, 240)    -- Monday morning, still in progress
),
slots AS (
    SELECT day, n, first_hour, span_minutes, unnest(range(n)) AS i FROM daily
),
numbered AS (
    SELECT *, CAST(row_number() OVER (ORDER BY day, i) AS INTEGER) AS k FROM slots
)
SELECT
    3000 + k                                                        AS customer_id,
    day + INTERVAL 1 HOUR * first_hour + INTERVAL 1 MINUTE * (i * span_minutes // n + 7) AS signup_ts,
    CASE WHEN k % 23 = 4 THEN NULL ELSE 'user' || (3000 + k) || '@example.com' END       AS email,
    CASE WHEN k % 8 = 3 THEN NULL
         ELSE ['DE', 'FR', 'ES', 'IT', 'NL', 'PL', 'DE', 'FR', 'BE'][1 + (k * 5) % 9] END AS country,
    CASE WHEN k % 5 = 2 THEN 'FRIEND' || (k % 7) ELSE NULL END                             AS referral_code
FROM numbered;
