-- Billing renamed the 'pro' plan to 'pro_plus' in a release after the model was trained. Every
-- day since the end of the training window carries the new name, the day being checked included.
UPDATE fs.daily_features
SET plan_tier = 'pro_plus'
WHERE plan_tier = 'pro'
  AND feature_date > (SELECT train_end FROM ml.model_registry WHERE model_name = 'churn');
