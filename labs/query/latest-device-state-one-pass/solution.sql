-- One pass: each device's readings are ordered newest first (read_at, then reading_id), the
-- first row is kept with QUALIFY, and the battery level is the first non-NULL value in the
-- same order. No join, one scan of fleet.readings.
SELECT device_id,
       read_at       AS last_seen_at,
       status,
       temperature_c,
       first_value(battery_pct IGNORE NULLS) OVER newest_first AS battery_pct
FROM fleet.readings
WINDOW newest_first AS (
    PARTITION BY device_id
    ORDER BY read_at DESC, reading_id DESC
    ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
)
QUALIFY row_number() OVER newest_first = 1
ORDER BY device_id;
