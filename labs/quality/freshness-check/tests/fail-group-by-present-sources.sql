-- Groups the sources found in the table: a source with no rows at all produces no group,
-- so a missing partition is never reported.
SELECT max(o.loaded_at)
FROM ops.run_context AS rc LEFT JOIN shop.orders AS o ON true
GROUP BY rc.as_of
HAVING max(o.loaded_at) IS NULL OR max(o.loaded_at) < rc.as_of - INTERVAL 6 HOURS;

SELECT e.source, max(e.loaded_at)
FROM web.events AS e CROSS JOIN ops.run_context AS rc
GROUP BY e.source, rc.as_of
HAVING max(e.loaded_at) < rc.as_of - INTERVAL 2 HOURS;
