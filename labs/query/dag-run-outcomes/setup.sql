-- Visible dataset: five days of the scheduler's task-try log for two DAGs.
CREATE SCHEMA ops;

-- One row per try of a task in a DAG run. A retry is a new row with the next try_number.
-- A try that is still running has state 'running' and no end_ts yet.
CREATE TABLE ops.task_runs (
    dag_id      VARCHAR NOT NULL,
    task_id     VARCHAR NOT NULL,
    run_date    DATE NOT NULL,        -- the logical date of the DAG run
    try_number  INTEGER NOT NULL,     -- 1 for the first try, 2 for the first retry, ...
    state       VARCHAR NOT NULL,     -- success, failed, skipped, upstream_failed, running
    start_ts    TIMESTAMP,
    end_ts      TIMESTAMP
);

-- First tries: by default every task succeeds, each one starting 20 minutes after the previous one.
INSERT INTO ops.task_runs
SELECT t.dag_id, t.task_id, DATE '2024-06-10' + CAST(d AS INTEGER), 1, 'success',
       TIMESTAMP '2024-06-11 02:00:00' + CAST(d AS INTEGER) * INTERVAL 1 DAY + t.pos * INTERVAL 20 MINUTE,
       TIMESTAMP '2024-06-11 02:15:00' + CAST(d AS INTEGER) * INTERVAL 1 DAY + t.pos * INTERVAL 20 MINUTE
FROM range(0, 5) AS g(d)
CROSS JOIN (VALUES ('daily_sales', 'extract', 0), ('daily_sales', 'transform', 1),
                   ('daily_sales', 'load', 2), ('daily_sales', 'notify', 3),
                   ('ml_features', 'build', 0), ('ml_features', 'validate', 1),
                   ('ml_features', 'publish', 2)) AS t(dag_id, task_id, pos);

-- ml_features skips publishing when validation finds nothing new (2024-06-11 and 2024-06-13).
UPDATE ops.task_runs SET state = 'skipped', end_ts = start_ts
WHERE dag_id = 'ml_features' AND task_id = 'publish' AND run_date IN (DATE '2024-06-11', DATE '2024-06-13');

-- daily_sales 2024-06-11: transform failed once, the retry succeeded.
UPDATE ops.task_runs SET state = 'failed'
WHERE dag_id = 'daily_sales' AND task_id = 'transform' AND run_date = DATE '2024-06-11';
INSERT INTO ops.task_runs VALUES
    ('daily_sales', 'transform', DATE '2024-06-11', 2, 'success', TIMESTAMP '2024-06-12 02:40:00', TIMESTAMP '2024-06-12 02:52:00');

-- daily_sales 2024-06-12: the source database was down; extract failed all three tries and
-- everything downstream is upstream_failed.
UPDATE ops.task_runs SET state = 'failed'
WHERE dag_id = 'daily_sales' AND task_id = 'extract' AND run_date = DATE '2024-06-12';
UPDATE ops.task_runs SET state = 'upstream_failed', start_ts = NULL, end_ts = NULL
WHERE dag_id = 'daily_sales' AND task_id <> 'extract' AND run_date = DATE '2024-06-12';
INSERT INTO ops.task_runs VALUES
    ('daily_sales', 'extract', DATE '2024-06-12', 2, 'failed', TIMESTAMP '2024-06-13 02:20:00', TIMESTAMP '2024-06-13 02:21:00'),
    ('daily_sales', 'extract', DATE '2024-06-12', 3, 'failed', TIMESTAMP '2024-06-13 02:40:00', TIMESTAMP '2024-06-13 02:41:00');

-- daily_sales 2024-06-13: load and notify each failed once and recovered.
UPDATE ops.task_runs SET state = 'failed'
WHERE dag_id = 'daily_sales' AND task_id IN ('load', 'notify') AND run_date = DATE '2024-06-13';
INSERT INTO ops.task_runs VALUES
    ('daily_sales', 'load',   DATE '2024-06-13', 2, 'success', TIMESTAMP '2024-06-14 03:10:00', TIMESTAMP '2024-06-14 03:22:00'),
    ('daily_sales', 'notify', DATE '2024-06-13', 2, 'success', TIMESTAMP '2024-06-14 03:30:00', TIMESTAMP '2024-06-14 03:31:00');

-- daily_sales 2024-06-14: transform failed once; its retry is running right now, and load and
-- notify have not started (their rows are not in the log yet).
DELETE FROM ops.task_runs
WHERE dag_id = 'daily_sales' AND task_id IN ('load', 'notify') AND run_date = DATE '2024-06-14';
UPDATE ops.task_runs SET state = 'failed'
WHERE dag_id = 'daily_sales' AND task_id = 'transform' AND run_date = DATE '2024-06-14';
INSERT INTO ops.task_runs VALUES
    ('daily_sales', 'transform', DATE '2024-06-14', 2, 'running', TIMESTAMP '2024-06-15 02:50:00', NULL);

-- ml_features 2024-06-12: validate failed twice; publish never ran.
UPDATE ops.task_runs SET state = 'failed'
WHERE dag_id = 'ml_features' AND task_id = 'validate' AND run_date = DATE '2024-06-12';
UPDATE ops.task_runs SET state = 'upstream_failed', start_ts = NULL, end_ts = NULL
WHERE dag_id = 'ml_features' AND task_id = 'publish' AND run_date = DATE '2024-06-12';
INSERT INTO ops.task_runs VALUES
    ('ml_features', 'validate', DATE '2024-06-12', 2, 'failed', TIMESTAMP '2024-06-13 03:00:00', TIMESTAMP '2024-06-13 03:04:00');

-- ml_features 2024-06-13: validate timed out once, then passed; publish was skipped.
UPDATE ops.task_runs SET state = 'failed'
WHERE dag_id = 'ml_features' AND task_id = 'validate' AND run_date = DATE '2024-06-13';
INSERT INTO ops.task_runs VALUES
    ('ml_features', 'validate', DATE '2024-06-13', 2, 'success', TIMESTAMP '2024-06-14 02:45:00', TIMESTAMP '2024-06-14 02:58:00');
