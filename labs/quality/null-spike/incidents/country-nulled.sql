-- The geo-IP lookup that fills in missing countries timed out from Sunday 14:00 onwards,
-- and the enrichment step wrote NULL instead of keeping the value the user typed.
UPDATE shop.signups SET country = NULL
WHERE signup_ts >= TIMESTAMP '2024-03-17 14:00:00'
  AND signup_ts <  TIMESTAMP '2024-03-18 00:00:00';
