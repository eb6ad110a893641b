-- Wrong: the cohort comes from the first order of any status, so a customer whose first
-- order was cancelled lands in the wrong cohort.
WITH orders_m AS (
    SELECT customer_id, status, date_trunc('month', order_ts)::DATE AS order_month FROM shop.orders
),
firsts AS (SELECT customer_id, min(order_month) AS cohort_month FROM orders_m GROUP BY 1
           HAVING count(*) FILTER (WHERE status = 'completed') > 0),
sizes AS (SELECT cohort_month, count(*) AS cohort_size FROM firsts GROUP BY 1),
grid AS (
    SELECT s.cohort_month, s.cohort_size,
           unnest(range(0, date_diff('month', s.cohort_month,
                  (SELECT max(order_month) FROM orders_m WHERE status = 'completed')) + 1)) AS k
    FROM sizes s
),
act AS (
    SELECT f.cohort_month, date_diff('month', f.cohort_month, o.order_month) AS k,
           count(DISTINCT o.customer_id) AS active
    FROM orders_m o JOIN firsts f USING (customer_id)
    WHERE o.status = 'completed'
    GROUP BY 1, 2
)
SELECT g.cohort_month, g.k, g.cohort_size, coalesce(a.active, 0),
       round(100.0 * coalesce(a.active, 0) / g.cohort_size, 1)
FROM grid g LEFT JOIN act a USING (cohort_month, k)
ORDER BY 1, 2;
