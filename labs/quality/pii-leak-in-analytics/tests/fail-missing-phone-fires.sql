-- Wrong: treats a missing phone number as a masking failure. Many customers never give a
-- number; a NULL contact_phone is exactly what a safe table looks like.
SELECT ticket_id FROM analytics.support_tickets
WHERE regexp_matches(subject, '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}')
   OR regexp_matches(message, '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}');

SELECT ticket_id FROM analytics.support_tickets
WHERE contact_phone IS NULL
   OR NOT regexp_full_match(contact_phone, '\*\*\*-\*\*\*\*-[0-9]{4}');

SELECT ticket_id FROM analytics.support_tickets
WHERE regexp_matches(subject, '(^|[^0-9])[0-9]{6}-[0-9]{7}([^0-9]|$)')
   OR regexp_matches(message, '(^|[^0-9])[0-9]{6}-[0-9]{7}([^0-9]|$)');
