-- Wrong: checks the ids against INTEGER. The contract says BIGINT: ids above 2,147,483,647 are
-- valid, and this check fires on them.
SELECT payment_id FROM landing.payments
WHERE payment_id IS NULL OR order_id IS NULL OR amount IS NULL OR currency IS NULL OR status IS NULL;

SELECT payment_id FROM landing.payments
WHERE (payment_id IS NOT NULL AND try_cast(payment_id AS INTEGER) IS NULL)
   OR (order_id   IS NOT NULL AND try_cast(order_id   AS INTEGER) IS NULL)
   OR (amount     IS NOT NULL AND try_cast(amount     AS DECIMAL(12, 2)) IS NULL)
   OR (paid_at    IS NOT NULL AND try_cast(paid_at    AS TIMESTAMP) IS NULL);

SELECT payment_id FROM landing.payments AS p
WHERE NOT EXISTS (SELECT 1 FROM contract.enum_values AS v WHERE v.column_name = 'currency' AND v.allowed_value = p.currency)
   OR NOT EXISTS (SELECT 1 FROM contract.enum_values AS v WHERE v.column_name = 'status' AND v.allowed_value = p.status);

SELECT payment_id FROM landing.payments GROUP BY payment_id HAVING count(*) > 1;
