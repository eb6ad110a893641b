-- Visible dataset: 240 field sensors reporting every 30 minutes for about a day, generated
-- deterministically. reading_id is the order in which the gateway stored the readings, which
-- is not the order in which they were taken. Some devices sent two readings with the same
-- read_at; the one with the greater reading_id is the correction and wins.
CREATE SCHEMA fleet;

CREATE TABLE fleet.readings (
    reading_id     BIGINT PRIMARY KEY,
    device_id      INTEGER NOT NULL,
    read_at        TIMESTAMP NOT NULL,
    status         VARCHAR NOT NULL,   -- ok, warn, fault
    temperature_c  DOUBLE,             -- NULL when the probe is at fault
    battery_pct    INTEGER             -- reported every few readings only, NULL otherwise
);

INSERT INTO fleet.readings
WITH base AS (
    SELECT i,
           CAST(i % 240 + 1 AS INTEGER) AS device_id,
           i // 240                     AS k,
           (i * 1103515245 + 12345) // 65536 % 100 AS roll
    FROM range(0, 12000) AS t(i)
)
SELECT 1000 + (i * 7919) % 12000,
       device_id,
       TIMESTAMP '2024-09-02 00:00:00' + to_seconds(CAST(k * 1800 + device_id * 7 AS BIGINT)),
       CASE WHEN roll < 6 THEN 'fault' WHEN roll < 15 THEN 'warn' ELSE 'ok' END,
       CASE WHEN roll < 6 THEN NULL
            ELSE round(4 + (i * 37 % 200) / 10.0 + (CASE WHEN roll < 15 THEN 15 ELSE 0 END), 1)
       END,
       CASE WHEN device_id % 40 = 0 THEN NULL                       -- these never report a battery level
            WHEN (k + device_id) % 6 = 0 THEN CAST(100 - k - device_id % 30 AS INTEGER)
       END
FROM base;

-- Corrections: a second reading at the same read_at as a device's newest one. For devices
-- divisible by 9 the correction was stored later (greater reading_id, it wins); for devices
-- divisible by 13 it was stored earlier (smaller reading_id, it loses).
INSERT INTO fleet.readings
SELECT 20000 + device_id, device_id, max(read_at), 'warn', 31.5, NULL
FROM fleet.readings WHERE device_id % 9 = 0 GROUP BY device_id;

INSERT INTO fleet.readings
SELECT device_id, device_id, max(read_at), 'fault', NULL, NULL
FROM fleet.readings WHERE device_id % 13 = 0 AND device_id % 9 <> 0 GROUP BY device_id;
