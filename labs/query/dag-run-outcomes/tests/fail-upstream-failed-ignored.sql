-- Wrong: only 'failed' counts as a failure. The tasks that never ran because an upstream task
-- failed are left out of failed_tasks.
WITH final_try AS (
    SELECT dag_id, run_date, task_id, try_number, state
    FROM ops.task_runs
    QUALIFY row_number() OVER (PARTITION BY dag_id, run_date, task_id ORDER BY try_number DESC) = 1
)
SELECT dag_id, run_date,
       CASE WHEN bool_or(state = 'running') THEN 'running'
            WHEN bool_or(state = 'failed') THEN 'failed'
            ELSE 'success' END AS outcome,
       sum(try_number - 1) AS retries,
       count(*) FILTER (WHERE state = 'failed') AS failed_tasks
FROM final_try
GROUP BY dag_id, run_date
ORDER BY dag_id, run_date;
