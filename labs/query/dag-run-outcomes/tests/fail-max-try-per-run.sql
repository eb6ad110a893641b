-- Wrong: takes the highest try number of the whole DAG run minus one as its retries. Two tasks
-- that each retried once count as one retry.
WITH final_try AS (
    SELECT dag_id, run_date, task_id, try_number, state
    FROM ops.task_runs
    QUALIFY row_number() OVER (PARTITION BY dag_id, run_date, task_id ORDER BY try_number DESC) = 1
)
SELECT dag_id, run_date,
       CASE WHEN bool_or(state = 'running') THEN 'running'
            WHEN bool_or(state IN ('failed', 'upstream_failed')) THEN 'failed'
            ELSE 'success' END AS outcome,
       max(try_number) - 1 AS retries,
       count(*) FILTER (WHERE state IN ('failed', 'upstream_failed')) AS failed_tasks
FROM final_try
GROUP BY dag_id, run_date
ORDER BY dag_id, run_date;
