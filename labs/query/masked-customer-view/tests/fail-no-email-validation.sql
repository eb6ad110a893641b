-- Wrong: masks every email without checking its shape. An address without '@' becomes
-- 'd***@', one with two '@' keeps only the middle part, '@example.com' becomes '@***@example.com'.
SELECT customer_id,
       left(trim(email), 1) || '***@' || lower(split_part(trim(email), '@', 2)) AS email_masked,
       CASE WHEN length(regexp_replace(phone, '[^0-9]', '', 'g')) >= 4
            THEN '***' || right(regexp_replace(phone, '[^0-9]', '', 'g'), 4)
            WHEN phone IS NOT NULL THEN 'INVALID'
       END AS phone_masked,
       country,
       signup_date
FROM crm.customers
ORDER BY customer_id;
