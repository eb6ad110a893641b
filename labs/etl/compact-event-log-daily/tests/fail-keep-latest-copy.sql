-- Wrong: keeps the LATEST copy of each event. A redelivery then replaces the copy that was
-- compacted hours or days ago, and the kept copy changes every time the consumer restarts.
CREATE OR REPLACE TABLE lake.compaction_delta AS
SELECT * FROM lake.events_log
WHERE written_at > (SELECT last_written_at FROM lake.compaction_state WHERE job = 'events_daily');

CREATE OR REPLACE TABLE lake.compaction_rebuilt AS
SELECT CAST(event_ts AS DATE) AS event_date, event_id, device_id, event_type, event_ts,
       written_at, kafka_partition, kafka_offset
FROM (
    SELECT event_id, device_id, event_type, event_ts, written_at, kafka_partition, kafka_offset
    FROM lake.events_daily
    WHERE event_date IN (SELECT CAST(event_ts AS DATE) FROM lake.compaction_delta)
    UNION ALL
    SELECT event_id, device_id, event_type, event_ts, written_at, kafka_partition, kafka_offset
    FROM lake.compaction_delta
)
QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY written_at DESC, kafka_partition, kafka_offset) = 1;

DELETE FROM lake.events_daily
WHERE event_date IN (SELECT CAST(event_ts AS DATE) FROM lake.compaction_delta);
INSERT INTO lake.events_daily SELECT * FROM lake.compaction_rebuilt;

UPDATE lake.compaction_state
SET last_written_at = (SELECT max(written_at) FROM lake.compaction_delta)
WHERE job = 'events_daily' AND (SELECT count(*) FROM lake.compaction_delta) > 0;
