-- Check 1: no email address in the free-text columns. An address needs something before the @
-- and a domain with a dot after it, so @shop_help and the [email] placeholder do not count.
SELECT ticket_id, 'email address in free text' AS problem
FROM analytics.support_tickets
WHERE regexp_matches(subject, '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}')
   OR regexp_matches(message, '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}');

-- Check 2: a contact phone is either absent or masked down to its last four digits.
SELECT ticket_id, contact_phone, 'phone number not masked' AS problem
FROM analytics.support_tickets
WHERE contact_phone IS NOT NULL
  AND NOT regexp_full_match(contact_phone, '\*\*\*-\*\*\*\*-[0-9]{4}');

-- Check 3: no resident-registration-number-like pattern (6 digits, a hyphen, 7 digits) standing on
-- its own. The digits around it must not be digits, so order references such as
-- ORD-20240315-0012345 do not match.
SELECT ticket_id, 'national id pattern in free text' AS problem
FROM analytics.support_tickets
WHERE regexp_matches(subject, '(^|[^0-9])[0-9]{6}-[0-9]{7}([^0-9]|$)')
   OR regexp_matches(message, '(^|[^0-9])[0-9]{6}-[0-9]{7}([^0-9]|$)');
