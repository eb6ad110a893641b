-- Wrong: derives the weeks from the events, each event counting for the four weeks whose window
-- contains it. A week without any qualifying event in its window has no row at all, although the
-- definition asks for every week of the report, with 0 where nobody was active.
WITH customers AS (
    SELECT user_id FROM app.users
    WHERE NOT is_staff AND lower(split_part(email, '@', 2)) <> 'lumen.io'
),
qualifying AS (
    SELECT e.user_id, CAST(date_trunc('week', e.event_ts) AS DATE) AS event_week
    FROM app.events AS e JOIN customers AS c ON c.user_id = e.user_id
    WHERE e.event_type NOT IN ('push_received', 'email_delivered') AND e.is_test IS NOT TRUE
),
spread AS (
    SELECT q.user_id, q.event_week + CAST(k * 7 AS INTEGER) AS week_start
    FROM qualifying AS q, range(0, 4) AS r(k)
)
SELECT s.week_start, count(DISTINCT s.user_id) AS active_users
FROM spread AS s, ops.report_window AS w
WHERE s.week_start BETWEEN w.first_week AND w.last_week
GROUP BY s.week_start
ORDER BY s.week_start;
