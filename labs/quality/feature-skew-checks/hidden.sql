-- Hidden clean variant: two weeks later, after the model was retrained on a newer window.
-- Healthy changes only: a new device class that the new window has seen, new customers, a
-- bigger basket again and a slightly higher (but acceptable) NULL rate of sessions_7d.
UPDATE ops.run_context SET feature_date = DATE '2024-05-24';
UPDATE ml.model_registry SET train_start = DATE '2024-04-22', train_end = DATE '2024-05-12'
WHERE model_name = 'churn';

-- Smart TVs were launched on 2024-05-05; the new training window includes them.
UPDATE fs.daily_features SET device_type = 'smart_tv'
WHERE feature_date >= DATE '2024-05-05' AND customer_id % 19 = 0;

-- 2024-05-11 .. 2024-05-24, 95 customers a day (81..95 signed up with a first order).
INSERT INTO fs.daily_features
SELECT day, c,
       sessions_7d,
       CASE WHEN sessions_7d IS NULL OR (c + d) % 17 = 0 THEN NULL
            ELSE (22 + (c * 13 + d * 7) % 60 + 0.75)
                 * CASE WHEN day = DATE '2024-05-24' THEN 1.9 ELSE 1.0 END
       END,
       CASE WHEN c % 5 = 0 AND c <= 80 THEN NULL ELSE (c * 11 + d) % 45 END,
       CASE WHEN c % 19 = 0 THEN 'smart_tv'
            WHEN c % 10 < 5 THEN 'mobile' WHEN c % 10 < 8 THEN 'desktop' WHEN c % 10 = 8 THEN 'tablet'
       END,
       CASE WHEN c % 8 = 3 THEN NULL
            WHEN c % 4 = 0 THEN 'free' WHEN c % 4 = 1 THEN 'basic' ELSE 'pro' END
FROM (
    SELECT DATE '2024-04-01' + CAST(d AS INTEGER) AS day, d, c,
           CASE WHEN (c * 7 + d) % 29 = 0
                  OR (d = 53 AND (c * 7 + d) % 11 = 0) THEN NULL
                ELSE 1 + (c * 3 + d * 5) % 25 END AS sessions_7d
    FROM range(40, 54) AS a(d), range(1, 96) AS b(c)
) AS g;
