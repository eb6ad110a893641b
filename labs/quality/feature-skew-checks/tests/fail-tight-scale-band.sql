-- Wrong: a +-50% band on the means instead of the agreed 10x. Baskets are legitimately bigger
-- during a sale, so this fires on healthy data; the agreed band only catches unit and scaling bugs.
WITH p AS (
    SELECT rc.feature_date AS serving_day, m.train_start, m.train_end
    FROM ops.run_context AS rc
    CROSS JOIN ml.model_registry AS m
    WHERE m.model_name = 'churn'
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

WITH p AS (
    SELECT rc.feature_date AS serving_day, m.train_start, m.train_end
    FROM ops.run_context AS rc
    CROSS JOIN ml.model_registry AS m
    WHERE m.model_name = 'churn'
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

WITH p AS (
    SELECT rc.feature_date AS serving_day, m.train_start, m.train_end
    FROM ops.run_context AS rc
    CROSS JOIN ml.model_registry AS m
    WHERE m.model_name = 'churn'
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
WHERE serving_mean > 1.5 * training_mean
   OR serving_mean < 0.5 * training_mean;
