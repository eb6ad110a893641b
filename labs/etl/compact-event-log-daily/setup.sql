-- Visible dataset: an at-least-once event log and the compacted daily table built from it.
-- Story: a consumer copies app events from Kafka into lake.events_log every few minutes; it
-- guarantees at-least-once delivery, so restarts and producer retries write some events twice.
-- An hourly compaction job keeps lake.events_daily, one row per event. The last compaction
-- processed everything written up to 2024-07-05 06:00:00; it is now 2024-07-05 12:00.
-- Log retention keeps only the rows written since 2024-07-03 00:00.
CREATE SCHEMA lake;

CREATE TABLE lake.events_log (
    kafka_partition  INTEGER   NOT NULL,
    kafka_offset     BIGINT    NOT NULL,
    event_id         VARCHAR   NOT NULL,
    device_id        INTEGER   NOT NULL,
    event_type       VARCHAR   NOT NULL,
    event_ts         TIMESTAMP NOT NULL,   -- when the event happened on the device (UTC)
    written_at       TIMESTAMP NOT NULL    -- when the consumer wrote this copy to the log
);

CREATE TABLE lake.events_daily (
    event_date       DATE      NOT NULL,
    event_id         VARCHAR   NOT NULL,
    device_id        INTEGER   NOT NULL,
    event_type       VARCHAR   NOT NULL,
    event_ts         TIMESTAMP NOT NULL,
    written_at       TIMESTAMP NOT NULL,
    kafka_partition  INTEGER   NOT NULL,
    kafka_offset     BIGINT    NOT NULL
);

CREATE TABLE lake.compaction_state (
    job              VARCHAR   NOT NULL,
    last_written_at  TIMESTAMP NOT NULL
);

INSERT INTO lake.compaction_state VALUES
    ('events_daily',    TIMESTAMP '2024-07-05 06:00:00'),
    ('sessions_hourly', TIMESTAMP '2024-07-05 11:00:00');

-- 300 events over 2024-07-01 .. 2024-07-05, 60 a day, each written a few seconds after it happened,
-- except offline devices (every 31st event, written a day and two hours late).
CREATE TABLE lake.tmp_copies AS
WITH events AS (
    SELECT e,
           'ev-' || lpad(CAST(e AS VARCHAR), 5, '0')                                   AS event_id,
           1000 + (e * 17) % 45                                                         AS device_id,
           CASE e % 6 WHEN 0 THEN 'app_open' WHEN 1 THEN 'screen_view' WHEN 2 THEN 'screen_view'
                      WHEN 3 THEN 'tap' WHEN 4 THEN 'screen_view' ELSE 'purchase' END    AS event_type,
           TIMESTAMP '2024-07-01 00:20:00' + INTERVAL 1 DAY * (e // 60)
               + INTERVAL 23 MINUTE * (e % 60) + INTERVAL 1 SECOND * ((e * 7) % 60)    AS event_ts
    FROM range(0, 300) AS t(e)
),
firsts AS (
    SELECT *, e % 4 AS kafka_partition,
           CASE WHEN e % 31 = 5 THEN event_ts + INTERVAL 26 HOUR
                ELSE event_ts + INTERVAL 1 SECOND * ((e * 13) % 50 + 1) END             AS written_at
    FROM events
)
-- the first copy of every event
SELECT event_id, device_id, event_type, event_ts, kafka_partition, written_at FROM firsts
UNION ALL
-- a consumer restart re-reads a few minutes of its partition: same partition, later copy
SELECT event_id, device_id, event_type, event_ts, kafka_partition, written_at + INTERVAL 7 MINUTE
FROM firsts WHERE e % 9 = 0
UNION ALL
-- a producer retry lands on the next partition in the same second as the original
SELECT event_id, device_id, event_type, event_ts, (kafka_partition + 1) % 4, written_at
FROM firsts WHERE e % 25 = 3;

-- Copies written after the last compaction, by hand: the cases the job must get right.
INSERT INTO lake.tmp_copies VALUES
    -- an event from one second before midnight, written after midnight: it belongs to 2024-07-04
    ('ev-90002', 1012, 'tap',         TIMESTAMP '2024-07-04 23:59:58', 0, TIMESTAMP '2024-07-05 06:00:02'),
    -- a late event for 2024-07-01, a day whose log rows have expired
    ('ev-90001', 1007, 'purchase',    TIMESTAMP '2024-07-01 18:44:10', 1, TIMESTAMP '2024-07-05 08:00:00'),
    -- a redelivery of an event of 2024-07-01 whose original copy has expired from the log
    ('ev-00010', 1035, 'screen_view', TIMESTAMP '2024-07-01 04:10:10', 2, TIMESTAMP '2024-07-05 08:00:05'),
    -- a redelivery of an event of 2024-07-03 that was compacted long ago
    ('ev-00130', 1005, 'screen_view', TIMESTAMP '2024-07-03 04:10:10', 3, TIMESTAMP '2024-07-05 09:00:00'),
    -- a new event, delivered twice in the same second on two partitions: partition 1 wins
    ('ev-90003', 1020, 'purchase',    TIMESTAMP '2024-07-05 09:30:00', 2, TIMESTAMP '2024-07-05 09:30:04'),
    ('ev-90003', 1020, 'purchase',    TIMESTAMP '2024-07-05 09:30:00', 1, TIMESTAMP '2024-07-05 09:30:04'),
    -- a new event delivered three times: the earliest copy is on the highest partition
    ('ev-90004', 1021, 'tap',         TIMESTAMP '2024-07-05 10:00:00', 3, TIMESTAMP '2024-07-05 10:00:02'),
    ('ev-90004', 1021, 'tap',         TIMESTAMP '2024-07-05 10:00:00', 0, TIMESTAMP '2024-07-05 10:00:09'),
    ('ev-90004', 1021, 'tap',         TIMESTAMP '2024-07-05 10:00:00', 0, TIMESTAMP '2024-07-05 10:05:02');

-- Offsets grow with the write time inside each partition.
INSERT INTO lake.events_log
SELECT kafka_partition,
       5000 * kafka_partition + row_number() OVER (PARTITION BY kafka_partition ORDER BY written_at, event_id),
       event_id, device_id, event_type, event_ts, written_at
FROM lake.tmp_copies
WHERE written_at <= TIMESTAMP '2024-07-05 12:00:00';
DROP TABLE lake.tmp_copies;

-- The compacted table, as the previous runs left it: the first copy of every event written up to
-- the watermark, including events whose log rows have since expired.
INSERT INTO lake.events_daily
SELECT CAST(event_ts AS DATE), event_id, device_id, event_type, event_ts, written_at, kafka_partition, kafka_offset
FROM lake.events_log
WHERE written_at <= TIMESTAMP '2024-07-05 06:00:00'
QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY written_at, kafka_partition, kafka_offset) = 1;

-- Retention: log segments written before 2024-07-03 are gone.
DELETE FROM lake.events_log WHERE written_at < TIMESTAMP '2024-07-03 00:00:00';
