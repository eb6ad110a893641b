WITH active_days AS (
    -- one row per customer and day, whatever the plan and however often it was logged
    SELECT DISTINCT customer_id, activity_date
    FROM billing.daily_activity
),
grouped AS (
    -- consecutive days keep the same (date - row number) value: that is the island key
    SELECT customer_id,
           activity_date,
           activity_date - CAST(row_number() OVER (PARTITION BY customer_id ORDER BY activity_date) AS INTEGER)
               AS island
    FROM active_days
)
SELECT customer_id,
       min(activity_date) AS period_start,
       max(activity_date) AS period_end,
       count(*)           AS active_days
FROM grouped
GROUP BY customer_id, island
ORDER BY customer_id, period_start;
