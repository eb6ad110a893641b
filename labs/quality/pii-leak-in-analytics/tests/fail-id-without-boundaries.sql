-- Wrong: searches for 6 digits, a hyphen and 7 digits anywhere. The order references
-- (ORD-20240315-0012345) contain exactly that shape inside a longer run of digits, so the check
-- fires on every clean night.
SELECT ticket_id FROM analytics.support_tickets
WHERE regexp_matches(subject, '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}')
   OR regexp_matches(message, '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}');

SELECT ticket_id FROM analytics.support_tickets
WHERE contact_phone IS NOT NULL
  AND NOT regexp_full_match(contact_phone, '\*\*\*-\*\*\*\*-[0-9]{4}');

SELECT ticket_id FROM analytics.support_tickets
WHERE regexp_matches(subject, '[0-9]{6}-[0-9]{7}') OR regexp_matches(message, '[0-9]{6}-[0-9]{7}');
