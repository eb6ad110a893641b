-- The producer's outbox re-sent its newest batch after a broker failover; the loader stamped the
-- copies an hour later, so they are not byte-for-byte equal to the originals.
INSERT INTO landing.payments
SELECT payment_id, order_id, amount, currency, status, paid_at, customer_note,
       _batch_id, _loaded_at + INTERVAL 1 HOUR
FROM landing.payments
WHERE _batch_id = (SELECT max(_batch_id) FROM landing.payments);
