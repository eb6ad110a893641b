-- Overfitted: the rules are right, but every check looks only at "the batch that just landed",
-- typed as _batch_id = 6 because that is the newest batch in the visible data. The next hour's
-- batch has another id, and whatever it breaks goes unseen.
SELECT 'required column is NULL' AS problem, payment_id
FROM landing.payments
WHERE _batch_id = 6
  AND (payment_id IS NULL OR order_id IS NULL OR amount IS NULL OR currency IS NULL OR status IS NULL);

SELECT 'value does not have the contract type' AS problem, payment_id
FROM landing.payments
WHERE _batch_id = 6
  AND ((payment_id IS NOT NULL AND try_cast(payment_id AS BIGINT) IS NULL)
    OR (order_id   IS NOT NULL AND try_cast(order_id   AS BIGINT) IS NULL)
    OR (amount     IS NOT NULL AND try_cast(amount     AS DECIMAL(12, 2)) IS NULL)
    OR (paid_at    IS NOT NULL AND try_cast(paid_at    AS TIMESTAMP) IS NULL));

SELECT 'value not allowed by the contract' AS problem, p.payment_id
FROM landing.payments AS p
WHERE p._batch_id = 6
  AND (NOT EXISTS (SELECT 1 FROM contract.enum_values AS v
                   WHERE v.column_name = 'currency' AND v.allowed_value = p.currency)
    OR NOT EXISTS (SELECT 1 FROM contract.enum_values AS v
                   WHERE v.column_name = 'status' AND v.allowed_value = p.status));

SELECT 'duplicate payment_id' AS problem, payment_id, count(*) AS copies
FROM landing.payments
WHERE _batch_id = 6
GROUP BY payment_id
HAVING count(*) > 1;
