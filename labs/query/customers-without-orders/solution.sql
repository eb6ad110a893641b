SELECT c.customer_id, c.full_name, c.email
FROM shop.customers AS c
LEFT JOIN shop.orders AS o
       ON o.customer_id = c.customer_id
      AND o.status = 'paid'
WHERE o.order_id IS NULL;
