-- Hidden dataset: a new risk team with badly typed tags, ad-hoc queries removed from the log,
-- two ml-platform queries on the last month boundary, and more re-delivered log rows.
INSERT INTO billing.warehouse_costs
SELECT 5000 + i,
       DATE '2024-05-10' + CAST(i AS INTEGER),
       'wh-risk',
       CASE i % 3 WHEN 0 THEN ' Risk' WHEN 1 THEN 'RISK' ELSE 'risk  ' END,
       CAST(3.10 + i * 0.35 AS DECIMAL(12, 4))
FROM range(0, 12) AS t(i);

-- risk usage in June belongs to another report
INSERT INTO billing.warehouse_costs VALUES (5100, DATE '2024-06-01', 'wh-risk', 'risk', 9.9900);

INSERT INTO ops.query_log
SELECT 'r' || lpad(CAST(i AS VARCHAR), 4, '0'), 'risk',
       TIMESTAMP '2024-05-10 08:00:00' + i * INTERVAL 7 HOURS,
       CASE WHEN i % 6 = 0 THEN 'failed' ELSE 'succeeded' END
FROM range(0, 45) AS t(i);
INSERT INTO ops.query_log SELECT * FROM ops.query_log WHERE team = 'risk' AND started_at < TIMESTAMP '2024-05-14 00:00:00';

-- The ad-hoc service accounts were moved to another warehouse: no untagged queries any more.
DELETE FROM ops.query_log WHERE team IS NULL;

INSERT INTO ops.query_log VALUES
    ('m0001', 'ml-platform', TIMESTAMP '2024-05-31 23:59:59.5', 'succeeded'),
    ('m0002', 'ml-platform', TIMESTAMP '2024-06-01 00:00:00',   'succeeded'),
    ('m0001', 'ml-platform', TIMESTAMP '2024-05-31 23:59:59.5', 'succeeded');

-- The shared warehouse was finally tagged for the last week of May, in two spellings.
UPDATE billing.warehouse_costs
SET team_tag = CASE WHEN line_id % 2 = 0 THEN 'Search' ELSE 'search ' END
WHERE resource_id = 'wh-shared' AND usage_date BETWEEN DATE '2024-05-25' AND DATE '2024-05-31';
