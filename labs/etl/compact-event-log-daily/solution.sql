-- Reference: take the copies written since the last compaction, find the days they belong to,
-- rebuild exactly those days from what the compacted table already holds plus the new copies
-- (keeping the first copy of each event), then move the watermark.
CREATE OR REPLACE TABLE lake.compaction_delta AS
SELECT *
FROM lake.events_log
WHERE written_at > (SELECT last_written_at FROM lake.compaction_state WHERE job = 'events_daily');

CREATE OR REPLACE TABLE lake.compaction_days AS
SELECT DISTINCT CAST(event_ts AS DATE) AS event_date
FROM lake.compaction_delta;

CREATE OR REPLACE TABLE lake.compaction_rebuilt AS
SELECT CAST(event_ts AS DATE) AS event_date, event_id, device_id, event_type, event_ts,
       written_at, kafka_partition, kafka_offset
FROM (
    SELECT event_id, device_id, event_type, event_ts, written_at, kafka_partition, kafka_offset
    FROM lake.events_daily
    WHERE event_date IN (SELECT event_date FROM lake.compaction_days)
    UNION ALL
    SELECT event_id, device_id, event_type, event_ts, written_at, kafka_partition, kafka_offset
    FROM lake.compaction_delta
) AS c
QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY written_at, kafka_partition, kafka_offset) = 1;

DELETE FROM lake.events_daily
WHERE event_date IN (SELECT event_date FROM lake.compaction_days);

INSERT INTO lake.events_daily
SELECT * FROM lake.compaction_rebuilt;

UPDATE lake.compaction_state
SET last_written_at = (SELECT max(written_at) FROM lake.compaction_delta)
WHERE job = 'events_daily'
  AND (SELECT max(written_at) FROM lake.compaction_delta) IS NOT NULL;
