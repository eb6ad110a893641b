-- Visible dataset: one row per customer per day on which the subscription was active.
CREATE SCHEMA billing;

CREATE TABLE billing.daily_activity (
    customer_id    INTEGER NOT NULL,
    activity_date  DATE NOT NULL,
    plan           VARCHAR NOT NULL     -- basic or pro
);

-- Expand readable runs (customer, first day, last day, plan) into daily rows.
INSERT INTO billing.daily_activity
SELECT customer_id, CAST(d AS DATE), plan
FROM (VALUES
        (501, DATE '2024-01-01', DATE '2024-01-10', 'basic'),
        (501, DATE '2024-01-11', DATE '2024-01-15', 'pro'),     -- upgrade, no break
        (501, DATE '2024-01-20', DATE '2024-01-22', 'pro'),
        (502, DATE '2024-01-05', DATE '2024-01-05', 'basic'),
        (502, DATE '2024-01-07', DATE '2024-01-09', 'basic'),
        (503, DATE '2024-01-30', DATE '2024-02-02', 'pro'),
        (503, DATE '2024-02-28', DATE '2024-03-01', 'pro'),     -- leap day inside
        (504, DATE '2024-01-03', DATE '2024-01-08', 'basic'),
        (505, DATE '2023-12-30', DATE '2024-01-02', 'basic')    -- across the new year
     ) AS runs(customer_id, first_day, last_day, plan),
     generate_series(first_day, last_day, INTERVAL 1 DAY) AS g(d);

-- The loader sometimes writes a day twice (plan changes are logged as an extra row).
INSERT INTO billing.daily_activity VALUES
    (504, DATE '2024-01-05', 'pro'),
    (504, DATE '2024-01-06', 'basic');
