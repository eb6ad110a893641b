-- Wrong: stops the recursion at a fixed depth to be safe from cycles. It terminates, but every
-- table further away than the cap is missed.
WITH RECURSIVE walk(table_name, distance) AS (
    SELECT e.downstream, 1
    FROM meta.lineage_edges AS e JOIN ops.incident AS i ON e.upstream = i.broken_table
    UNION ALL
    SELECT e.downstream, w.distance + 1
    FROM walk AS w JOIN meta.lineage_edges AS e ON e.upstream = w.table_name
    WHERE w.distance < 4
)
SELECT w.table_name, t.owner_team, min(w.distance) AS distance
FROM walk AS w
LEFT JOIN meta.tables AS t ON t.table_name = w.table_name
WHERE w.table_name <> (SELECT broken_table FROM ops.incident)
GROUP BY w.table_name, t.owner_team
ORDER BY distance, w.table_name;
