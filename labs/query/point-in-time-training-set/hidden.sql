-- Hidden dataset: a month later. More labels, more reruns, a lost snapshot and a late customer.
-- The data scientists add a fourth label, on Thursday 2024-04-04 at 00:00, for every customer
-- that is still active (1..12, not a multiple of 3); none of them churns in the next 30 days.
INSERT INTO ml.churn_labels
SELECT c * 10 + 4, c, TIMESTAMP '2024-04-04 00:00:00', false
FROM range(1, 13) AS t(c)
WHERE c % 3 <> 0;

-- The job of 2024-02-15 was rerun for customers 1..4 (the rerun has the higher id and wins).
INSERT INTO ml.feature_snapshots
SELECT snapshot_id + 50, customer_id, computed_at, sessions_30d + 2, avg_basket, support_tickets_30d
FROM ml.feature_snapshots
WHERE computed_at = TIMESTAMP '2024-02-15 00:00:00' AND customer_id BETWEEN 1 AND 4
QUALIFY row_number() OVER (PARTITION BY customer_id ORDER BY snapshot_id DESC) = 1;

-- Customer 5's snapshot of 2024-02-29 was lost: its March label falls back a week.
DELETE FROM ml.feature_snapshots WHERE customer_id = 5 AND computed_at = TIMESTAMP '2024-02-29 00:00:00';

-- Customer 14 is finally picked up by the feature job, after its label.
INSERT INTO ml.feature_snapshots VALUES
    (904, 14, TIMESTAMP '2024-03-07 00:00:00', 0, 19.00, 4),
    (905, 14, TIMESTAMP '2024-03-14 00:00:00', 0, 19.00, 5);

-- A label one microsecond after a snapshot: that snapshot is strictly before it and counts.
INSERT INTO ml.churn_labels VALUES
    (133, 13, TIMESTAMP '2024-03-28 00:00:00.000001', false);
