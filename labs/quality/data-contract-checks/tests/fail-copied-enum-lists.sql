-- Wrong: copies today's allowed values into the check instead of reading the registry. When the
-- producer publishes a new currency and starts sending it, the check fires on valid data.
SELECT payment_id FROM landing.payments
WHERE payment_id IS NULL OR order_id IS NULL OR amount IS NULL OR currency IS NULL OR status IS NULL;

SELECT payment_id FROM landing.payments
WHERE (payment_id IS NOT NULL AND try_cast(payment_id AS BIGINT) IS NULL)
   OR (order_id   IS NOT NULL AND try_cast(order_id   AS BIGINT) IS NULL)
   OR (amount     IS NOT NULL AND try_cast(amount     AS DECIMAL(12, 2)) IS NULL)
   OR (paid_at    IS NOT NULL AND try_cast(paid_at    AS TIMESTAMP) IS NULL);

SELECT payment_id FROM landing.payments
WHERE currency NOT IN ('USD', 'EUR', 'KRW')
   OR status NOT IN ('authorized', 'captured', 'refunded', 'failed');

SELECT payment_id FROM landing.payments GROUP BY payment_id HAVING count(*) > 1;
