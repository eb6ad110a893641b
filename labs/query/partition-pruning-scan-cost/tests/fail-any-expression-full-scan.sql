-- Wrong: treats a query as a full scan as soon as one of its conditions is on an expression.
-- The conditions are ANDed, so a bare event_date condition next to it still prunes.
WITH partitions AS (
    SELECT event_date, sum(size_bytes) AS bytes FROM lake.event_files GROUP BY event_date
),
full_scans AS (
    SELECT q.query_id
    FROM bi.dashboard_queries AS q
    WHERE NOT EXISTS (SELECT 1 FROM bi.query_filters AS f WHERE f.query_id = q.query_id)
       OR EXISTS (SELECT 1 FROM bi.query_filters AS f WHERE f.query_id = q.query_id AND f.filter_expr <> 'event_date')
),
reads AS (
    SELECT s.query_id, p.event_date, p.bytes
    FROM full_scans AS s CROSS JOIN partitions AS p
    UNION ALL
    SELECT q.query_id, p.event_date, p.bytes
    FROM bi.dashboard_queries AS q CROSS JOIN partitions AS p
    WHERE q.query_id NOT IN (SELECT query_id FROM full_scans)
      AND NOT EXISTS (
        SELECT 1 FROM bi.query_filters AS f
        WHERE f.query_id = q.query_id
          AND NOT CASE f.op WHEN '=' THEN p.event_date = f.value WHEN '<' THEN p.event_date < f.value
                            WHEN '<=' THEN p.event_date <= f.value WHEN '>' THEN p.event_date > f.value
                            WHEN '>=' THEN p.event_date >= f.value END)
)
SELECT q.query_id, q.dashboard,
       count(r.event_date) AS partitions_read,
       coalesce(sum(r.bytes), 0) AS bytes_read
FROM bi.dashboard_queries AS q
LEFT JOIN reads AS r ON r.query_id = q.query_id
GROUP BY q.query_id, q.dashboard
ORDER BY bytes_read DESC, q.query_id;
