-- Correct too: find each task's highest try with GROUP BY and join back for its state.
WITH last_try AS (
    SELECT dag_id, run_date, task_id, max(try_number) AS try_number
    FROM ops.task_runs
    GROUP BY dag_id, run_date, task_id
),
final_state AS (
    SELECT l.dag_id, l.run_date, l.task_id, l.try_number, r.state
    FROM last_try AS l
    JOIN ops.task_runs AS r
      ON r.dag_id = l.dag_id AND r.run_date = l.run_date
     AND r.task_id = l.task_id AND r.try_number = l.try_number
)
SELECT dag_id, run_date,
       CASE WHEN max(CASE WHEN state = 'running' THEN 1 ELSE 0 END) = 1 THEN 'running'
            WHEN max(CASE WHEN state IN ('failed', 'upstream_failed') THEN 1 ELSE 0 END) = 1 THEN 'failed'
            ELSE 'success' END AS outcome,
       sum(try_number) - count(*) AS retries,
       sum(CASE WHEN state IN ('failed', 'upstream_failed') THEN 1 ELSE 0 END) AS failed_tasks
FROM final_state
GROUP BY dag_id, run_date
ORDER BY dag_id, run_date;
