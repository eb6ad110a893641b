-- Wrong: takes the snapshot NEAREST to the label in time, before or after. Almost every label then
-- get features computed after the fact: a quieter leak than the latest snapshot, but still a leak.
WITH candidates AS (
    SELECT l.label_id, l.customer_id, l.label_ts, l.churned,
           f.snapshot_id, f.sessions_30d, f.avg_basket, f.support_tickets_30d,
           row_number() OVER (PARTITION BY l.label_id
                              ORDER BY abs(epoch(f.computed_at) - epoch(l.label_ts)) NULLS LAST, f.snapshot_id DESC) AS pick
    FROM ml.churn_labels AS l
    LEFT JOIN ml.feature_snapshots AS f ON f.customer_id = l.customer_id
)
SELECT label_id, customer_id, label_ts, churned, snapshot_id, sessions_30d, avg_basket, support_tickets_30d
FROM candidates WHERE pick = 1
ORDER BY label_id;
