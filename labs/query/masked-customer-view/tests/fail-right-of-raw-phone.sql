-- Wrong: keeps the last four characters of the phone as typed. A trailing space, a bracket or
-- a separator ends up in the "digits", and a too-short number is not reported as INVALID.
WITH c AS (SELECT *, trim(email) AS e FROM crm.customers)
SELECT customer_id,
       CASE WHEN e IS NULL THEN NULL
            WHEN length(e) - length(replace(e, '@', '')) = 1 AND NOT starts_with(e, '@') AND NOT ends_with(e, '@')
            THEN left(e, 1) || '***@' || lower(split_part(e, '@', 2))
            ELSE 'INVALID' END AS email_masked,
       '***' || right(phone, 4) AS phone_masked,
       country,
       signup_date
FROM c
ORDER BY customer_id;
