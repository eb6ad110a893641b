-- Also correct: turn each query's prunable conditions into one date range [lo, hi] (plus the
-- equality conditions), then read the partitions inside it. A query without prunable conditions
-- has no bounds and reads everything.
WITH partitions AS (
    SELECT event_date, sum(size_bytes) AS bytes FROM lake.event_files GROUP BY event_date
),
bounds AS (
    SELECT q.query_id, q.dashboard,
           max(CASE WHEN f.op = '>=' OR f.op = '=' THEN f.value WHEN f.op = '>' THEN f.value + 1 END) AS lo,
           min(CASE WHEN f.op = '<=' OR f.op = '=' THEN f.value WHEN f.op = '<' THEN f.value - 1 END) AS hi
    FROM bi.dashboard_queries AS q
    LEFT JOIN bi.query_filters AS f
           ON f.query_id = q.query_id AND f.filter_expr = 'event_date'
    GROUP BY q.query_id, q.dashboard
)
SELECT b.query_id, b.dashboard,
       count(p.event_date) AS partitions_read,
       coalesce(sum(p.bytes), 0) AS bytes_read
FROM bounds AS b
LEFT JOIN partitions AS p
       ON (b.lo IS NULL OR p.event_date >= b.lo)
      AND (b.hi IS NULL OR p.event_date <= b.hi)
GROUP BY b.query_id, b.dashboard
ORDER BY bytes_read DESC, b.query_id;
