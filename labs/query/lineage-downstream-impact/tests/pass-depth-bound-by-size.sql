-- Correct too: a shortest path never visits a table twice, so it is at most as long as the
-- number of distinct tables in the edges. Bounding the walk by that number ends it on cycles
-- without tracking paths; distinct edges keep the walk small.
WITH RECURSIVE edges AS (
    SELECT DISTINCT upstream, downstream FROM meta.lineage_edges WHERE upstream <> downstream
),
node_count AS (
    SELECT count(*) AS n FROM (SELECT upstream FROM edges UNION SELECT downstream FROM edges)
),
walk(table_name, distance) AS (
    SELECT e.downstream, 1
    FROM edges AS e JOIN ops.incident AS i ON e.upstream = i.broken_table
    UNION
    SELECT e.downstream, w.distance + 1
    FROM walk AS w JOIN edges AS e ON e.upstream = w.table_name
    WHERE w.distance < (SELECT n FROM node_count)
)
SELECT w.table_name,
       (SELECT owner_team FROM meta.tables AS t WHERE t.table_name = w.table_name) AS owner_team,
       min(w.distance) AS distance
FROM walk AS w
WHERE w.table_name <> (SELECT broken_table FROM ops.incident)
GROUP BY w.table_name
ORDER BY distance, w.table_name;
