-- Wrong: "the offset tells the order" keeps the copy with the lowest partition and offset. Offsets
-- only order copies inside one partition; across partitions only written_at says which came first.
INSERT INTO lake.events_daily
SELECT CAST(d.event_ts AS DATE), d.event_id, d.device_id, d.event_type, d.event_ts,
       d.written_at, d.kafka_partition, d.kafka_offset
FROM lake.events_log AS d
WHERE d.written_at > (SELECT last_written_at FROM lake.compaction_state WHERE job = 'events_daily')
  AND NOT EXISTS (SELECT 1 FROM lake.events_daily AS t WHERE t.event_id = d.event_id)
QUALIFY row_number() OVER (PARTITION BY d.event_id ORDER BY d.kafka_partition, d.kafka_offset) = 1;

UPDATE lake.compaction_state
SET last_written_at = (SELECT max(written_at) FROM lake.events_log)
WHERE job = 'events_daily';
