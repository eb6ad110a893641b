-- Reference: a partition is read unless one of the query's prunable conditions (those on the bare
-- event_date column) rules it out. Conditions on expressions prune nothing.
WITH partitions AS (
    SELECT event_date, sum(size_bytes) AS bytes
    FROM lake.event_files
    GROUP BY event_date
),
prunable AS (
    SELECT query_id, op, value
    FROM bi.query_filters
    WHERE filter_expr = 'event_date'
),
reads AS (
    SELECT q.query_id, p.event_date, p.bytes
    FROM bi.dashboard_queries AS q
    CROSS JOIN partitions AS p
    WHERE NOT EXISTS (
        SELECT 1
        FROM prunable AS f
        WHERE f.query_id = q.query_id
          AND NOT CASE f.op
                      WHEN '='  THEN p.event_date =  f.value
                      WHEN '<'  THEN p.event_date <  f.value
                      WHEN '<=' THEN p.event_date <= f.value
                      WHEN '>'  THEN p.event_date >  f.value
                      WHEN '>=' THEN p.event_date >= f.value
                  END
    )
)
SELECT
    q.query_id,
    q.dashboard,
    count(r.event_date)        AS partitions_read,
    coalesce(sum(r.bytes), 0)  AS bytes_read
FROM bi.dashboard_queries AS q
LEFT JOIN reads AS r ON r.query_id = q.query_id
GROUP BY q.query_id, q.dashboard
ORDER BY bytes_read DESC, q.query_id;
