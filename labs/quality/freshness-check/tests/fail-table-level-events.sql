-- Checks web.events as one table: the fresh 'app' loads hide a stalled 'web' connector.
SELECT max(o.loaded_at)
FROM ops.run_context AS rc LEFT JOIN shop.orders AS o ON true
GROUP BY rc.as_of
HAVING max(o.loaded_at) IS NULL OR max(o.loaded_at) < rc.as_of - INTERVAL 6 HOURS;

SELECT max(e.loaded_at)
FROM ops.run_context AS rc LEFT JOIN web.events AS e ON true
GROUP BY rc.as_of
HAVING max(e.loaded_at) IS NULL OR max(e.loaded_at) < rc.as_of - INTERVAL 2 HOURS;
