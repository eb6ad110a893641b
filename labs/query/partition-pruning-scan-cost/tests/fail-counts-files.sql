-- Wrong: counts files instead of partitions. A partition is one event_date folder, however
-- many files it holds, and file counts change every time the table is compacted.
WITH prunable AS (
    SELECT query_id, op, value FROM bi.query_filters WHERE filter_expr = 'event_date'
),
reads AS (
    SELECT q.query_id, e.file_path, e.size_bytes
    FROM bi.dashboard_queries AS q CROSS JOIN lake.event_files AS e
    WHERE NOT EXISTS (
        SELECT 1 FROM prunable AS f
        WHERE f.query_id = q.query_id
          AND NOT CASE f.op WHEN '=' THEN e.event_date = f.value WHEN '<' THEN e.event_date < f.value
                            WHEN '<=' THEN e.event_date <= f.value WHEN '>' THEN e.event_date > f.value
                            WHEN '>=' THEN e.event_date >= f.value END)
)
SELECT q.query_id, q.dashboard,
       count(r.file_path) AS partitions_read,
       coalesce(sum(r.size_bytes), 0) AS bytes_read
FROM bi.dashboard_queries AS q
LEFT JOIN reads AS r ON r.query_id = q.query_id
GROUP BY q.query_id, q.dashboard
ORDER BY bytes_read DESC, q.query_id;
