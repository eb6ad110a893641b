-- check: clean.orders has a text value with leading or trailing spaces
-- check.ko: clean.orders의 텍스트 값 앞이나 뒤에 공백이 있습니다
SELECT order_id FROM clean.orders
WHERE customer_email <> trim(customer_email)
   OR status <> trim(status)
   OR country_code <> trim(country_code);

-- check: clean.orders has an empty string where NULL is expected
-- check.ko: clean.orders에 NULL이어야 할 자리에 빈 문자열이 있습니다
SELECT order_id FROM clean.orders
WHERE customer_email = '' OR country_code = '' OR status = '';

-- check: a status is missing or outside pending, paid, shipped, delivered, cancelled
-- check.ko: status가 비어 있거나 pending, paid, shipped, delivered, cancelled 중 하나가 아닙니다
SELECT order_id, status FROM clean.orders
WHERE status IS NULL
   OR status NOT IN ('pending', 'paid', 'shipped', 'delivered', 'cancelled');

-- check: an e-mail is not lower case or a country code is not upper case
-- check.ko: 이메일이 소문자가 아니거나 국가 코드가 대문자가 아닙니다
SELECT order_id FROM clean.orders
WHERE customer_email <> lower(customer_email)
   OR country_code <> upper(country_code);

-- check: an order id is missing or appears more than once
-- check.ko: 주문 id가 비어 있거나 두 번 이상 나옵니다
SELECT order_id FROM clean.orders
GROUP BY order_id
HAVING order_id IS NULL OR count(*) > 1;
