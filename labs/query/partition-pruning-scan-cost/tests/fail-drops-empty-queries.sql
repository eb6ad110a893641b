-- Wrong: builds the result from the partitions that are read, so queries that read nothing
-- (a missing day, contradictory conditions, dates before the table starts) vanish from the report
-- instead of showing 0 partitions and 0 bytes.
WITH partitions AS (
    SELECT event_date, sum(size_bytes) AS bytes FROM lake.event_files GROUP BY event_date
),
prunable AS (
    SELECT query_id, op, value FROM bi.query_filters WHERE filter_expr = 'event_date'
)
SELECT q.query_id, q.dashboard, count(*) AS partitions_read, sum(p.bytes) AS bytes_read
FROM bi.dashboard_queries AS q
JOIN partitions AS p
  ON NOT EXISTS (
        SELECT 1 FROM prunable AS f
        WHERE f.query_id = q.query_id
          AND NOT CASE f.op WHEN '=' THEN p.event_date = f.value WHEN '<' THEN p.event_date < f.value
                            WHEN '<=' THEN p.event_date <= f.value WHEN '>' THEN p.event_date > f.value
                            WHEN '>=' THEN p.event_date >= f.value END)
GROUP BY q.query_id, q.dashboard
ORDER BY bytes_read DESC, q.query_id;
