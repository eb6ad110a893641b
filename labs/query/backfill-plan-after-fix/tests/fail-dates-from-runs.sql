-- Wrong: takes the partitions from the run log. A partition that never ran (the paused CRM export)
-- has no row there, so it is never planned, although it is as stale as the others.
WITH RECURSIVE chains (task_id, step) AS (
    SELECT task_id, 0 FROM orch.backfill_request
    UNION ALL
    SELECT d.task_id, c.step + 1
    FROM chains AS c JOIN orch.task_dependencies AS d ON d.upstream_task_id = c.task_id
),
steps AS (SELECT task_id, max(step) AS step FROM chains GROUP BY task_id),
latest AS (
    SELECT task_id, run_date, state, ended_at FROM orch.task_runs
    QUALIFY row_number() OVER (PARTITION BY task_id, run_date ORDER BY attempt DESC) = 1
)
SELECT l.run_date, s.step, s.task_id
FROM steps AS s
JOIN latest AS l ON l.task_id = s.task_id
JOIN orch.backfill_request AS r ON l.run_date BETWEEN r.date_from AND r.date_to
WHERE NOT (l.state = 'success' AND l.ended_at >= r.fixed_at)
   OR l.ended_at IS NULL
ORDER BY l.run_date, s.step, s.task_id;
