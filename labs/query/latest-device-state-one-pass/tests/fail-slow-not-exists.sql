-- Right rows, slow plan: "keep the reading for which no newer reading exists", and the same
-- for the battery level. Each NOT EXISTS is an anti-join of the table with itself.
SELECT r.device_id,
       r.read_at AS last_seen_at,
       r.status,
       r.temperature_c,
       b.battery_pct
FROM fleet.readings AS r
LEFT JOIN fleet.readings AS b
       ON b.device_id = r.device_id
      AND b.battery_pct IS NOT NULL
      AND NOT EXISTS (
          SELECT 1 FROM fleet.readings AS n
          WHERE n.device_id = b.device_id AND n.battery_pct IS NOT NULL
            AND (n.read_at > b.read_at OR (n.read_at = b.read_at AND n.reading_id > b.reading_id))
      )
WHERE NOT EXISTS (
    SELECT 1 FROM fleet.readings AS n
    WHERE n.device_id = r.device_id
      AND (n.read_at > r.read_at OR (n.read_at = r.read_at AND n.reading_id > r.reading_id))
)
ORDER BY r.device_id;
