-- Wrong: joins the files to the prunable conditions they satisfy and keeps the partitions that
-- pass all of them, but sums size_bytes over the joined rows, so each file counts once per
-- condition (a query with two conditions "reads" twice its bytes). Queries with no prunable
-- condition match no row of the join and come out as reading nothing instead of everything.
WITH prunable AS (
    SELECT row_number() OVER () AS cond_id, query_id, op, value
    FROM bi.query_filters WHERE filter_expr = 'event_date'
),
needed AS (
    SELECT query_id, count(*) AS n FROM prunable GROUP BY query_id
),
joined AS (
    SELECT f.query_id, f.cond_id, e.event_date, e.size_bytes
    FROM prunable AS f
    JOIN lake.event_files AS e
      ON CASE f.op WHEN '=' THEN e.event_date = f.value WHEN '<' THEN e.event_date < f.value
                   WHEN '<=' THEN e.event_date <= f.value WHEN '>' THEN e.event_date > f.value
                   WHEN '>=' THEN e.event_date >= f.value END
),
per_partition AS (
    SELECT query_id, event_date, count(DISTINCT cond_id) AS passed, sum(size_bytes) AS bytes
    FROM joined GROUP BY query_id, event_date
)
SELECT q.query_id, q.dashboard,
       count(pp.event_date) AS partitions_read,
       coalesce(sum(pp.bytes), 0) AS bytes_read
FROM bi.dashboard_queries AS q
LEFT JOIN needed AS n ON n.query_id = q.query_id
LEFT JOIN per_partition AS pp ON pp.query_id = q.query_id AND pp.passed = n.n
GROUP BY q.query_id, q.dashboard
ORDER BY bytes_read DESC, q.query_id;
