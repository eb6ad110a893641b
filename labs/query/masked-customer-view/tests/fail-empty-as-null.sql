-- Wrong: turns empty and blank values into NULL with nullif(trim(...), ''), so the analysts
-- can no longer tell a missing value from a malformed one. The rules say '' is INVALID.
WITH c AS (
    SELECT customer_id, nullif(trim(email), '') AS e,
           nullif(regexp_replace(phone, '[^0-9]', '', 'g'), '') AS digits,
           nullif(trim(phone), '') AS p,
           country, signup_date
    FROM crm.customers
)
SELECT customer_id,
       CASE WHEN e IS NULL THEN NULL
            WHEN length(e) - length(replace(e, '@', '')) = 1 AND NOT starts_with(e, '@') AND NOT ends_with(e, '@')
            THEN left(e, 1) || '***@' || lower(split_part(e, '@', 2))
            ELSE 'INVALID' END AS email_masked,
       CASE WHEN p IS NULL THEN NULL
            WHEN length(digits) >= 4 THEN '***' || right(digits, 4)
            ELSE 'INVALID' END AS phone_masked,
       country,
       signup_date
FROM c
ORDER BY customer_id;
