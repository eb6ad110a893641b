-- Wrong: the textbook single-change SCD2. It keeps only each customer's latest batch row, so a
-- customer who changed twice in the batch loses the intermediate version.
CREATE OR REPLACE TABLE staging.latest_updates AS
SELECT * FROM staging.customer_updates
QUALIFY row_number() OVER (PARTITION BY customer_id ORDER BY effective_date DESC) = 1;

CREATE OR REPLACE TABLE staging.changed AS
SELECT u.*
FROM staging.latest_updates AS u
LEFT JOIN dw.dim_customer AS d ON d.customer_id = u.customer_id AND d.is_current
WHERE d.customer_id IS NULL
   OR (u.email, u.city, u.tier) IS DISTINCT FROM (d.email, d.city, d.tier);

UPDATE dw.dim_customer AS d
SET valid_to = c.effective_date, is_current = false
FROM staging.changed AS c
WHERE d.customer_id = c.customer_id AND d.is_current;

INSERT INTO dw.dim_customer
SELECT (SELECT max(customer_sk) FROM dw.dim_customer) + row_number() OVER (ORDER BY customer_id),
       customer_id, email, city, tier, effective_date, NULL, true
FROM staging.changed;
