-- Wrong: rebuilds each affected day from the log alone. Retention has already removed the old
-- segments, so a late event for 2024-07-01 wipes that day down to the few rows still in the log,
-- and a redelivery whose original expired comes back as the "first" copy.
CREATE OR REPLACE TABLE lake.compaction_days AS
SELECT DISTINCT CAST(event_ts AS DATE) AS event_date
FROM lake.events_log
WHERE written_at > (SELECT last_written_at FROM lake.compaction_state WHERE job = 'events_daily');

DELETE FROM lake.events_daily
WHERE event_date IN (SELECT event_date FROM lake.compaction_days);

INSERT INTO lake.events_daily
SELECT CAST(event_ts AS DATE), event_id, device_id, event_type, event_ts, written_at, kafka_partition, kafka_offset
FROM lake.events_log
WHERE CAST(event_ts AS DATE) IN (SELECT event_date FROM lake.compaction_days)
QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY written_at, kafka_partition, kafka_offset) = 1;

UPDATE lake.compaction_state
SET last_written_at = (SELECT max(written_at) FROM lake.events_log)
WHERE job = 'events_daily';
