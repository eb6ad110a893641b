-- A new SDK reports device classes in upper case ('MOBILE', 'DESKTOP', ...). Nothing is NULL and
-- the distribution looks the same, but the model's encoder has never seen these values.
UPDATE fs.daily_features
SET device_type = upper(device_type)
WHERE feature_date = (SELECT feature_date FROM ops.run_context);
