-- Also correct: an event on day D counts for the week containing D and the three weeks after it,
-- because the 28-day window of a week is that week plus the three before. Spreading each event's
-- ISO week over those four weeks, then joining to the full list of report weeks, gives the same
-- counts, zeros included.
WITH weeks AS (
    SELECT CAST(ts AS DATE) AS week_start
    FROM ops.report_window AS w, generate_series(w.first_week, w.last_week, INTERVAL 7 DAY) AS g(ts)
),
qualifying AS (
    SELECT DISTINCT e.user_id, CAST(date_trunc('week', e.event_ts) AS DATE) AS event_week
    FROM app.events AS e
    WHERE e.event_type NOT IN ('push_received', 'email_delivered')
      AND coalesce(e.is_test, false) = false
      AND EXISTS (
          SELECT 1 FROM app.users AS u
          WHERE u.user_id = e.user_id
            AND u.is_staff = false
            AND NOT regexp_full_match(u.email, '(?i).*@lumen\.io')
      )
),
spread AS (
    SELECT q.user_id, q.event_week + CAST(k * 7 AS INTEGER) AS week_start
    FROM qualifying AS q, range(0, 4) AS r(k)
)
SELECT w.week_start, count(DISTINCT s.user_id) AS active_users
FROM weeks AS w
LEFT JOIN spread AS s ON s.week_start = w.week_start
GROUP BY w.week_start
ORDER BY w.week_start;
