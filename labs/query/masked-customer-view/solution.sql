-- Reference: trim, validate the shape of the email (exactly one '@' with text on both sides),
-- keep the first character and the lower-cased domain; reduce the phone to its digits and keep
-- the last four. NULL stays NULL because every expression of a NULL input is NULL.
WITH c AS (
    SELECT customer_id,
           trim(email)                                  AS e,
           regexp_replace(phone, '[^0-9]', '', 'g')     AS digits,
           country,
           signup_date
    FROM crm.customers
)
SELECT
    customer_id,
    CASE
        WHEN e IS NULL THEN NULL
        WHEN length(e) - length(replace(e, '@', '')) = 1
         AND NOT starts_with(e, '@')
         AND NOT ends_with(e, '@')
        THEN left(e, 1) || '***@' || lower(split_part(e, '@', 2))
        ELSE 'INVALID'
    END                                                 AS email_masked,
    CASE
        WHEN digits IS NULL THEN NULL
        WHEN length(digits) >= 4 THEN '***' || right(digits, 4)
        ELSE 'INVALID'
    END                                                 AS phone_masked,
    country,
    signup_date
FROM c
ORDER BY customer_id;
