-- Correct too: structs compare field by field, so the max of {read_at, reading_id, ...} is the
-- whole newest reading. A second max over the readings that have a battery level gives the
-- last known level. One scan, one aggregate.
WITH per_device AS (
    SELECT device_id,
           max({'read_at': read_at, 'reading_id': reading_id,
                'status': status, 'temperature_c': temperature_c}) AS newest,
           max({'read_at': read_at, 'reading_id': reading_id, 'battery_pct': battery_pct})
               FILTER (WHERE battery_pct IS NOT NULL) AS newest_battery
    FROM fleet.readings
    GROUP BY device_id
)
SELECT device_id,
       newest.read_at        AS last_seen_at,
       newest.status,
       newest.temperature_c,
       newest_battery.battery_pct
FROM per_device
ORDER BY device_id;
