-- Correct too: row_number() in a subquery instead of QUALIFY, and last_value over the readings
-- in time order for the battery level.
SELECT device_id, read_at AS last_seen_at, status, temperature_c, battery_pct
FROM (
    SELECT device_id, read_at, status, temperature_c,
           row_number() OVER (PARTITION BY device_id ORDER BY read_at DESC, reading_id DESC) AS rn,
           last_value(battery_pct IGNORE NULLS) OVER (
               PARTITION BY device_id ORDER BY read_at, reading_id
               ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
           ) AS battery_pct
    FROM fleet.readings
) AS ranked
WHERE rn = 1
ORDER BY device_id;
