-- Wrong: no cut-off on ordered_at. Orders placed on the run date itself are counted, so a
-- customer who ordered this morning shows 0 days since the last order, which the model will not
-- see at scoring time.
SELECT c.customer_id,
       count(o.order_id) AS order_count,
       coalesce(sum(o.amount), 0) AS total_spend,
       rc.as_of_date - CAST(max(o.ordered_at) AS DATE) AS days_since_last_order
FROM crm.customers AS c
CROSS JOIN ml.run_context AS rc
LEFT JOIN shop.orders AS o
       ON o.customer_id = c.customer_id AND o.status = 'completed'
WHERE c.signup_date < rc.as_of_date
GROUP BY c.customer_id, rc.as_of_date
ORDER BY c.customer_id;
