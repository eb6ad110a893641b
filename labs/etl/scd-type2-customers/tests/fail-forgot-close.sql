-- Wrong: inserts the new versions but never closes the old current row, so changed customers
-- end up with two "current" versions.
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
           (email, city, tier) IS DISTINCT FROM (lag(email) OVER w, lag(city) OVER w, lag(tier) OVER w) AS differs
    FROM timeline
    WINDOW w AS (PARTITION BY customer_id ORDER BY eff)
)
SELECT customer_id, email, city, tier, eff AS valid_from,
       lead(eff) OVER (PARTITION BY customer_id ORDER BY eff) AS valid_to
FROM compared
WHERE from_batch AND (is_first OR differs);

INSERT INTO dw.dim_customer
SELECT (SELECT max(customer_sk) FROM dw.dim_customer) + row_number() OVER (ORDER BY customer_id, valid_from),
       customer_id, email, city, tier, valid_from, valid_to, valid_to IS NULL
FROM staging.scd_new_versions;
