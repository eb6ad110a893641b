-- Wrong: skips a partition when any of its attempts succeeded after the fix. A later attempt
-- can fail again (a retry that overwrote the partition and crashed halfway): only the latest
-- attempt tells the partition's state.
WITH RECURSIVE chains (task_id, step) AS (
    SELECT task_id, 0 FROM orch.backfill_request
    UNION ALL
    SELECT d.task_id, c.step + 1
    FROM chains AS c JOIN orch.task_dependencies AS d ON d.upstream_task_id = c.task_id
),
steps AS (SELECT task_id, max(step) AS step FROM chains GROUP BY task_id),
dates AS (
    SELECT CAST(g.ts AS DATE) AS run_date
    FROM orch.backfill_request AS r, generate_series(r.date_from, r.date_to, INTERVAL 1 DAY) AS g(ts)
)
SELECT d.run_date, s.step, s.task_id
FROM steps AS s CROSS JOIN dates AS d CROSS JOIN orch.backfill_request AS r
WHERE NOT EXISTS (
    SELECT 1 FROM orch.task_runs AS t
    WHERE t.task_id = s.task_id AND t.run_date = d.run_date
      AND t.state = 'success' AND t.ended_at >= r.fixed_at
)
ORDER BY d.run_date, s.step, s.task_id;
