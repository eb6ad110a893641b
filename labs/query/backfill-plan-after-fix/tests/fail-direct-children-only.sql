-- Wrong: plans the fixed task and its direct downstream tasks only. The tasks two or three hops
-- away (the dashboard, the finance close, the CRM export) keep serving numbers built on the bug.
WITH steps AS (
    SELECT task_id, 0 AS step FROM orch.backfill_request
    UNION ALL
    SELECT d.task_id, 1
    FROM orch.task_dependencies AS d JOIN orch.backfill_request AS r ON d.upstream_task_id = r.task_id
),
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
WHERE NOT coalesce(l.state = 'success' AND l.ended_at >= r.fixed_at, false)
ORDER BY d.run_date, s.step, s.task_id;
