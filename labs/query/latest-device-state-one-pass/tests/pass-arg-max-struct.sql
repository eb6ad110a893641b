-- Correct too: one GROUP BY. The newest reading is the greatest (read_at, reading_id) pair;
-- arg_max_null takes the value at that row even when it is NULL (plain arg_max would skip a
-- NULL temperature), and arg_max with a FILTER skips the readings without a battery level.
SELECT device_id,
       max(read_at)                                            AS last_seen_at,
       arg_max(status, (read_at, reading_id))                  AS status,
       arg_max_null(temperature_c, (read_at, reading_id))      AS temperature_c,
       arg_max(battery_pct, (read_at, reading_id)) FILTER (WHERE battery_pct IS NOT NULL) AS battery_pct
FROM fleet.readings
GROUP BY device_id
ORDER BY device_id;
