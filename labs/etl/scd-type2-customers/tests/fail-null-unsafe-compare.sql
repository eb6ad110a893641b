-- Wrong: compares attributes with <>. When one side is NULL the comparison is NULL, not true,
-- so a city that becomes known (or an e-mail that is removed) is not seen as a change.
CREATE OR REPLACE TABLE staging.scd_new_versions AS
WITH timeline AS (
    SELECT customer_id, email, city, tier, valid_from AS eff, false AS from_batch
    FROM dw.dim_customer WHERE is_current
    UNION ALL
    SELECT customer_id, email, city, tier, effective_date, true FROM staging.customer_updates
),
compared AS (
    SELECT *,
           row_number() OVER w = 1 AS is_first,
           (email <> lag(email) OVER w OR city <> lag(city) OVER w OR tier <> lag(tier) OVER w) AS differs
    FROM timeline
    WINDOW w AS (PARTITION BY customer_id ORDER BY eff)
)
SELECT customer_id, email, city, tier, eff AS valid_from,
       lead(eff) OVER (PARTITION BY customer_id ORDER BY eff) AS valid_to
FROM compared
WHERE from_batch AND (is_first OR differs);

UPDATE dw.dim_customer AS d
SET valid_to = n.first_from, is_current = false
FROM (SELECT customer_id, min(valid_from) AS first_from FROM staging.scd_new_versions GROUP BY customer_id) AS n
WHERE d.customer_id = n.customer_id AND d.is_current;

INSERT INTO dw.dim_customer
SELECT (SELECT max(customer_sk) FROM dw.dim_customer) + row_number() OVER (ORDER BY customer_id, valid_from),
       customer_id, email, city, tier, valid_from, valid_to, valid_to IS NULL
FROM staging.scd_new_versions;
