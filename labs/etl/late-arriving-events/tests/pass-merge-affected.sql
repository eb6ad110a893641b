-- Also correct: one MERGE that overwrites or inserts the recomputed rows of the affected days.
-- (Events never disappear, so an affected day cannot lose an event type.)
MERGE INTO agg.daily_events AS t
USING (
    WITH w AS (
        SELECT last_ingested_at FROM etl.job_state WHERE job = 'daily_events'
    ),
    dedup AS (
        SELECT DISTINCT ON (event_id) event_id, user_id, event_type, event_ts, amount
        FROM raw.events
        ORDER BY event_id, ingested_at
    )
    SELECT CAST(d.event_ts AS DATE) AS event_date, d.event_type,
           count(*) AS event_count, count(DISTINCT d.user_id) AS unique_users,
           sum(coalesce(d.amount, 0)) AS revenue
    FROM dedup AS d
    WHERE EXISTS (
        SELECT 1 FROM raw.events AS r, w
        WHERE r.ingested_at > w.last_ingested_at
          AND r.event_ts >= CAST(d.event_ts AS DATE)
          AND r.event_ts <  CAST(d.event_ts AS DATE) + INTERVAL 1 DAY
    )
    GROUP BY 1, 2
) AS n
ON t.event_date = n.event_date AND t.event_type = n.event_type
WHEN MATCHED THEN UPDATE SET
    event_count = n.event_count, unique_users = n.unique_users, revenue = n.revenue
WHEN NOT MATCHED THEN INSERT VALUES (n.event_date, n.event_type, n.event_count, n.unique_users, n.revenue);

UPDATE etl.job_state AS s
SET last_ingested_at = greatest(s.last_ingested_at, (SELECT max(ingested_at) FROM raw.events))
WHERE s.job = 'daily_events';
