-- Wrong: the status filter moved to WHERE, "fixed" with OR o.order_id IS NULL. A customer whose
-- orders are all cancelled matches some order, so that OR never lets the customer back in: the
-- row disappears.
SELECT c.customer_id,
       count(o.order_id) AS order_count,
       coalesce(sum(o.amount), 0) AS total_spend,
       rc.as_of_date - CAST(max(o.ordered_at) AS DATE) AS days_since_last_order
FROM crm.customers AS c
CROSS JOIN ml.run_context AS rc
LEFT JOIN shop.orders AS o
       ON o.customer_id = c.customer_id AND o.ordered_at < rc.as_of_date
WHERE c.signup_date < rc.as_of_date
  AND (o.status = 'completed' OR o.order_id IS NULL)
GROUP BY c.customer_id, rc.as_of_date
ORDER BY c.customer_id;
