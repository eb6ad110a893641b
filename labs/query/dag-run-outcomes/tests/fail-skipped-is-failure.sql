-- Wrong: calls a run a success only when every task ended in 'success'. A skipped task is a
-- normal outcome (a branch not taken), so runs with a skipped publish step are not failures.
WITH final_try AS (
    SELECT dag_id, run_date, task_id, try_number, state
    FROM ops.task_runs
    QUALIFY row_number() OVER (PARTITION BY dag_id, run_date, task_id ORDER BY try_number DESC) = 1
)
SELECT dag_id, run_date,
       CASE WHEN bool_or(state = 'running') THEN 'running'
            WHEN bool_and(state = 'success') THEN 'success'
            ELSE 'failed' END AS outcome,
       sum(try_number - 1) AS retries,
       count(*) FILTER (WHERE state NOT IN ('success', 'running')) AS failed_tasks
FROM final_try
GROUP BY dag_id, run_date
ORDER BY dag_id, run_date;
