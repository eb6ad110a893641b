-- Wrong: the run date is typed in instead of read from ml.run_context. Right for today's build,
-- wrong for every later one.
SELECT c.customer_id,
       count(o.order_id) AS order_count,
       coalesce(sum(o.amount), 0) AS total_spend,
       DATE '2024-06-01' - CAST(max(o.ordered_at) AS DATE) AS days_since_last_order
FROM crm.customers AS c
LEFT JOIN shop.orders AS o
       ON o.customer_id = c.customer_id AND o.status = 'completed'
      AND o.ordered_at < DATE '2024-06-01'
WHERE c.signup_date < DATE '2024-06-01'
GROUP BY c.customer_id
ORDER BY c.customer_id;
