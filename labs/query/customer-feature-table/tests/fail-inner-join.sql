-- Wrong: an INNER JOIN keeps only customers with at least one counted order. The model never
-- sees a customer with zero orders, although that is exactly who it must score.
SELECT c.customer_id,
       count(o.order_id) AS order_count,
       coalesce(sum(o.amount), 0) AS total_spend,
       rc.as_of_date - CAST(max(o.ordered_at) AS DATE) AS days_since_last_order
FROM crm.customers AS c
CROSS JOIN ml.run_context AS rc
JOIN shop.orders AS o
  ON o.customer_id = c.customer_id AND o.status = 'completed' AND o.ordered_at < rc.as_of_date
WHERE c.signup_date < rc.as_of_date
GROUP BY c.customer_id, rc.as_of_date
ORDER BY c.customer_id;
