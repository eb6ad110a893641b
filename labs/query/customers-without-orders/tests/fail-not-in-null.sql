-- Wrong: a paid guest order has customer_id NULL, so "x NOT IN (..., NULL)" is never true
-- and the query returns no rows at all.
SELECT customer_id, full_name, email
FROM shop.customers
WHERE customer_id NOT IN (
    SELECT customer_id FROM shop.orders WHERE status = 'paid'
);
