-- Wrong: without removing duplicate days, row_number() runs ahead of the calendar,
-- a period is cut in two and days are counted twice.
WITH grouped AS (
    SELECT customer_id, activity_date,
           activity_date - CAST(row_number() OVER (PARTITION BY customer_id ORDER BY activity_date) AS INTEGER) AS island
    FROM billing.daily_activity
)
SELECT customer_id, min(activity_date), max(activity_date), count(*)
FROM grouped
GROUP BY customer_id, island
ORDER BY 1, 2;
