-- Wrong: looks for addresses in the message body only, where the scrubber works. A leak through
-- the subject line goes unnoticed.
SELECT ticket_id FROM analytics.support_tickets
WHERE regexp_matches(message, '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}');

SELECT ticket_id FROM analytics.support_tickets
WHERE contact_phone IS NOT NULL
  AND NOT regexp_full_match(contact_phone, '\*\*\*-\*\*\*\*-[0-9]{4}');

SELECT ticket_id FROM analytics.support_tickets
WHERE regexp_matches(message, '(^|[^0-9])[0-9]{6}-[0-9]{7}([^0-9]|$)');
