-- Hidden dataset: a gap gets filled (two periods merge), a new customer with duplicate
-- rows on the edges of a period, and a single day written three times.
INSERT INTO billing.daily_activity
SELECT 501, CAST(d AS DATE), 'pro'
FROM generate_series(DATE '2024-01-16', DATE '2024-01-19', INTERVAL 1 DAY) AS g(d);

INSERT INTO billing.daily_activity
SELECT 506, CAST(d AS DATE), 'basic'
FROM generate_series(DATE '2024-02-10', DATE '2024-02-14', INTERVAL 1 DAY) AS g(d);

INSERT INTO billing.daily_activity VALUES
    (506, DATE '2024-02-10', 'basic'),
    (506, DATE '2024-02-14', 'pro'),
    (506, DATE '2024-02-16', 'pro'),
    (506, DATE '2024-02-16', 'pro'),
    (506, DATE '2024-02-16', 'basic');

-- 502 loses its single day
DELETE FROM billing.daily_activity WHERE customer_id = 502 AND activity_date = DATE '2024-01-05';
