-- Wrong: counts only successes strictly after fixed_at as rebuilt. fixed_at is stamped when the
-- deploy has completed, so a partition that finished at that very second already ran the fixed
-- code; the agreed rule says "at or after", and this plan runs such partitions again for nothing.
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
),
latest AS (
    SELECT task_id, run_date, state, ended_at FROM orch.task_runs
    QUALIFY row_number() OVER (PARTITION BY task_id, run_date ORDER BY attempt DESC) = 1
)
SELECT d.run_date, s.step, s.task_id
FROM steps AS s CROSS JOIN dates AS d CROSS JOIN orch.backfill_request AS r
LEFT JOIN latest AS l ON l.task_id = s.task_id AND l.run_date = d.run_date
WHERE NOT coalesce(l.state = 'success' AND l.ended_at > r.fixed_at, false)
ORDER BY d.run_date, s.step, s.task_id;
