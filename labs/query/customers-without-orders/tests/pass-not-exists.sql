-- Correct too: NOT EXISTS is not affected by guest orders with a NULL customer_id.
SELECT c.customer_id, c.full_name, c.email
FROM shop.customers c
WHERE NOT EXISTS (
    SELECT 1 FROM shop.orders o
    WHERE o.customer_id = c.customer_id AND o.status = 'paid'
);
