-- Another correct formulation, with NOT EXISTS. A NULL order_id never matches anything, so it
-- has to be excluded explicitly for payments.
SELECT i.*
FROM shop.order_items AS i
WHERE NOT EXISTS (SELECT 1 FROM shop.orders AS o WHERE o.order_id = i.order_id);

SELECT p.*
FROM shop.payments AS p
WHERE p.order_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM shop.orders AS o WHERE o.order_id = p.order_id);
