-- Wrong: aggregates only the newly ingested rows and adds them to the stored totals. A retry
-- of an event already counted is counted again, and distinct users cannot be added up: a user
-- already counted that day is counted a second time.
MERGE INTO agg.daily_events AS t
USING (
    SELECT CAST(event_ts AS DATE) AS event_date, event_type,
           count(*) AS event_count, count(DISTINCT user_id) AS unique_users,
           coalesce(sum(amount), 0) AS revenue
    FROM (
        SELECT DISTINCT event_id, user_id, event_type, event_ts, amount
        FROM raw.events
        WHERE ingested_at > (SELECT last_ingested_at FROM etl.job_state WHERE job = 'daily_events')
    )
    GROUP BY ALL
) AS n
ON t.event_date = n.event_date AND t.event_type = n.event_type
WHEN MATCHED THEN UPDATE SET
    event_count  = t.event_count + n.event_count,
    unique_users = t.unique_users + n.unique_users,
    revenue      = t.revenue + n.revenue
WHEN NOT MATCHED THEN INSERT VALUES (n.event_date, n.event_type, n.event_count, n.unique_users, n.revenue);

UPDATE etl.job_state
SET last_ingested_at = (SELECT max(ingested_at) FROM raw.events)
WHERE job = 'daily_events';
