WITH ev AS (
    SELECT user_id, event_type, event_ts FROM web.funnel_events
),
viewed AS (
    SELECT user_id, min(event_ts) AS ts
    FROM ev WHERE event_type = 'view'
    GROUP BY user_id
),
carted AS (     -- earliest cart at or after the first view
    SELECT v.user_id, min(e.event_ts) AS ts
    FROM viewed v
    JOIN ev e ON e.user_id = v.user_id AND e.event_type = 'add_to_cart' AND e.event_ts >= v.ts
    GROUP BY v.user_id
),
checked_out AS (
    SELECT c.user_id, min(e.event_ts) AS ts
    FROM carted c
    JOIN ev e ON e.user_id = c.user_id AND e.event_type = 'checkout' AND e.event_ts >= c.ts
    GROUP BY c.user_id
),
purchased AS (
    SELECT k.user_id, min(e.event_ts) AS ts
    FROM checked_out k
    JOIN ev e ON e.user_id = k.user_id AND e.event_type = 'purchase' AND e.event_ts >= k.ts
    GROUP BY k.user_id
),
steps AS (
    SELECT 1 AS step_no, 'view' AS step, count(*) AS users FROM viewed
    UNION ALL SELECT 2, 'add_to_cart', count(*) FROM carted
    UNION ALL SELECT 3, 'checkout',    count(*) FROM checked_out
    UNION ALL SELECT 4, 'purchase',    count(*) FROM purchased
)
SELECT step_no,
       step,
       users,
       coalesce(round(100.0 * users / lag(users) OVER (ORDER BY step_no), 1), 100.0) AS pct_of_previous,
       round(100.0 * users / first_value(users) OVER (ORDER BY step_no), 1)          AS pct_of_first
FROM steps
ORDER BY step_no;
