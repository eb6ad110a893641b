-- Also correct: insert the new versions first (open-ended), then close every open version that
-- has a later version of the same customer, with valid_to = the next version's valid_from.
INSERT INTO dw.dim_customer (customer_sk, customer_id, email, city, tier, valid_from, valid_to, is_current)
WITH cur AS (
    SELECT customer_id, email, city, tier, valid_from FROM dw.dim_customer WHERE is_current
),
prev AS (
    SELECT u.customer_id, u.email, u.city, u.tier, u.effective_date,
           CASE WHEN pb.customer_id IS NOT NULL THEN pb.email ELSE c.email END AS p_email,
           CASE WHEN pb.customer_id IS NOT NULL THEN pb.city  ELSE c.city  END AS p_city,
           CASE WHEN pb.customer_id IS NOT NULL THEN pb.tier  ELSE c.tier  END AS p_tier,
           pb.customer_id IS NULL AND c.customer_id IS NULL AS brand_new
    FROM staging.customer_updates AS u
    -- pb: the customer's previous batch row, if any; c: the current version, if any
    LEFT JOIN staging.customer_updates AS pb
           ON pb.customer_id = u.customer_id
          AND pb.effective_date = (SELECT max(x.effective_date) FROM staging.customer_updates AS x
                                    WHERE x.customer_id = u.customer_id AND x.effective_date < u.effective_date)
    LEFT JOIN cur AS c ON c.customer_id = u.customer_id
),
changes AS (
    SELECT customer_id, email, city, tier, effective_date
    FROM prev
    WHERE brand_new
       OR email IS DISTINCT FROM p_email
       OR city  IS DISTINCT FROM p_city
       OR tier  IS DISTINCT FROM p_tier
)
SELECT (SELECT max(customer_sk) FROM dw.dim_customer)
           + row_number() OVER (ORDER BY customer_id, effective_date),
       customer_id, email, city, tier, effective_date, NULL, true
FROM changes;

UPDATE dw.dim_customer AS d
SET valid_to = nxt.next_from, is_current = false
FROM (
    SELECT o.customer_sk, min(l.valid_from) AS next_from
    FROM dw.dim_customer AS o
    JOIN dw.dim_customer AS l ON l.customer_id = o.customer_id AND l.valid_from > o.valid_from
    WHERE o.valid_to IS NULL
    GROUP BY o.customer_sk
) AS nxt
WHERE d.customer_sk = nxt.customer_sk;
