-- Wrong: counts the users who did each event type, in any order.
WITH steps AS (
    SELECT CASE event_type WHEN 'view' THEN 1 WHEN 'add_to_cart' THEN 2 WHEN 'checkout' THEN 3 ELSE 4 END AS step_no,
           event_type AS step,
           count(DISTINCT user_id) AS users
    FROM web.funnel_events
    WHERE event_type IN ('view', 'add_to_cart', 'checkout', 'purchase')
    GROUP BY event_type
)
SELECT step_no, step, users,
       coalesce(round(100.0 * users / lag(users) OVER (ORDER BY step_no), 1), 100.0),
       round(100.0 * users / first_value(users) OVER (ORDER BY step_no), 1)
FROM steps
ORDER BY step_no;
