-- The sessions source was re-partitioned and the feature job's join to it silently lost half of
-- the customers on the day being checked: their sessions_7d is NULL.
UPDATE fs.daily_features
SET sessions_7d = NULL
WHERE feature_date = (SELECT feature_date FROM ops.run_context)
  AND customer_id % 2 = 0;
