-- Wrong: validates and masks the email as stored, without trimming it or lower-casing the
-- domain: ' jiho.park@...' keeps a space as its first character and the domains keep their capitals.
SELECT customer_id,
       CASE WHEN email IS NULL THEN NULL
            WHEN length(email) - length(replace(email, '@', '')) = 1 AND NOT starts_with(email, '@') AND NOT ends_with(email, '@')
            THEN left(email, 1) || '***@' || split_part(email, '@', 2)
            ELSE 'INVALID' END AS email_masked,
       CASE WHEN phone IS NULL THEN NULL
            WHEN length(regexp_replace(phone, '[^0-9]', '', 'g')) >= 4
            THEN '***' || right(regexp_replace(phone, '[^0-9]', '', 'g'), 4)
            ELSE 'INVALID' END AS phone_masked,
       country,
       signup_date
FROM crm.customers
ORDER BY customer_id;
