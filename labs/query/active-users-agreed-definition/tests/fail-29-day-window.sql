-- Wrong: the window starts on Sunday minus 28 days, which makes it 29 days long. A user whose only
-- event is on the Sunday four weeks earlier is counted although that day is outside the window.
WITH weeks AS (
    SELECT CAST(g.ts AS DATE) AS week_start
    FROM ops.report_window AS w, generate_series(w.first_week, w.last_week, INTERVAL 7 DAY) AS g(ts)
),
customers AS (
    SELECT user_id FROM app.users
    WHERE NOT is_staff AND lower(split_part(email, '@', 2)) <> 'lumen.io'
),
qualifying AS (
    SELECT e.user_id, CAST(e.event_ts AS DATE) AS event_day
    FROM app.events AS e
    JOIN customers AS c ON c.user_id = e.user_id
    WHERE e.event_type NOT IN ('push_received', 'email_delivered') AND e.is_test IS NOT TRUE
)
SELECT w.week_start, count(DISTINCT q.user_id) AS active_users
FROM weeks AS w
LEFT JOIN qualifying AS q ON q.event_day BETWEEN w.week_start - 22 AND w.week_start + 6
GROUP BY w.week_start
ORDER BY w.week_start;
