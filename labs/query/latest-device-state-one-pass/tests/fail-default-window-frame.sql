-- Wrong: with ORDER BY and no frame clause, a window frame ends at the current row. On the
-- newest row (the one QUALIFY keeps) that frame holds that row only, so battery_pct is the
-- newest reading's own value, NULL for most devices, instead of the last level reported.
SELECT device_id,
       read_at       AS last_seen_at,
       status,
       temperature_c,
       first_value(battery_pct IGNORE NULLS) OVER newest_first AS battery_pct
FROM fleet.readings
WINDOW newest_first AS (PARTITION BY device_id ORDER BY read_at DESC, reading_id DESC)
QUALIFY row_number() OVER newest_first = 1
ORDER BY device_id;
