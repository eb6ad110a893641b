-- Check 1: shop.orders must have had a load within the last 6 hours before as_of.
-- An empty table has no max(loaded_at) at all: treat NULL as stale too.
SELECT 'shop.orders' AS table_name, rc.as_of, max(o.loaded_at) AS last_loaded_at
FROM ops.run_context AS rc
LEFT JOIN shop.orders AS o ON true
GROUP BY rc.as_of
HAVING max(o.loaded_at) IS NULL
    OR max(o.loaded_at) < rc.as_of - INTERVAL 6 HOURS;

-- Check 2: each source of web.events ('app' and 'web') must have had a load within the last
-- 2 hours. Start from the list of expected sources, so that a source with no rows at all
-- still shows up (with a NULL last load).
SELECT s.source, rc.as_of, max(e.loaded_at) AS last_loaded_at
FROM (VALUES ('app'), ('web')) AS s(source)
CROSS JOIN ops.run_context AS rc
LEFT JOIN web.events AS e ON e.source = s.source
GROUP BY s.source, rc.as_of
HAVING max(e.loaded_at) IS NULL
    OR max(e.loaded_at) < rc.as_of - INTERVAL 2 HOURS;
