-- The geo-IP lookup that fills in missing countries timed out from 14:00 on the judged day (the
-- day before the run), and the enrichment step wrote NULL instead of keeping the value the user
-- typed.
UPDATE shop.signups SET country = NULL
WHERE signup_ts >= (SELECT CAST(as_of AS DATE) - 1 + INTERVAL 14 HOUR FROM ops.run_context)
  AND signup_ts <  (SELECT CAST(as_of AS DATE) FROM ops.run_context);
