-- Also correct: the same three rules, written differently. Check 1 puts the five NULL rates side
-- by side, check 2 finds unseen values with EXCEPT (serving values minus training values), and
-- check 3 compares each ratio of means with the band.
WITH p AS (
    SELECT rc.feature_date AS serving_day, m.train_start, m.train_end
    FROM ops.run_context AS rc, ml.model_registry AS m
    WHERE m.model_name = 'churn'
),
serving AS (SELECT f.* FROM fs.daily_features AS f, p WHERE f.feature_date = p.serving_day),
training AS (SELECT f.* FROM fs.daily_features AS f, p WHERE f.feature_date BETWEEN p.train_start AND p.train_end)
SELECT 'null rate' AS rule, s.*, t.*
FROM (SELECT avg((sessions_7d IS NULL)::INTEGER) AS s1, avg((avg_basket_eur IS NULL)::INTEGER) AS s2,
             avg((days_since_order IS NULL)::INTEGER) AS s3, avg((device_type IS NULL)::INTEGER) AS s4,
             avg((plan_tier IS NULL)::INTEGER) AS s5 FROM serving) AS s,
     (SELECT avg((sessions_7d IS NULL)::INTEGER) AS t1, avg((avg_basket_eur IS NULL)::INTEGER) AS t2,
             avg((days_since_order IS NULL)::INTEGER) AS t3, avg((device_type IS NULL)::INTEGER) AS t4,
             avg((plan_tier IS NULL)::INTEGER) AS t5 FROM training) AS t
WHERE s1 - t1 > 0.10 OR s2 - t2 > 0.10 OR s3 - t3 > 0.10 OR s4 - t4 > 0.10 OR s5 - t5 > 0.10;

WITH p AS (
    SELECT rc.feature_date AS serving_day, m.train_start, m.train_end
    FROM ops.run_context AS rc, ml.model_registry AS m
    WHERE m.model_name = 'churn'
)
(SELECT 'device_type', device_type FROM fs.daily_features, p
 WHERE feature_date = p.serving_day AND device_type IS NOT NULL
 EXCEPT
 SELECT 'device_type', device_type FROM fs.daily_features, p
 WHERE feature_date BETWEEN p.train_start AND p.train_end)
UNION ALL
(SELECT 'plan_tier', plan_tier FROM fs.daily_features, p
 WHERE feature_date = p.serving_day AND plan_tier IS NOT NULL
 EXCEPT
 SELECT 'plan_tier', plan_tier FROM fs.daily_features, p
 WHERE feature_date BETWEEN p.train_start AND p.train_end);

WITH p AS (
    SELECT rc.feature_date AS serving_day, m.train_start, m.train_end
    FROM ops.run_context AS rc, ml.model_registry AS m
    WHERE m.model_name = 'churn'
),
m AS (
    SELECT avg(sessions_7d)      FILTER (WHERE feature_date = p.serving_day) / avg(sessions_7d)      FILTER (WHERE feature_date BETWEEN p.train_start AND p.train_end) AS r_sessions,
           avg(avg_basket_eur)   FILTER (WHERE feature_date = p.serving_day) / avg(avg_basket_eur)   FILTER (WHERE feature_date BETWEEN p.train_start AND p.train_end) AS r_basket,
           avg(days_since_order) FILTER (WHERE feature_date = p.serving_day) / avg(days_since_order) FILTER (WHERE feature_date BETWEEN p.train_start AND p.train_end) AS r_days
    FROM fs.daily_features, p
)
SELECT * FROM m
WHERE r_sessions NOT BETWEEN 0.1 AND 10 OR r_basket NOT BETWEEN 0.1 AND 10 OR r_days NOT BETWEEN 0.1 AND 10;
