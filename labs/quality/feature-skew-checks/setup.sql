-- Visible dataset: the daily feature table of the churn model, 80 customers a day from
-- 2024-04-01 to 2024-05-10. The model was trained on 2024-04-08 .. 2024-04-28; the features of
-- 2024-05-10 are about to be pushed to the online store.
CREATE SCHEMA ops;
CREATE SCHEMA ml;
CREATE SCHEMA fs;

CREATE TABLE ops.run_context (feature_date DATE NOT NULL);   -- the day being checked
INSERT INTO ops.run_context VALUES (DATE '2024-05-10');

CREATE TABLE ml.model_registry (
    model_name   VARCHAR PRIMARY KEY,
    train_start  DATE NOT NULL,    -- inclusive
    train_end    DATE NOT NULL     -- inclusive
);
INSERT INTO ml.model_registry VALUES
    ('churn', DATE '2024-04-08', DATE '2024-04-28'),
    ('ltv',   DATE '2024-03-01', DATE '2024-03-31');   -- another model, another window

CREATE TABLE fs.daily_features (
    feature_date      DATE    NOT NULL,
    customer_id       INTEGER NOT NULL,
    sessions_7d       INTEGER,           -- numeric
    avg_basket_eur    DOUBLE,            -- numeric, euros
    days_since_order  INTEGER,           -- numeric; NULL for customers who never ordered
    device_type       VARCHAR,           -- categorical; NULL when the device is unknown
    plan_tier         VARCHAR,           -- categorical; NULL for customers without a plan
    PRIMARY KEY (feature_date, customer_id)
);

INSERT INTO fs.daily_features
SELECT day, c,
       sessions_7d,
       CASE WHEN sessions_7d IS NULL OR (c + d) % 17 = 0 THEN NULL
            ELSE (20 + (c * 13 + d * 7) % 60 + 0.25)
                 * CASE WHEN day = DATE '2024-05-10' THEN 1.6 ELSE 1.0 END   -- spring sale: bigger baskets
       END,
       CASE WHEN c % 5 = 0 THEN NULL ELSE (c * 11 + d) % 45 END,
       CASE WHEN c = 9 AND day IN (DATE '2024-04-10', DATE '2024-04-12', DATE '2024-05-10') THEN 'tv'
            WHEN c % 10 < 5 THEN 'mobile' WHEN c % 10 < 8 THEN 'desktop' WHEN c % 10 = 8 THEN 'tablet'
       END,
       CASE WHEN c % 8 = 3 THEN NULL
            WHEN c % 4 = 0 THEN 'free' WHEN c % 4 = 1 THEN 'basic' ELSE 'pro' END
FROM (
    SELECT DATE '2024-04-01' + CAST(d AS INTEGER) AS day, d, c,
           CASE WHEN (c * 7 + d) % 29 = 0 THEN NULL ELSE 1 + (c * 3 + d * 5) % 25 END AS sessions_7d
    FROM range(0, 40) AS a(d), range(1, 81) AS b(c)
) AS g;
