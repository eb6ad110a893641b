-- Also correct: find the latest instant before the label with a correlated subquery, then the
-- highest snapshot_id at that instant.
SELECT l.label_id, l.customer_id, l.label_ts, l.churned,
       f.snapshot_id, f.sessions_30d, f.avg_basket, f.support_tickets_30d
FROM ml.churn_labels AS l
LEFT JOIN ml.feature_snapshots AS f
       ON f.snapshot_id = (
            SELECT max(s.snapshot_id)
            FROM ml.feature_snapshots AS s
            WHERE s.customer_id = l.customer_id
              AND s.computed_at = (SELECT max(x.computed_at) FROM ml.feature_snapshots AS x
                                   WHERE x.customer_id = l.customer_id AND x.computed_at < l.label_ts)
          )
ORDER BY l.label_id;
