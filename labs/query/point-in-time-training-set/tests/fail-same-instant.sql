-- Wrong: "<=" lets a snapshot computed at the very instant of the label in. Labels made on a
-- Thursday at 00:00 then use the snapshot the job writes at that moment, which would not exist
-- yet when the prediction is made.
WITH candidates AS (
    SELECT l.label_id, l.customer_id, l.label_ts, l.churned,
           f.snapshot_id, f.sessions_30d, f.avg_basket, f.support_tickets_30d,
           row_number() OVER (PARTITION BY l.label_id ORDER BY f.computed_at DESC NULLS LAST, f.snapshot_id DESC) AS pick
    FROM ml.churn_labels AS l
    LEFT JOIN ml.feature_snapshots AS f
           ON f.customer_id = l.customer_id AND f.computed_at <= l.label_ts
)
SELECT label_id, customer_id, label_ts, churned, snapshot_id, sessions_30d, avg_basket, support_tickets_30d
FROM candidates WHERE pick = 1
ORDER BY label_id;
