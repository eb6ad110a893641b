-- Wrong: guards against cycles with the path, but starts the path without the broken table, so
-- a cycle that leads back to it reports the broken table as its own downstream.
WITH RECURSIVE walk(table_name, distance, path) AS (
    SELECT e.downstream, 1, [e.downstream]
    FROM meta.lineage_edges AS e JOIN ops.incident AS i ON e.upstream = i.broken_table
    UNION ALL
    SELECT e.downstream, w.distance + 1, list_append(w.path, e.downstream)
    FROM walk AS w JOIN meta.lineage_edges AS e ON e.upstream = w.table_name
    WHERE NOT list_contains(w.path, e.downstream)
)
SELECT w.table_name, t.owner_team, min(w.distance) AS distance
FROM walk AS w
LEFT JOIN meta.tables AS t ON t.table_name = w.table_name
GROUP BY w.table_name, t.owner_team
ORDER BY distance, w.table_name;
