-- Also correct: keep one snapshot per customer and instant (the rerun), then an ASOF LEFT JOIN with
-- a strict ">" picks the latest snapshot strictly before each label.
WITH snapshots AS (
    SELECT *
    FROM ml.feature_snapshots
    QUALIFY row_number() OVER (PARTITION BY customer_id, computed_at ORDER BY snapshot_id DESC) = 1
)
SELECT l.label_id, l.customer_id, l.label_ts, l.churned,
       f.snapshot_id, f.sessions_30d, f.avg_basket, f.support_tickets_30d
FROM ml.churn_labels AS l
ASOF LEFT JOIN snapshots AS f
       ON f.customer_id = l.customer_id
      AND l.label_ts > f.computed_at
ORDER BY l.label_id;
