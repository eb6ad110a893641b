WITH ordered AS (
    SELECT user_id,
           event_id,
           event_ts,
           lag(event_ts) OVER (PARTITION BY user_id ORDER BY event_ts, event_id) AS prev_ts
    FROM web.events
),
flagged AS (
    -- a session starts at a user's first event or after more than 30 minutes of silence
    SELECT user_id,
           event_id,
           event_ts,
           CASE WHEN prev_ts IS NULL OR event_ts - prev_ts > INTERVAL 30 MINUTE THEN 1 ELSE 0 END AS new_session
    FROM ordered
),
numbered AS (
    SELECT user_id,
           event_ts,
           sum(new_session) OVER (PARTITION BY user_id ORDER BY event_ts, event_id
                                  ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS session_no
    FROM flagged
),
sessions AS (
    SELECT user_id,
           session_no,
           date_diff('second', min(event_ts), max(event_ts)) AS duration_seconds
    FROM numbered
    GROUP BY user_id, session_no
)
SELECT user_id,
       count(*)              AS session_count,
       sum(duration_seconds) AS total_session_seconds,
       max(duration_seconds) AS longest_session_seconds
FROM sessions
GROUP BY user_id;
