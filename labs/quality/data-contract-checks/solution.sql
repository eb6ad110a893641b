-- Check 1: required columns are present.
SELECT 'required column is NULL' AS problem, payment_id, _batch_id
FROM landing.payments
WHERE payment_id IS NULL OR order_id IS NULL OR amount IS NULL OR currency IS NULL OR status IS NULL;

-- Check 2: every value that is present can be cast to the contract's type. NULL is not a type
-- error (optional columns may be NULL; required ones are check 1's job). TRY_CAST returns NULL
-- instead of failing the whole check.
SELECT 'value does not have the contract type' AS problem, payment_id, _batch_id
FROM landing.payments
WHERE (payment_id IS NOT NULL AND try_cast(payment_id AS BIGINT) IS NULL)
   OR (order_id   IS NOT NULL AND try_cast(order_id   AS BIGINT) IS NULL)
   OR (amount     IS NOT NULL AND try_cast(amount     AS DECIMAL(12, 2)) IS NULL)
   OR (paid_at    IS NOT NULL AND try_cast(paid_at    AS TIMESTAMP) IS NULL);

-- Check 3: enumerated columns hold a value the registry allows (exact match, case included).
SELECT 'value not allowed by the contract' AS problem, p.payment_id, p._batch_id
FROM landing.payments AS p
WHERE NOT EXISTS (SELECT 1 FROM contract.enum_values AS v
                  WHERE v.column_name = 'currency' AND v.allowed_value = p.currency)
   OR NOT EXISTS (SELECT 1 FROM contract.enum_values AS v
                  WHERE v.column_name = 'status' AND v.allowed_value = p.status);

-- Check 4: payment_id is unique across the table, whatever the other columns say.
SELECT 'duplicate payment_id' AS problem, payment_id, count(*) AS copies
FROM landing.payments
GROUP BY payment_id
HAVING count(*) > 1;
