-- Visible dataset: a daily DAG, the attempts of its task partitions, and a backfill request.
CREATE SCHEMA orch;

CREATE TABLE orch.tasks (
    task_id  VARCHAR PRIMARY KEY,
    owner    VARCHAR NOT NULL
);

INSERT INTO orch.tasks VALUES
    ('extract_orders',    'ingestion'),
    ('extract_customers', 'ingestion'),
    ('clean_orders',      'core-data'),
    ('orders_daily',      'core-data'),
    ('revenue_dashboard', 'analytics'),
    ('customer_ltv',      'analytics'),
    ('finance_close',     'finance-data'),
    ('crm_export',        'crm');

-- task_id runs after upstream_task_id, for the same run_date.
CREATE TABLE orch.task_dependencies (
    task_id           VARCHAR NOT NULL,
    upstream_task_id  VARCHAR NOT NULL
);

INSERT INTO orch.task_dependencies VALUES
    ('clean_orders',      'extract_orders'),
    ('orders_daily',      'clean_orders'),
    ('revenue_dashboard', 'orders_daily'),
    ('finance_close',     'orders_daily'),
    ('customer_ltv',      'clean_orders'),
    ('customer_ltv',      'orders_daily'),
    ('customer_ltv',      'extract_customers'),
    ('crm_export',        'customer_ltv'),
    ('crm_export',        'clean_orders');

-- Every attempt of every task partition (task_id, run_date). Attempts are numbered from 1; the
-- highest attempt is the partition's current state. ended_at is NULL while an attempt runs.
CREATE TABLE orch.task_runs (
    task_id   VARCHAR   NOT NULL,
    run_date  DATE      NOT NULL,
    attempt   INTEGER   NOT NULL,
    state     VARCHAR   NOT NULL,   -- success, failed, running, upstream_failed
    ended_at  TIMESTAMP
);

-- The nightly runs: each partition ran once, in the night after its run_date, and succeeded.
INSERT INTO orch.task_runs
SELECT t.task_id, CAST(d.ts AS DATE), 1, 'success',
       d.ts + INTERVAL 1 DAY + INTERVAL 1 HOUR + t.n * INTERVAL 17 MINUTES
FROM (SELECT task_id, row_number() OVER (ORDER BY task_id) AS n FROM orch.tasks) AS t,
     generate_series(TIMESTAMP '2024-05-01', TIMESTAMP '2024-05-13', INTERVAL 1 DAY) AS d(ts);

-- The night of 2024-05-10 had a failure and a retry in the morning.
UPDATE orch.task_runs SET state = 'failed'
WHERE task_id = 'orders_daily' AND run_date = DATE '2024-05-10';
INSERT INTO orch.task_runs VALUES
    ('orders_daily', DATE '2024-05-10', 2, 'success', TIMESTAMP '2024-05-11 09:00:00');

-- The CRM export was paused on 2024-05-12: that partition never ran at all.
DELETE FROM orch.task_runs WHERE task_id = 'crm_export' AND run_date = DATE '2024-05-12';

-- The bug: clean_orders converted foreign-currency orders with a stale exchange rate from
-- 2024-05-06 to 2024-05-12. The fix was deployed on 2024-05-13 at 10:00.
CREATE TABLE orch.backfill_request (
    task_id    VARCHAR   NOT NULL,
    date_from  DATE      NOT NULL,
    date_to    DATE      NOT NULL,
    fixed_at   TIMESTAMP NOT NULL
);

INSERT INTO orch.backfill_request VALUES
    ('clean_orders', DATE '2024-05-06', DATE '2024-05-12', TIMESTAMP '2024-05-13 10:00:00');

-- Since the fix, the on-call engineer re-ran a few partitions by hand.
INSERT INTO orch.task_runs VALUES
    ('clean_orders',      DATE '2024-05-06', 2, 'success', TIMESTAMP '2024-05-13 11:00:00'),
    ('clean_orders',      DATE '2024-05-07', 2, 'success', TIMESTAMP '2024-05-13 11:20:00'),
    ('clean_orders',      DATE '2024-05-09', 2, 'success', TIMESTAMP '2024-05-13 11:40:00'),
    ('clean_orders',      DATE '2024-05-09', 3, 'failed',  TIMESTAMP '2024-05-13 12:10:00'),
    ('orders_daily',      DATE '2024-05-06', 2, 'success', TIMESTAMP '2024-05-13 12:30:00'),
    ('orders_daily',      DATE '2024-05-07', 2, 'failed',  TIMESTAMP '2024-05-13 12:45:00'),
    ('revenue_dashboard', DATE '2024-05-06', 2, 'success', TIMESTAMP '2024-05-13 13:00:00'),
    ('customer_ltv',      DATE '2024-05-10', 2, 'running', NULL),
    ('finance_close',     DATE '2024-05-11', 2, 'success', TIMESTAMP '2024-05-13 10:00:00'),
    ('extract_orders',    DATE '2024-05-08', 2, 'failed',  TIMESTAMP '2024-05-13 10:30:00'),
    ('clean_orders',      DATE '2024-05-05', 2, 'success', TIMESTAMP '2024-05-13 10:45:00');
