-- Wrong: event ids are not in time order, so "previous event" by id is meaningless.
WITH o AS (
    SELECT user_id, event_id, event_ts,
           CASE WHEN lag(event_ts) OVER (PARTITION BY user_id ORDER BY event_id) IS NULL
                  OR abs(epoch(event_ts) - epoch(lag(event_ts) OVER (PARTITION BY user_id ORDER BY event_id))) > 1800
                THEN 1 ELSE 0 END AS new_session
    FROM web.events
),
n AS (
    SELECT user_id, event_ts,
           sum(new_session) OVER (PARTITION BY user_id ORDER BY event_id) AS sid
    FROM o
),
s AS (
    SELECT user_id, sid, date_diff('second', min(event_ts), max(event_ts)) AS d
    FROM n GROUP BY user_id, sid
)
SELECT user_id, count(*), sum(d), max(d) FROM s GROUP BY user_id;
