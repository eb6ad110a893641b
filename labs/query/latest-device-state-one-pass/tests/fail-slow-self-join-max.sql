-- Right rows, slow plan: today's view. The newest read_at per device is found with an
-- aggregate and joined back, then the greatest reading_id at that time, then the same again
-- for the newest battery level: fleet.readings is scanned five times and joined to itself.
WITH last_ts AS (
    SELECT device_id, max(read_at) AS read_at
    FROM fleet.readings
    GROUP BY device_id
),
last_reading AS (
    SELECT r.device_id, max(r.reading_id) AS reading_id
    FROM fleet.readings AS r
    JOIN last_ts AS t ON t.device_id = r.device_id AND t.read_at = r.read_at
    GROUP BY r.device_id
),
last_battery AS (
    SELECT r.device_id, r.battery_pct
    FROM fleet.readings AS r
    WHERE r.battery_pct IS NOT NULL
      AND (r.read_at, r.reading_id) = (
          SELECT max((b.read_at, b.reading_id))
          FROM fleet.readings AS b
          WHERE b.device_id = r.device_id AND b.battery_pct IS NOT NULL
      )
)
SELECT r.device_id,
       r.read_at AS last_seen_at,
       r.status,
       r.temperature_c,
       b.battery_pct
FROM fleet.readings AS r
JOIN last_reading AS l ON l.reading_id = r.reading_id
LEFT JOIN last_battery AS b ON b.device_id = r.device_id
ORDER BY r.device_id;
