-- Correct too: NOT IN works once the NULLs are filtered out of the subquery.
SELECT customer_id, full_name, email
FROM shop.customers
WHERE customer_id NOT IN (
    SELECT customer_id FROM shop.orders
    WHERE status = 'paid' AND customer_id IS NOT NULL
);
