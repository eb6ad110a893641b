-- Wrong: concat() treats NULL as an empty string, so a customer without an email gets '***@'
-- and one without a phone gets '***' instead of NULL. Malformed values are not handled either.
SELECT customer_id,
       concat(left(trim(email), 1), '***@', lower(split_part(trim(email), '@', 2))) AS email_masked,
       concat('***', right(regexp_replace(phone, '[^0-9]', '', 'g'), 4))           AS phone_masked,
       country,
       signup_date
FROM crm.customers
ORDER BY customer_id;
