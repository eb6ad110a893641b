-- Hidden dataset: two more hours of log (written up to 14:00) arrive before the job runs.
INSERT INTO lake.events_log
SELECT n.kafka_partition,
       (SELECT max(kafka_offset) FROM lake.events_log AS l WHERE l.kafka_partition = n.kafka_partition)
           + row_number() OVER (PARTITION BY n.kafka_partition ORDER BY n.written_at, n.event_id),
       n.event_id, n.device_id, n.event_type, n.event_ts, n.written_at
FROM (VALUES
    -- a late event for 2024-07-02, a day with no other new copies and no log rows left
    (2, 'ev-90010', 1030, 'purchase',    TIMESTAMP '2024-07-02 21:15:00', TIMESTAMP '2024-07-05 12:10:00'),
    -- redeliveries of events of 2024-07-02 and 2024-07-04, already compacted
    (0, 'ev-00061', 1002, 'screen_view', TIMESTAMP '2024-07-02 00:43:07', TIMESTAMP '2024-07-05 12:20:00'),
    (3, 'ev-00181', 1017, 'screen_view', TIMESTAMP '2024-07-04 00:43:07', TIMESTAMP '2024-07-05 12:20:01'),
    -- a redelivery of an event compacted a few hours ago, on today's partition
    (1, 'ev-00241', 1002, 'screen_view', TIMESTAMP '2024-07-05 00:43:07', TIMESTAMP '2024-07-05 12:30:00'),
    -- two copies of a new event in the same second: partition 0 beats partition 3
    (3, 'ev-90011', 1001, 'app_open',    TIMESTAMP '2024-07-05 12:40:00', TIMESTAMP '2024-07-05 12:40:01'),
    (0, 'ev-90011', 1001, 'app_open',    TIMESTAMP '2024-07-05 12:40:00', TIMESTAMP '2024-07-05 12:40:01'),
    -- a new event delivered twice on one partition: the earlier copy has the lower offset
    (2, 'ev-90012', 1002, 'tap',         TIMESTAMP '2024-07-05 13:00:00', TIMESTAMP '2024-07-05 13:00:03'),
    (2, 'ev-90012', 1002, 'tap',         TIMESTAMP '2024-07-05 13:00:00', TIMESTAMP '2024-07-05 13:06:00'),
    -- the first copy of ev-90004 is already in this run's delta; one more, later copy arrives
    (1, 'ev-90004', 1021, 'tap',         TIMESTAMP '2024-07-05 10:00:00', TIMESTAMP '2024-07-05 13:10:00'),
    -- an event from just before midnight of 2024-07-03
    (1, 'ev-90013', 1003, 'purchase',    TIMESTAMP '2024-07-03 23:59:59', TIMESTAMP '2024-07-05 13:30:00'),
    -- two plain new events
    (0, 'ev-90014', 1004, 'screen_view', TIMESTAMP '2024-07-05 13:40:00', TIMESTAMP '2024-07-05 13:40:05'),
    (3, 'ev-90015', 1005, 'tap',         TIMESTAMP '2024-07-05 13:50:00', TIMESTAMP '2024-07-05 13:50:02')
) AS n(kafka_partition, event_id, device_id, event_type, event_ts, written_at);
