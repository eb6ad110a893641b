-- A front-end release on Sunday at 11:00 broke the binding of the email field: from then on
-- every signup was stored without an email.
UPDATE shop.signups SET email = NULL
WHERE signup_ts >= TIMESTAMP '2024-03-17 11:00:00'
  AND signup_ts <  TIMESTAMP '2024-03-18 00:00:00';
