-- Wrong: rebuilds the whole table from raw.events. Days whose events were purged by the
-- retention job lose rows (1 June) or shrink (2 June).
DELETE FROM agg.daily_events;

INSERT INTO agg.daily_events
SELECT CAST(event_ts AS DATE), event_type, count(*), count(DISTINCT user_id), coalesce(sum(amount), 0)
FROM (SELECT DISTINCT event_id, user_id, event_type, event_ts, amount FROM raw.events)
GROUP BY ALL;

UPDATE etl.job_state
SET last_ingested_at = (SELECT max(ingested_at) FROM raw.events)
WHERE job = 'daily_events';
