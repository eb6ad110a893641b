-- Reference: the final state of a task is the state of its highest try. A DAG run is running
-- while any final state is running, failed when any final state is failed or upstream_failed,
-- and a success otherwise (skipped is fine). Retries are the tries beyond each task's first.
WITH final_try AS (
    SELECT dag_id, run_date, task_id, try_number, state
    FROM ops.task_runs
    QUALIFY row_number() OVER (PARTITION BY dag_id, run_date, task_id ORDER BY try_number DESC) = 1
)
SELECT dag_id,
       run_date,
       CASE
           WHEN count(*) FILTER (WHERE state = 'running') > 0 THEN 'running'
           WHEN count(*) FILTER (WHERE state IN ('failed', 'upstream_failed')) > 0 THEN 'failed'
           ELSE 'success'
       END                                                             AS outcome,
       sum(try_number - 1)                                             AS retries,
       count(*) FILTER (WHERE state IN ('failed', 'upstream_failed'))  AS failed_tasks
FROM final_try
GROUP BY dag_id, run_date
ORDER BY dag_id, run_date;
