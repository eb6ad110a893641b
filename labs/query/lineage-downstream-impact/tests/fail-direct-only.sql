-- Wrong: lists only the tables that read the broken table directly. The impact goes on through
-- every table that reads one of those.
SELECT DISTINCT e.downstream AS table_name, t.owner_team, 1 AS distance
FROM meta.lineage_edges AS e
JOIN ops.incident AS i ON e.upstream = i.broken_table
LEFT JOIN meta.tables AS t ON t.table_name = e.downstream
WHERE e.downstream <> i.broken_table
ORDER BY distance, table_name;
