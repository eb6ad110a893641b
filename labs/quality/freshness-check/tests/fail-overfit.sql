-- Overfitted: judges each connector by how many events it loaded in the last 2 hours, with a
-- minimum read off the visible morning, where every connector loads 6 events in that window.
-- "Fewer than 3" catches a stalled or missing connector here, but freshness is about the last
-- load, not the volume: at night a healthy connector loads only one or two events in 2 hours.
SELECT max(o.loaded_at) AS last_loaded_at
FROM ops.run_context AS rc
LEFT JOIN shop.orders AS o ON true
GROUP BY rc.as_of
HAVING max(o.loaded_at) IS NULL
    OR max(o.loaded_at) < rc.as_of - INTERVAL 6 HOURS;

SELECT s.source, count(e.event_id) AS events_last_2h
FROM (VALUES ('app'), ('web')) AS s(source)
CROSS JOIN ops.run_context AS rc
LEFT JOIN web.events AS e
       ON e.source = s.source
      AND e.loaded_at >= rc.as_of - INTERVAL 2 HOURS
GROUP BY s.source
HAVING count(e.event_id) < 3;
