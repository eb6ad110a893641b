-- Also correct: the latest attempt with arg_max, the dates with a lateral generate_series, and
-- the plan as an anti-join against the partitions already rebuilt.
WITH RECURSIVE chains (task_id, step) AS (
    SELECT r.task_id, 0 FROM orch.backfill_request AS r
    UNION ALL
    SELECT d.task_id, c.step + 1
    FROM orch.task_dependencies AS d
    JOIN chains AS c ON c.task_id = d.upstream_task_id
),
in_scope AS (
    SELECT task_id, max(step) AS step FROM chains GROUP BY task_id
),
latest AS (
    SELECT task_id, run_date,
           arg_max(state, attempt)    AS state,
           arg_max(ended_at, attempt) AS ended_at
    FROM orch.task_runs
    GROUP BY task_id, run_date
),
rebuilt AS (
    SELECT l.task_id, l.run_date
    FROM latest AS l, orch.backfill_request AS r
    WHERE l.state = 'success' AND l.ended_at >= r.fixed_at
)
SELECT CAST(g.ts AS DATE) AS run_date, i.step, i.task_id
FROM in_scope AS i,
     orch.backfill_request AS r,
     generate_series(r.date_from, r.date_to, INTERVAL 1 DAY) AS g(ts)
WHERE (i.task_id, CAST(g.ts AS DATE)) NOT IN (SELECT (task_id, run_date) FROM rebuilt)
ORDER BY run_date, i.step, i.task_id;
