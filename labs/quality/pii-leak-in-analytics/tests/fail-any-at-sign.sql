-- Wrong: treats any @ as an email address. Clean tickets mention the @shop_help account and
-- "meet @ the pickup point", so the check blocks every night's load.
SELECT ticket_id FROM analytics.support_tickets
WHERE subject LIKE '%@%' OR message LIKE '%@%';

SELECT ticket_id FROM analytics.support_tickets
WHERE contact_phone IS NOT NULL
  AND NOT regexp_full_match(contact_phone, '\*\*\*-\*\*\*\*-[0-9]{4}');

SELECT ticket_id FROM analytics.support_tickets
WHERE regexp_matches(subject || ' ' || message, '(^|[^0-9])[0-9]{6}-[0-9]{7}([^0-9]|$)');
