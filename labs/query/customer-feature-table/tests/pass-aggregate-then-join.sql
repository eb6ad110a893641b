-- Also correct: aggregate the counted orders first, then LEFT JOIN the customers to the result
-- and fill the missing counts with 0.
WITH rc AS (SELECT as_of_date FROM ml.run_context),
per_customer AS (
    SELECT o.customer_id,
           count(*) AS order_count,
           coalesce(sum(o.amount), 0) AS total_spend,
           max(CAST(o.ordered_at AS DATE)) AS last_order_date
    FROM shop.orders AS o, rc
    WHERE o.status = 'completed' AND o.ordered_at < rc.as_of_date
    GROUP BY o.customer_id
)
SELECT c.customer_id,
       coalesce(p.order_count, 0) AS order_count,
       coalesce(p.total_spend, 0) AS total_spend,
       date_diff('day', p.last_order_date, rc.as_of_date) AS days_since_last_order
FROM crm.customers AS c
CROSS JOIN rc
LEFT JOIN per_customer AS p ON p.customer_id = c.customer_id
WHERE c.signup_date < rc.as_of_date
ORDER BY c.customer_id;
