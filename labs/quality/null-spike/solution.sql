-- Check: for each key column (email, country), the NULL rate of the judged day (the day before
-- as_of) is more than 20 percentage points above its NULL rate over the 7 days before it.
-- Rates are shares of rows (NULLs / rows), pooled over the whole baseline window.
WITH params AS (
    SELECT CAST(as_of AS DATE) - 1 AS check_day FROM ops.run_context
),
observations AS (
    SELECT
        k.column_name,
        CAST(s.signup_ts AS DATE) AS day,
        CASE k.column_name
            WHEN 'email'   THEN s.email IS NULL
            WHEN 'country' THEN s.country IS NULL
        END AS is_null
    FROM shop.signups AS s
    CROSS JOIN (VALUES ('email'), ('country')) AS k(column_name)
),
rates AS (
    SELECT
        o.column_name,
        avg(CASE WHEN o.is_null THEN 1.0 ELSE 0.0 END)
            FILTER (WHERE o.day = p.check_day)                                  AS null_rate_day,
        avg(CASE WHEN o.is_null THEN 1.0 ELSE 0.0 END)
            FILTER (WHERE o.day BETWEEN p.check_day - 7 AND p.check_day - 1)    AS null_rate_baseline
    FROM observations AS o
    CROSS JOIN params AS p
    GROUP BY o.column_name
)
SELECT column_name, round(null_rate_day, 3) AS null_rate_day, round(null_rate_baseline, 3) AS null_rate_baseline
FROM rates
WHERE null_rate_day > null_rate_baseline + 0.20;
