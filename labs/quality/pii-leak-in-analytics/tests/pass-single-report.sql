-- Also correct: one check that lists every problem found, one row per ticket and problem. The
-- phone rule is written as "has more than four digits, or is not in the mask format".
WITH t AS (
    SELECT ticket_id, contact_phone, subject || ' ' || message AS free_text
    FROM analytics.support_tickets
)
SELECT ticket_id, 'email' AS problem FROM t
WHERE regexp_matches(free_text, '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}')
UNION ALL
SELECT ticket_id, 'phone' FROM t
WHERE length(regexp_replace(contact_phone, '[^0-9]', '', 'g')) > 4
   OR contact_phone NOT LIKE '***-****-____'
UNION ALL
SELECT ticket_id, 'national id' FROM t
WHERE regexp_matches(free_text, '(^|[^0-9])[0-9]{6}-[0-9]{7}([^0-9]|$)');
