-- Correct too: flag the first day of each period with LAG, then a running sum numbers the periods.
WITH d AS (
    SELECT customer_id, activity_date,
           lag(activity_date) OVER (PARTITION BY customer_id ORDER BY activity_date) AS prev_day
    FROM (SELECT customer_id, activity_date FROM billing.daily_activity GROUP BY ALL)
),
f AS (
    SELECT *,
           sum(CASE WHEN prev_day = activity_date - 1 THEN 0 ELSE 1 END)
               OVER (PARTITION BY customer_id ORDER BY activity_date) AS period_no
    FROM d
)
SELECT customer_id, min(activity_date), max(activity_date),
       date_diff('day', min(activity_date), max(activity_date)) + 1
FROM f
GROUP BY customer_id, period_no
ORDER BY 1, 2;
