-- Wrong: de-duplicates the new copies among themselves and appends them. Redeliveries of events
-- that were compacted by an earlier run are not compared with the table, so they land twice:
-- at-least-once in, at-least-once out.
INSERT INTO lake.events_daily
SELECT CAST(event_ts AS DATE), event_id, device_id, event_type, event_ts, written_at, kafka_partition, kafka_offset
FROM lake.events_log
WHERE written_at > (SELECT last_written_at FROM lake.compaction_state WHERE job = 'events_daily')
QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY written_at, kafka_partition, kafka_offset) = 1;

UPDATE lake.compaction_state
SET last_written_at = (SELECT max(written_at) FROM lake.events_log)
WHERE job = 'events_daily';
