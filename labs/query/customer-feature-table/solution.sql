-- One row per customer who signed up before the run date. Only completed orders placed before
-- the run date count; the status and date filters sit in the ON clause so that customers
-- without such orders keep their row, and count/coalesce give them 0 instead of 1 or NULL.
SELECT c.customer_id,
       count(o.order_id)                                  AS order_count,
       coalesce(sum(o.amount), 0)                         AS total_spend,
       rc.as_of_date - CAST(max(o.ordered_at) AS DATE)    AS days_since_last_order
FROM crm.customers AS c
CROSS JOIN ml.run_context AS rc
LEFT JOIN shop.orders AS o
       ON o.customer_id = c.customer_id
      AND o.status = 'completed'
      AND o.ordered_at < rc.as_of_date
WHERE c.signup_date < rc.as_of_date
GROUP BY c.customer_id, rc.as_of_date
ORDER BY c.customer_id;
