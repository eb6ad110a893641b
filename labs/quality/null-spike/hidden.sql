-- Hidden clean variant: a later run (Tuesday 2024-04-02 07:00, judging Monday 2024-04-01), more
-- signups per day, and a market where the country field is optional in the app: about a third
-- of all signups have no country. The judged day is a bit worse than usual, but by far less
-- than the agreed 20 points.
UPDATE ops.run_context SET as_of = TIMESTAMP '2024-04-02 07:00:00';

DELETE FROM shop.signups;

INSERT INTO shop.signups
WITH daily(day, n, first_hour, span_minutes) AS (
    VALUES
        (DATE '2024-03-22', 14, 7, 900),
        (DATE '2024-03-23', 12, 7, 900),
        (DATE '2024-03-24', 13, 7, 900),
        (DATE '2024-03-25', 16, 7, 900),
        (DATE '2024-03-26', 15, 7, 900),
        (DATE '2024-03-27', 17, 7, 900),
        (DATE '2024-03-28', 15, 7, 900),
        (DATE '2024-03-29', 16, 7, 900),
        (DATE '2024-03-30', 12, 7, 900),
        (DATE '2024-03-31', 13, 7, 900),
        (DATE '2024-04-01', 15, 7, 900),   -- the day the check judges
        (DATE '2024-04-02',  3, 0, 360)    -- Tuesday morning, still in progress
),
slots AS (
    SELECT day, n, first_hour, span_minutes, unnest(range(n)) AS i FROM daily
),
numbered AS (
    SELECT *, CAST(row_number() OVER (ORDER BY day, i) AS INTEGER) AS k FROM slots
)
SELECT
    8000 + k                                                        AS customer_id,
    day + INTERVAL 1 HOUR * first_hour + INTERVAL 1 MINUTE * (i * span_minutes // n + 3) AS signup_ts,
    CASE WHEN k % 26 = 11 THEN NULL ELSE 'member' || (8000 + k) || '@example.org' END     AS email,
    CASE WHEN k % 3 = 1 THEN NULL
         ELSE ['ES', 'PT', 'ES', 'FR', 'IT', 'ES', 'PT'][1 + (k * 3) % 7] END              AS country,
    CASE WHEN k % 4 = 0 THEN 'PROMO' || (k % 5) ELSE NULL END                              AS referral_code
FROM numbered;

-- Two more app signups without a country on the judged day.
UPDATE shop.signups SET country = NULL
WHERE customer_id IN (
    SELECT customer_id FROM shop.signups
    WHERE CAST(signup_ts AS DATE) = DATE '2024-04-01' AND country IS NOT NULL
    ORDER BY customer_id
    LIMIT 2
);
