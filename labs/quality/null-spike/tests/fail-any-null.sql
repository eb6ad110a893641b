-- Fires on any NULL email or country on the judged day. Some visitors never give their country,
-- so this pages someone every single morning.
SELECT s.*
FROM shop.signups AS s, ops.run_context AS rc
WHERE CAST(s.signup_ts AS DATE) = CAST(rc.as_of AS DATE) - 1
  AND (s.email IS NULL OR s.country IS NULL);
