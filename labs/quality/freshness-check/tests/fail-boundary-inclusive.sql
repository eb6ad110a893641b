-- Treats a lag of exactly 6 hours as late (<= instead of <), although the SLA says
-- "within the last 6 hours" and a 6-hour-old load is still on time.
SELECT max(o.loaded_at)
FROM ops.run_context AS rc LEFT JOIN shop.orders AS o ON true
GROUP BY rc.as_of
HAVING max(o.loaded_at) IS NULL OR max(o.loaded_at) <= rc.as_of - INTERVAL 6 HOURS;

SELECT s.source
FROM (VALUES ('app'), ('web')) AS s(source)
CROSS JOIN ops.run_context AS rc
LEFT JOIN web.events AS e ON e.source = s.source
GROUP BY s.source, rc.as_of
HAVING max(e.loaded_at) IS NULL OR max(e.loaded_at) <= rc.as_of - INTERVAL 2 HOURS;
