-- For every label, the latest snapshot computed strictly before label_ts (a rerun at the same
-- computed_at wins by its higher snapshot_id). Labels without such a snapshot keep their row with
-- NULL features.
WITH candidates AS (
    SELECT l.label_id, l.customer_id, l.label_ts, l.churned,
           f.snapshot_id, f.sessions_30d, f.avg_basket, f.support_tickets_30d,
           row_number() OVER (
               PARTITION BY l.label_id
               ORDER BY f.computed_at DESC NULLS LAST, f.snapshot_id DESC
           ) AS pick
    FROM ml.churn_labels AS l
    LEFT JOIN ml.feature_snapshots AS f
           ON f.customer_id = l.customer_id
          AND f.computed_at < l.label_ts
)
SELECT label_id, customer_id, label_ts, churned,
       snapshot_id, sessions_30d, avg_basket, support_tickets_30d
FROM candidates
WHERE pick = 1
ORDER BY label_id;
