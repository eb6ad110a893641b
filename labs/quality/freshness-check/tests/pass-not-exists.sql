-- Another correct formulation: "there is no row loaded inside the SLA window".
SELECT rc.as_of
FROM ops.run_context AS rc
WHERE NOT EXISTS (
    SELECT 1 FROM shop.orders AS o
    WHERE o.loaded_at >= rc.as_of - INTERVAL 6 HOURS
);

SELECT s.source
FROM (VALUES ('app'), ('web')) AS s(source), ops.run_context AS rc
WHERE NOT EXISTS (
    SELECT 1 FROM web.events AS e
    WHERE e.source = s.source
      AND e.loaded_at >= rc.as_of - INTERVAL 2 HOURS
);
