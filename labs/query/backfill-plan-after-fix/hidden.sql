-- Hidden dataset: three days later the first fix turned out to be incomplete. Two tasks were
-- added to the DAG, the nights of 2024-05-14 and 2024-05-15 ran, and a second fix went out.
INSERT INTO orch.tasks VALUES
    ('ltv_features', 'ml-platform'),
    ('board_pack',   'finance-data');

INSERT INTO orch.task_dependencies VALUES
    ('ltv_features', 'customer_ltv'),
    ('ltv_features', 'extract_customers'),
    ('board_pack',   'revenue_dashboard'),
    ('board_pack',   'finance_close'),
    ('board_pack',   'crm_export');

INSERT INTO orch.task_runs
SELECT t.task_id, CAST(d.ts AS DATE), 1, 'success',
       d.ts + INTERVAL 1 DAY + INTERVAL 1 HOUR + t.n * INTERVAL 13 MINUTES
FROM (SELECT task_id, row_number() OVER (ORDER BY task_id) AS n FROM orch.tasks) AS t,
     generate_series(TIMESTAMP '2024-05-14', TIMESTAMP '2024-05-15', INTERVAL 1 DAY) AS d(ts);

-- The new tasks were backfilled from 2024-05-09 when they were deployed, except board_pack on
-- 2024-05-10, which was skipped.
INSERT INTO orch.task_runs
SELECT t.task_id, CAST(d.ts AS DATE), 1, 'success', TIMESTAMP '2024-05-14 15:00:00'
FROM (VALUES ('ltv_features'), ('board_pack')) AS t(task_id),
     generate_series(TIMESTAMP '2024-05-09', TIMESTAMP '2024-05-13', INTERVAL 1 DAY) AS d(ts)
WHERE NOT (t.task_id = 'board_pack' AND d.ts = TIMESTAMP '2024-05-10');

UPDATE orch.backfill_request
SET date_from = DATE '2024-05-10', date_to = DATE '2024-05-15', fixed_at = TIMESTAMP '2024-05-16 08:30:00';

-- Re-runs after the second fix.
INSERT INTO orch.task_runs VALUES
    ('clean_orders',  DATE '2024-05-14', 2, 'success',         TIMESTAMP '2024-05-16 09:00:00'),
    ('clean_orders',  DATE '2024-05-15', 2, 'failed',          TIMESTAMP '2024-05-16 09:05:00'),
    ('clean_orders',  DATE '2024-05-15', 3, 'success',         TIMESTAMP '2024-05-16 09:40:00'),
    ('orders_daily',  DATE '2024-05-15', 2, 'success',         TIMESTAMP '2024-05-16 10:00:00'),
    ('orders_daily',  DATE '2024-05-14', 2, 'upstream_failed', TIMESTAMP '2024-05-16 08:30:00'),
    ('customer_ltv',  DATE '2024-05-15', 2, 'success',         TIMESTAMP '2024-05-16 08:30:00'),
    ('customer_ltv',  DATE '2024-05-14', 2, 'success',         TIMESTAMP '2024-05-16 09:30:00'),
    ('customer_ltv',  DATE '2024-05-14', 3, 'failed',          TIMESTAMP '2024-05-16 10:15:00'),
    ('ltv_features',  DATE '2024-05-15', 2, 'success',         TIMESTAMP '2024-05-16 11:00:00'),
    ('crm_export',    DATE '2024-05-13', 2, 'success',         TIMESTAMP '2024-05-16 08:29:59'),
    ('board_pack',    DATE '2024-05-15', 2, 'running',         NULL);

-- The pause of the CRM export is over, but its 2024-05-14 run was lost from the scheduler's log.
DELETE FROM orch.task_runs WHERE task_id = 'crm_export' AND run_date = DATE '2024-05-14';
