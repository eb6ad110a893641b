-- Reference: WAU-28 exactly as agreed. Keep the qualifying events of real customers, then, for each
-- report week, count the distinct users with an event in the 28 days ending on that week's Sunday.
WITH weeks AS (
    SELECT CAST(g.ts AS DATE) AS week_start
    FROM ops.report_window AS w,
         generate_series(w.first_week, w.last_week, INTERVAL 7 DAY) AS g(ts)
),
customers AS (
    SELECT user_id
    FROM app.users
    WHERE NOT is_staff
      AND lower(split_part(email, '@', 2)) <> 'lumen.io'
),
qualifying AS (
    SELECT e.user_id, CAST(e.event_ts AS DATE) AS event_day
    FROM app.events AS e
    JOIN customers AS c ON c.user_id = e.user_id
    WHERE e.event_type NOT IN ('push_received', 'email_delivered')
      AND e.is_test IS NOT TRUE
)
SELECT
    w.week_start,
    count(DISTINCT q.user_id) AS active_users
FROM weeks AS w
LEFT JOIN qualifying AS q
       ON q.event_day BETWEEN w.week_start - 21 AND w.week_start + 6
GROUP BY w.week_start
ORDER BY w.week_start;
