-- Correct too: a regular expression checks the shape ("one or more non-@, one @, one or more
-- non-@") and extracts the parts.
SELECT customer_id,
       CASE
           WHEN regexp_full_match(trim(email), '[^@]+@[^@]+')
           THEN regexp_extract(trim(email), '^(.)', 1) || '***@' || lower(regexp_extract(trim(email), '@(.*)$', 1))
           WHEN email IS NOT NULL THEN 'INVALID'
       END AS email_masked,
       CASE
           WHEN phone IS NULL THEN NULL
           WHEN length(regexp_replace(phone, '\D', '', 'g')) < 4 THEN 'INVALID'
           ELSE '***' || regexp_extract(regexp_replace(phone, '\D', '', 'g'), '(\d{4})$', 1)
       END AS phone_masked,
       country,
       signup_date
FROM crm.customers
ORDER BY customer_id;
