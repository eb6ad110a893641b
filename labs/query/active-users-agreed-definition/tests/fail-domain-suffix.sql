-- Wrong: spots internal accounts with ILIKE '%lumen.io'. That also matches customers whose own
-- domain ends in those letters (mina.choi@illumen.io): the domain is the whole part after the @.
WITH weeks AS (
    SELECT CAST(g.ts AS DATE) AS week_start
    FROM ops.report_window AS w, generate_series(w.first_week, w.last_week, INTERVAL 7 DAY) AS g(ts)
),
customers AS (
    SELECT user_id FROM app.users
    WHERE NOT is_staff AND email NOT ILIKE '%lumen.io'
),
qualifying AS (
    SELECT e.user_id, CAST(e.event_ts AS DATE) AS event_day
    FROM app.events AS e
    JOIN customers AS c ON c.user_id = e.user_id
    WHERE e.event_type NOT IN ('push_received', 'email_delivered') AND e.is_test IS NOT TRUE
)
SELECT w.week_start, count(DISTINCT q.user_id) AS active_users
FROM weeks AS w
LEFT JOIN qualifying AS q ON q.event_day BETWEEN w.week_start - 21 AND w.week_start + 6
GROUP BY w.week_start
ORDER BY w.week_start;
