-- Another correct formulation: one check per column with counts over explicit time ranges.
WITH p AS (SELECT CAST(as_of AS DATE) - 1 AS d FROM ops.run_context),
day_rows AS (
    SELECT s.* FROM shop.signups AS s, p
    WHERE s.signup_ts >= p.d AND s.signup_ts < p.d + 1
),
base_rows AS (
    SELECT s.* FROM shop.signups AS s, p
    WHERE s.signup_ts >= p.d - 7 AND s.signup_ts < p.d
)
SELECT 'email'
FROM (SELECT 1.0 - count(email) / count(*) AS r FROM day_rows) AS d,
     (SELECT 1.0 - count(email) / count(*) AS r FROM base_rows) AS b
WHERE d.r - b.r > 0.20;

WITH p AS (SELECT CAST(as_of AS DATE) - 1 AS d FROM ops.run_context),
day_rows AS (
    SELECT s.* FROM shop.signups AS s, p
    WHERE s.signup_ts >= p.d AND s.signup_ts < p.d + 1
),
base_rows AS (
    SELECT s.* FROM shop.signups AS s, p
    WHERE s.signup_ts >= p.d - 7 AND s.signup_ts < p.d
)
SELECT 'country'
FROM (SELECT 1.0 - count(country) / count(*) AS r FROM day_rows) AS d,
     (SELECT 1.0 - count(country) / count(*) AS r FROM base_rows) AS b
WHERE d.r - b.r > 0.20;
