-- Right rows, slow plan: the self-join kept, over a CTE. DuckDB materialises a CTE that is
-- used twice, so the table is scanned once, but the plan still builds hash tables to join the
-- readings with their own aggregates.
WITH r AS (
    SELECT * FROM fleet.readings
),
newest AS (
    SELECT device_id, max((read_at, reading_id)) AS k
    FROM r GROUP BY device_id
),
newest_battery AS (
    SELECT device_id, max((read_at, reading_id)) AS k
    FROM r WHERE battery_pct IS NOT NULL GROUP BY device_id
)
SELECT r.device_id, r.read_at AS last_seen_at, r.status, r.temperature_c, b.battery_pct
FROM r
JOIN newest AS n ON n.device_id = r.device_id AND n.k = (r.read_at, r.reading_id)
LEFT JOIN newest_battery AS nb ON nb.device_id = r.device_id
LEFT JOIN r AS b ON b.device_id = nb.device_id AND (b.read_at, b.reading_id) = nb.k
ORDER BY r.device_id;
