-- Wrong: takes the greatest reading_id as the newest reading. reading_id is the order in which
-- the gateway stored the readings, and readings that were buffered arrive late, so the last
-- stored reading is often not the last one taken.
SELECT device_id,
       read_at       AS last_seen_at,
       status,
       temperature_c,
       first_value(battery_pct IGNORE NULLS) OVER by_arrival AS battery_pct
FROM fleet.readings
WINDOW by_arrival AS (
    PARTITION BY device_id
    ORDER BY reading_id DESC
    ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
)
QUALIFY row_number() OVER by_arrival = 1
ORDER BY device_id;
