-- Wrong: CAST instead of TRY_CAST. On clean data it works, but the first value that cannot be
-- cast makes the check fail with a conversion error instead of returning the offending rows,
-- so the scheduler sees a broken check, not a broken contract.
SELECT payment_id FROM landing.payments
WHERE payment_id IS NULL OR order_id IS NULL OR amount IS NULL OR currency IS NULL OR status IS NULL;

SELECT payment_id FROM landing.payments
WHERE CAST(payment_id AS BIGINT) IS NULL AND payment_id IS NOT NULL
   OR CAST(order_id AS BIGINT) IS NULL AND order_id IS NOT NULL
   OR CAST(amount AS DECIMAL(12, 2)) IS NULL AND amount IS NOT NULL
   OR CAST(paid_at AS TIMESTAMP) IS NULL AND paid_at IS NOT NULL;

SELECT payment_id FROM landing.payments AS p
WHERE currency NOT IN (SELECT allowed_value FROM contract.enum_values WHERE column_name = 'currency')
   OR status   NOT IN (SELECT allowed_value FROM contract.enum_values WHERE column_name = 'status');

SELECT payment_id FROM landing.payments GROUP BY payment_id HAVING count(*) > 1;
