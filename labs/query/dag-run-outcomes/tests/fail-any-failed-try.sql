-- Wrong: looks at every try instead of the last one, so a run whose failed try was retried
-- successfully is reported as failed, and its failed tries are counted as failed tasks.
SELECT dag_id,
       run_date,
       CASE WHEN bool_or(state = 'running') THEN 'running'
            WHEN bool_or(state IN ('failed', 'upstream_failed')) THEN 'failed'
            ELSE 'success' END AS outcome,
       count(*) - count(DISTINCT task_id) AS retries,
       count(*) FILTER (WHERE state IN ('failed', 'upstream_failed')) AS failed_tasks
FROM ops.task_runs
GROUP BY dag_id, run_date
ORDER BY dag_id, run_date;
