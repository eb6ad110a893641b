-- Wrong: rank() gives every reading at the newest read_at rank 1, so a device with a
-- correction at the same timestamp comes back twice. The tie must be broken by reading_id.
SELECT device_id,
       read_at       AS last_seen_at,
       status,
       temperature_c,
       first_value(battery_pct IGNORE NULLS) OVER (
           PARTITION BY device_id ORDER BY read_at DESC, reading_id DESC
           ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
       ) AS battery_pct
FROM fleet.readings
QUALIFY rank() OVER (PARTITION BY device_id ORDER BY read_at DESC) = 1
ORDER BY device_id;
