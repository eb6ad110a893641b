-- Fires when the judged day's NULL rate is more than twice the baseline rate. On a column that
-- is almost never NULL, a single guest signup doubles the rate.
WITH p AS (SELECT CAST(as_of AS DATE) - 1 AS d FROM ops.run_context),
r AS (
    SELECT
        avg(CASE WHEN email IS NULL THEN 1.0 ELSE 0.0 END) FILTER (WHERE CAST(signup_ts AS DATE) = p.d) AS email_day,
        avg(CASE WHEN email IS NULL THEN 1.0 ELSE 0.0 END) FILTER (WHERE CAST(signup_ts AS DATE) BETWEEN p.d - 7 AND p.d - 1) AS email_base,
        avg(CASE WHEN country IS NULL THEN 1.0 ELSE 0.0 END) FILTER (WHERE CAST(signup_ts AS DATE) = p.d) AS country_day,
        avg(CASE WHEN country IS NULL THEN 1.0 ELSE 0.0 END) FILTER (WHERE CAST(signup_ts AS DATE) BETWEEN p.d - 7 AND p.d - 1) AS country_base
    FROM shop.signups, p
    GROUP BY p.d
)
SELECT * FROM r WHERE email_day > 2 * email_base OR country_day > 2 * country_base;
