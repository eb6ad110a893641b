-- Wrong: evaluates every condition against event_date, whatever its filter_expr says. It reports
-- what the author of the query hoped for, not what the engine reads: date_trunc(...) and
-- CAST(event_ts AS DATE) cannot be matched against the partition folders.
WITH partitions AS (
    SELECT event_date, sum(size_bytes) AS bytes FROM lake.event_files GROUP BY event_date
),
reads AS (
    SELECT q.query_id, p.event_date, p.bytes
    FROM bi.dashboard_queries AS q CROSS JOIN partitions AS p
    WHERE NOT EXISTS (
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
