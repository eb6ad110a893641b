-- Correct too: gaps in epoch seconds, and a session count taken from the flags directly.
WITH e AS (
    SELECT user_id, epoch(event_ts) AS t,
           epoch(event_ts) - lag(epoch(event_ts)) OVER (PARTITION BY user_id ORDER BY event_ts) AS gap
    FROM web.events
),
s AS (
    SELECT user_id, t,
           count(*) FILTER (WHERE gap IS NULL OR gap > 1800)
               OVER (PARTITION BY user_id ORDER BY t RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS sid
    FROM e
)
SELECT user_id, count(DISTINCT sid), sum(d), max(d)
FROM (SELECT user_id, sid, max(t) - min(t) AS d FROM s GROUP BY user_id, sid)
GROUP BY user_id;
