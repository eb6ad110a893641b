-- A refactor of the orders service started to publish basket values in cents: on the day being
-- checked, avg_basket_eur is 100 times too large.
UPDATE fs.daily_features
SET avg_basket_eur = avg_basket_eur * 100
WHERE feature_date = (SELECT feature_date FROM ops.run_context);
