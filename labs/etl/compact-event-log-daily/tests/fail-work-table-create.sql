-- Wrong on the retry: the work table is created with a plain CREATE TABLE, which fails when the
-- script runs a second time and finds it still there.
CREATE TABLE lake.compaction_delta AS
SELECT * FROM lake.events_log
WHERE written_at > (SELECT last_written_at FROM lake.compaction_state WHERE job = 'events_daily')
QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY written_at, kafka_partition, kafka_offset) = 1;

INSERT INTO lake.events_daily
SELECT CAST(d.event_ts AS DATE), d.event_id, d.device_id, d.event_type, d.event_ts,
       d.written_at, d.kafka_partition, d.kafka_offset
FROM lake.compaction_delta AS d
WHERE NOT EXISTS (SELECT 1 FROM lake.events_daily AS t WHERE t.event_id = d.event_id);

UPDATE lake.compaction_state
SET last_written_at = (SELECT max(written_at) FROM lake.compaction_delta)
WHERE job = 'events_daily' AND (SELECT count(*) FROM lake.compaction_delta) > 0;
