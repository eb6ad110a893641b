-- Wrong: files the new copies under the day they were WRITTEN, the way the raw log is laid out.
-- Late events for earlier days, and the event from one second before midnight, all land in
-- 2024-07-05 instead of their own day.
INSERT INTO lake.events_daily
SELECT CAST(d.written_at AS DATE), d.event_id, d.device_id, d.event_type, d.event_ts,
       d.written_at, d.kafka_partition, d.kafka_offset
FROM lake.events_log AS d
WHERE d.written_at > (SELECT last_written_at FROM lake.compaction_state WHERE job = 'events_daily')
  AND NOT EXISTS (SELECT 1 FROM lake.events_daily AS t WHERE t.event_id = d.event_id)
QUALIFY row_number() OVER (PARTITION BY d.event_id ORDER BY d.written_at, d.kafka_partition, d.kafka_offset) = 1;

UPDATE lake.compaction_state
SET last_written_at = (SELECT max(written_at) FROM lake.events_log)
WHERE job = 'events_daily';
