-- Reference solution.

-- 1. The new versions. Put each customer's current version and batch rows on one timeline; a batch row
--    starts a new version when its attributes differ (NULL-safe) from the row just before it, or when
--    it is the customer's first row at all (new customer).
CREATE OR REPLACE TABLE staging.scd_new_versions AS
WITH timeline AS (
    SELECT customer_id, email, city, tier, valid_from AS eff, false AS from_batch
    FROM dw.dim_customer
    WHERE is_current
    UNION ALL
    SELECT customer_id, email, city, tier, effective_date, true
    FROM staging.customer_updates
),
compared AS (
    SELECT *,
           row_number() OVER w = 1 AS is_first,
           (email, city, tier) IS DISTINCT FROM
               (lag(email) OVER w, lag(city) OVER w, lag(tier) OVER w) AS differs
    FROM timeline
    WINDOW w AS (PARTITION BY customer_id ORDER BY eff)
),
changes AS (
    SELECT customer_id, email, city, tier, eff AS valid_from
    FROM compared
    WHERE from_batch AND (is_first OR differs)
)
SELECT customer_id, email, city, tier, valid_from,
       lead(valid_from) OVER (PARTITION BY customer_id ORDER BY valid_from) AS valid_to
FROM changes;

-- 2. Close the current version of every customer that got a new version.
UPDATE dw.dim_customer AS d
SET valid_to = n.first_from,
    is_current = false
FROM (
    SELECT customer_id, min(valid_from) AS first_from
    FROM staging.scd_new_versions
    GROUP BY customer_id
) AS n
WHERE d.customer_id = n.customer_id
  AND d.is_current;

-- 3. Insert the new versions with surrogate keys that continue after the highest existing one.
INSERT INTO dw.dim_customer
SELECT
    (SELECT max(customer_sk) FROM dw.dim_customer)
        + row_number() OVER (ORDER BY customer_id, valid_from),
    customer_id, email, city, tier, valid_from, valid_to,
    valid_to IS NULL
FROM staging.scd_new_versions;
