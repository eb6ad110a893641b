-- Correct too: one check that lists every violation with its rule, built as a UNION ALL, and a
-- uniqueness test written with a window count.
SELECT 'required' AS rule, payment_id FROM landing.payments
WHERE payment_id IS NULL OR order_id IS NULL OR amount IS NULL OR currency IS NULL OR status IS NULL
UNION ALL
SELECT 'type', payment_id FROM landing.payments
WHERE try_cast(payment_id AS BIGINT) IS NULL AND payment_id IS NOT NULL
UNION ALL
SELECT 'type', payment_id FROM landing.payments
WHERE try_cast(order_id AS BIGINT) IS NULL AND order_id IS NOT NULL
UNION ALL
SELECT 'type', payment_id FROM landing.payments
WHERE try_cast(amount AS DECIMAL(12, 2)) IS NULL AND amount IS NOT NULL
UNION ALL
SELECT 'type', payment_id FROM landing.payments
WHERE try_cast(paid_at AS TIMESTAMP) IS NULL AND paid_at IS NOT NULL
UNION ALL
SELECT 'enum', p.payment_id
FROM landing.payments AS p
LEFT JOIN contract.enum_values AS c ON c.column_name = 'currency' AND c.allowed_value = p.currency
LEFT JOIN contract.enum_values AS s ON s.column_name = 'status'   AND s.allowed_value = p.status
WHERE c.allowed_value IS NULL OR s.allowed_value IS NULL
UNION ALL
SELECT 'unique', payment_id FROM landing.payments
QUALIFY count(*) OVER (PARTITION BY payment_id) > 1;
