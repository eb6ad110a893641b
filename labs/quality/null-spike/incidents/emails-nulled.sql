-- A front-end release at 11:00 on the judged day broke the binding of the email field: from
-- then on every signup was stored without an email.
UPDATE shop.signups SET email = NULL
WHERE signup_ts >= (SELECT CAST(as_of AS DATE) - 1 + INTERVAL 11 HOUR FROM ops.run_context)
  AND signup_ts <  (SELECT CAST(as_of AS DATE) FROM ops.run_context);
