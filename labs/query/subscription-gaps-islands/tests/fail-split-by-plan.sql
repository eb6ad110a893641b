-- Wrong: partitioning by plan makes an upgrade end one period and start another.
WITH days AS (
    SELECT DISTINCT customer_id, plan, activity_date FROM billing.daily_activity
),
grouped AS (
    SELECT customer_id, plan, activity_date,
           activity_date - CAST(row_number() OVER (PARTITION BY customer_id, plan ORDER BY activity_date) AS INTEGER) AS island
    FROM days
)
SELECT customer_id, min(activity_date), max(activity_date), count(DISTINCT activity_date)
FROM grouped
GROUP BY customer_id, plan, island
ORDER BY 1, 2;
