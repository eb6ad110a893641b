-- check: a customer does not have exactly one current version
SELECT customer_id FROM dw.dim_customer
GROUP BY customer_id
HAVING count(*) FILTER (WHERE is_current) <> 1;

-- check: is_current does not match valid_to (current rows have valid_to NULL, closed rows a date)
SELECT customer_sk FROM dw.dim_customer
WHERE is_current IS NULL
   OR (is_current AND valid_to IS NOT NULL)
   OR (NOT is_current AND valid_to IS NULL);

-- check: a version ends on or before the day it starts
SELECT customer_sk FROM dw.dim_customer
WHERE valid_to <= valid_from;

-- check: two versions of one customer overlap or leave a gap (valid_to must equal the next valid_from)
SELECT customer_sk FROM (
    SELECT customer_sk, valid_to,
           lead(valid_from) OVER (PARTITION BY customer_id ORDER BY valid_from) AS next_from
    FROM dw.dim_customer
) AS v
WHERE next_from IS NOT NULL AND valid_to IS DISTINCT FROM next_from;

-- check: a surrogate key is NULL or used twice
SELECT customer_sk FROM dw.dim_customer
GROUP BY customer_sk
HAVING customer_sk IS NULL OR count(*) > 1;
