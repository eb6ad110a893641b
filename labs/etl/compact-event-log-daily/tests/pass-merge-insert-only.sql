-- Also correct: a MERGE that only inserts. Known events are matched and left alone.
MERGE INTO lake.events_daily AS t
USING (
    SELECT CAST(event_ts AS DATE) AS event_date, event_id, device_id, event_type, event_ts,
           written_at, kafka_partition, kafka_offset
    FROM lake.events_log
    WHERE written_at > (SELECT last_written_at FROM lake.compaction_state WHERE job = 'events_daily')
    QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY written_at, kafka_partition, kafka_offset) = 1
) AS s
ON t.event_id = s.event_id
WHEN NOT MATCHED THEN INSERT VALUES
    (s.event_date, s.event_id, s.device_id, s.event_type, s.event_ts, s.written_at, s.kafka_partition, s.kafka_offset);

UPDATE lake.compaction_state
SET last_written_at = (SELECT max(written_at) FROM lake.events_log)
WHERE job = 'events_daily'
  AND (SELECT max(written_at) FROM lake.events_log) > last_written_at;
