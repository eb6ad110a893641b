-- Wrong: only months in which somebody came back appear; the zero cells of the matrix are missing.
WITH completed AS (
    SELECT customer_id, date_trunc('month', order_ts)::DATE AS order_month
    FROM shop.orders WHERE status = 'completed'
),
firsts AS (SELECT customer_id, min(order_month) AS cohort_month FROM completed GROUP BY 1),
sizes AS (SELECT cohort_month, count(*) AS cohort_size FROM firsts GROUP BY 1)
SELECT f.cohort_month,
       date_diff('month', f.cohort_month, c.order_month) AS k,
       s.cohort_size,
       count(DISTINCT c.customer_id) AS active,
       round(100.0 * count(DISTINCT c.customer_id) / s.cohort_size, 1)
FROM completed c
JOIN firsts f USING (customer_id)
JOIN sizes s USING (cohort_month)
GROUP BY f.cohort_month, k, s.cohort_size
ORDER BY f.cohort_month, k;
