-- Wrong: "a month is 30 days" shifts cells: February 2024 has 29 days, so March is offset 0 for the February cohort.
WITH completed AS (
    SELECT customer_id, CAST(date_trunc('month', order_ts) AS DATE) AS order_month
    FROM shop.orders
    WHERE status = 'completed'
),
firsts AS (
    SELECT customer_id, min(order_month) AS cohort_month
    FROM completed
    GROUP BY customer_id
),
cohorts AS (
    SELECT cohort_month, count(*) AS cohort_size
    FROM firsts
    GROUP BY cohort_month
),
report_end AS (
    SELECT max(order_month) AS last_month FROM completed
),
grid AS (
    -- every cohort gets a cell for every month up to the last month of data, even when nobody came back
    SELECT c.cohort_month,
           c.cohort_size,
           unnest(range(0, date_diff('month', c.cohort_month, r.last_month) + 1)) AS months_since_first
    FROM cohorts AS c
    CROSS JOIN report_end AS r
),
activity AS (
    SELECT f.cohort_month,
           date_diff('day', f.cohort_month, c.order_month) // 30 AS months_since_first,
           count(DISTINCT c.customer_id) AS active_customers
    FROM completed AS c
    JOIN firsts AS f USING (customer_id)
    GROUP BY 1, 2
)
SELECT g.cohort_month,
       g.months_since_first,
       g.cohort_size,
       coalesce(a.active_customers, 0)                                    AS active_customers,
       round(100.0 * coalesce(a.active_customers, 0) / g.cohort_size, 1)  AS retention_pct
FROM grid AS g
LEFT JOIN activity AS a
       ON a.cohort_month = g.cohort_month
      AND a.months_since_first = g.months_since_first
ORDER BY g.cohort_month, g.months_since_first;
