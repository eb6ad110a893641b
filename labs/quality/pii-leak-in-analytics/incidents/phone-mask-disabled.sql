-- A config change switched the phone masking step off for the last 24 hours of tickets: their
-- contact_phone holds the full mobile number again.
UPDATE analytics.support_tickets
SET contact_phone = '010-' || lpad(CAST((ticket_id * 7919) % 10000 AS VARCHAR), 4, '0') || '-' || right(contact_phone, 4)
WHERE contact_phone IS NOT NULL
  AND created_at > (SELECT max(created_at) - INTERVAL 24 HOURS FROM analytics.support_tickets);
