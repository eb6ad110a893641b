-- Wrong: recomputes the right days but counts every ingested row, so retried uploads are
-- counted twice and their revenue too.
DELETE FROM agg.daily_events
WHERE event_date IN (
    SELECT CAST(event_ts AS DATE) FROM raw.events
    WHERE ingested_at > (SELECT last_ingested_at FROM etl.job_state WHERE job = 'daily_events')
);

INSERT INTO agg.daily_events
SELECT CAST(event_ts AS DATE), event_type, count(*), count(DISTINCT user_id), coalesce(sum(amount), 0)
FROM raw.events
WHERE CAST(event_ts AS DATE) IN (
    SELECT CAST(event_ts AS DATE) FROM raw.events
    WHERE ingested_at > (SELECT last_ingested_at FROM etl.job_state WHERE job = 'daily_events')
)
GROUP BY ALL;

UPDATE etl.job_state
SET last_ingested_at = (SELECT max(ingested_at) FROM raw.events)
WHERE job = 'daily_events';
