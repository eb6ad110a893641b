-- Wrong: "try_cast(x) IS NULL" alone is also true when x is NULL. An optional paid_at that is
-- legitimately empty is reported as a type error.
SELECT payment_id FROM landing.payments
WHERE payment_id IS NULL OR order_id IS NULL OR amount IS NULL OR currency IS NULL OR status IS NULL;

SELECT payment_id FROM landing.payments
WHERE try_cast(payment_id AS BIGINT) IS NULL
   OR try_cast(order_id   AS BIGINT) IS NULL
   OR try_cast(amount     AS DECIMAL(12, 2)) IS NULL
   OR try_cast(paid_at    AS TIMESTAMP) IS NULL;

SELECT payment_id FROM landing.payments AS p
WHERE NOT EXISTS (SELECT 1 FROM contract.enum_values AS v WHERE v.column_name = 'currency' AND v.allowed_value = p.currency)
   OR NOT EXISTS (SELECT 1 FROM contract.enum_values AS v WHERE v.column_name = 'status' AND v.allowed_value = p.status);

SELECT payment_id FROM landing.payments GROUP BY payment_id HAVING count(*) > 1;
