-- Uses a fixed NULL-rate limit of 30% for the judged day instead of comparing with the baseline:
-- quiet here, but wrong for a market where a third of the signups never have a country.
WITH p AS (SELECT CAST(as_of AS DATE) - 1 AS d FROM ops.run_context)
SELECT 'null spike'
FROM shop.signups AS s, p
WHERE CAST(s.signup_ts AS DATE) = p.d
HAVING 1.0 - count(s.email) / count(*) > 0.30
    OR 1.0 - count(s.country) / count(*) > 0.30;
