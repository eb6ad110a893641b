-- Wrong: picks each task's final try by its end time. A try that is still running has no
-- end_ts, so arg_max skips it and the previous, failed try looks final.
WITH final_try AS (
    SELECT dag_id, run_date, task_id,
           max(try_number)         AS try_number,
           arg_max(state, end_ts)  AS state
    FROM ops.task_runs
    GROUP BY dag_id, run_date, task_id
)
SELECT dag_id, run_date,
       CASE WHEN bool_or(state = 'running') THEN 'running'
            WHEN bool_or(state IN ('failed', 'upstream_failed')) THEN 'failed'
            ELSE 'success' END AS outcome,
       sum(try_number - 1) AS retries,
       count(*) FILTER (WHERE state IN ('failed', 'upstream_failed')) AS failed_tasks
FROM final_try
GROUP BY dag_id, run_date
ORDER BY dag_id, run_date;
