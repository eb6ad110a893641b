-- Wrong, and the classic leak: joins every label to the customer's LATEST snapshot. For churned
-- customers that snapshot was computed after they left (0 sessions, a pile of tickets), so the
-- model learns to read the answer from the features and is useless in production.
WITH latest AS (
    SELECT *
    FROM ml.feature_snapshots
    QUALIFY row_number() OVER (PARTITION BY customer_id ORDER BY computed_at DESC, snapshot_id DESC) = 1
)
SELECT l.label_id, l.customer_id, l.label_ts, l.churned,
       f.snapshot_id, f.sessions_30d, f.avg_basket, f.support_tickets_30d
FROM ml.churn_labels AS l
LEFT JOIN latest AS f ON f.customer_id = l.customer_id
ORDER BY l.label_id;
