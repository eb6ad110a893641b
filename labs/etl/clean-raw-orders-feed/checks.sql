-- check: clean.orders has a text value with leading or trailing spaces
SELECT order_id FROM clean.orders
WHERE customer_email <> trim(customer_email)
   OR status <> trim(status)
   OR country_code <> trim(country_code);

-- check: clean.orders has an empty string where NULL is expected
SELECT order_id FROM clean.orders
WHERE customer_email = '' OR country_code = '' OR status = '';

-- check: a status is missing or outside pending, paid, shipped, delivered, cancelled
SELECT order_id, status FROM clean.orders
WHERE status IS NULL
   OR status NOT IN ('pending', 'paid', 'shipped', 'delivered', 'cancelled');

-- check: an e-mail is not lower case or a country code is not upper case
SELECT order_id FROM clean.orders
WHERE customer_email <> lower(customer_email)
   OR country_code <> upper(country_code);

-- check: an order id is missing or appears more than once
SELECT order_id FROM clean.orders
GROUP BY order_id
HAVING order_id IS NULL OR count(*) > 1;
