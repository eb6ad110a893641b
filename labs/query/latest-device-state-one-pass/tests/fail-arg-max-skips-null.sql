-- Wrong: one pass, but arg_max() ignores the rows where its first argument is NULL. When a
-- device's newest reading is a probe fault (temperature_c NULL), this returns an older
-- temperature instead of NULL, and the map shows a reading that was never taken at that time.
SELECT device_id,
       max(read_at)                                        AS last_seen_at,
       arg_max(status, (read_at, reading_id))              AS status,
       arg_max(temperature_c, (read_at, reading_id))       AS temperature_c,
       arg_max(battery_pct, (read_at, reading_id))         AS battery_pct
FROM fleet.readings
GROUP BY device_id
ORDER BY device_id;
