-- Visible dataset: churn labels and the weekly feature snapshots they must be joined to.
-- The feature job runs every Thursday at 00:00 and writes one snapshot per customer; a rerun
-- writes a second snapshot with the same computed_at and a higher snapshot_id.
CREATE SCHEMA ml;

CREATE TABLE ml.feature_snapshots (
    snapshot_id          INTEGER PRIMARY KEY,
    customer_id          INTEGER NOT NULL,
    computed_at          TIMESTAMP NOT NULL,   -- the features use only data before this instant
    sessions_30d         INTEGER NOT NULL,
    avg_basket           DECIMAL(8, 2) NOT NULL,
    support_tickets_30d  INTEGER NOT NULL
);

CREATE TABLE ml.churn_labels (
    label_id     INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL,
    label_ts     TIMESTAMP NOT NULL,   -- the moment the prediction would have been made
    churned      BOOLEAN NOT NULL      -- did the customer churn within 30 days after label_ts?
);

-- Customers 1..12; every third one churns in March. After churning, the snapshots show no
-- sessions at all, and in the ten days before it the support tickets pile up.
CREATE TABLE ml.tmp_customers AS
SELECT c,
       CASE WHEN c % 3 = 0 THEN TIMESTAMP '2024-03-10 00:00:00' + INTERVAL 1 DAY * c END AS churn_ts
FROM range(1, 13) AS t(c);

INSERT INTO ml.feature_snapshots
SELECT 100000 + c * 100 + w * 2 + r,
       c,
       TIMESTAMP '2024-01-04 00:00:00' + INTERVAL 7 DAY * w,
       CASE WHEN churn_ts IS NOT NULL AND TIMESTAMP '2024-01-04 00:00:00' + INTERVAL 7 DAY * w > churn_ts THEN 0
            ELSE 5 + (c * 7 + w * 3) % 20 + r END,
       CAST(20 + (c * 13 + w * 5) % 40 + 0.5 AS DECIMAL(8, 2)),
       CASE WHEN churn_ts IS NOT NULL
                 AND TIMESTAMP '2024-01-04 00:00:00' + INTERVAL 7 DAY * w > churn_ts - INTERVAL 10 DAY THEN 3 + w % 2
            ELSE (c + w) % 2 END
FROM ml.tmp_customers, range(0, 17) AS a(w), range(0, 2) AS b(r)
WHERE r = 0 OR (c + w) % 9 = 0;          -- r = 1: a rerun of that week's job

-- Three labels per customer: two on a Thursday at 00:00 (the same instant as a snapshot) and one
-- on a Tuesday at noon.
INSERT INTO ml.churn_labels
SELECT c * 10 + k,
       c,
       CASE k WHEN 1 THEN TIMESTAMP '2024-02-01 00:00:00'
              WHEN 2 THEN TIMESTAMP '2024-02-20 12:00:00'
              ELSE TIMESTAMP '2024-03-07 00:00:00' END AS label_ts,
       coalesce(churn_ts >= label_ts AND churn_ts < label_ts + INTERVAL 30 DAY, false)
FROM ml.tmp_customers, range(1, 4) AS t(k);

DROP TABLE ml.tmp_customers;

-- Customer 13 signed up in March: its first snapshot is written at the very instant of its
-- first label. Customer 14 has labels but the feature job has never seen it.
INSERT INTO ml.feature_snapshots VALUES
    (901, 13, TIMESTAMP '2024-03-21 00:00:00', 2, 31.00, 0),
    (902, 13, TIMESTAMP '2024-03-28 00:00:00', 4, 28.50, 1),
    (903, 13, TIMESTAMP '2024-04-04 00:00:00', 1, 30.00, 0);
INSERT INTO ml.churn_labels VALUES
    (131, 13, TIMESTAMP '2024-03-21 00:00:00', false),
    (132, 13, TIMESTAMP '2024-04-02 09:00:00', false),
    (141, 14, TIMESTAMP '2024-03-01 00:00:00', true);
