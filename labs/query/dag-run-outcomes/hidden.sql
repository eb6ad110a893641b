-- Hidden dataset: a day later. The running retry finished, the outage day was cleared and
-- re-run by hand, a new DAG appeared, and new runs are under way.

-- daily_sales 2024-06-14: the transform retry succeeded, load succeeded, notify failed for good.
UPDATE ops.task_runs SET state = 'success', end_ts = TIMESTAMP '2024-06-15 03:05:00'
WHERE dag_id = 'daily_sales' AND task_id = 'transform' AND run_date = DATE '2024-06-14' AND try_number = 2;
INSERT INTO ops.task_runs VALUES
    ('daily_sales', 'load',   DATE '2024-06-14', 1, 'success', TIMESTAMP '2024-06-15 03:10:00', TIMESTAMP '2024-06-15 03:25:00'),
    ('daily_sales', 'notify', DATE '2024-06-14', 1, 'failed',  TIMESTAMP '2024-06-15 03:30:00', TIMESTAMP '2024-06-15 03:30:10');

-- daily_sales 2024-06-12: once the database was back, the on-call engineer cleared the run;
-- every task got one more try, and all of them succeeded.
INSERT INTO ops.task_runs VALUES
    ('daily_sales', 'extract',   DATE '2024-06-12', 4, 'success', TIMESTAMP '2024-06-15 09:00:00', TIMESTAMP '2024-06-15 09:12:00'),
    ('daily_sales', 'transform', DATE '2024-06-12', 2, 'success', TIMESTAMP '2024-06-15 09:20:00', TIMESTAMP '2024-06-15 09:31:00'),
    ('daily_sales', 'load',      DATE '2024-06-12', 2, 'success', TIMESTAMP '2024-06-15 09:40:00', TIMESTAMP '2024-06-15 09:52:00'),
    ('daily_sales', 'notify',    DATE '2024-06-12', 2, 'success', TIMESTAMP '2024-06-15 10:00:00', TIMESTAMP '2024-06-15 10:00:05');

-- finance_close only does work at month end: on other days both tasks are skipped.
INSERT INTO ops.task_runs VALUES
    ('finance_close', 'gate', DATE '2024-06-13', 1, 'skipped', TIMESTAMP '2024-06-14 05:00:00', TIMESTAMP '2024-06-14 05:00:00'),
    ('finance_close', 'post', DATE '2024-06-13', 1, 'skipped', TIMESTAMP '2024-06-14 05:00:00', TIMESTAMP '2024-06-14 05:00:00'),
    -- a forced run: post failed twice and its third try is still running
    ('finance_close', 'gate', DATE '2024-06-14', 1, 'success', TIMESTAMP '2024-06-15 05:00:00', TIMESTAMP '2024-06-15 05:01:00'),
    ('finance_close', 'post', DATE '2024-06-14', 1, 'failed',  TIMESTAMP '2024-06-15 05:02:00', TIMESTAMP '2024-06-15 05:20:00'),
    ('finance_close', 'post', DATE '2024-06-14', 2, 'failed',  TIMESTAMP '2024-06-15 05:25:00', TIMESTAMP '2024-06-15 05:44:00'),
    ('finance_close', 'post', DATE '2024-06-14', 3, 'running', TIMESTAMP '2024-06-15 05:50:00', NULL);

-- ml_features 2024-06-15 has just started.
INSERT INTO ops.task_runs VALUES
    ('ml_features', 'build', DATE '2024-06-15', 1, 'running', TIMESTAMP '2024-06-16 02:00:00', NULL);
