-- The newest batch carries paid_at as Unix epoch seconds ('1717402800') instead of a timestamp.
UPDATE landing.payments
SET paid_at = CAST(CAST(epoch(CAST(paid_at AS TIMESTAMP)) AS BIGINT) AS VARCHAR)
WHERE paid_at IS NOT NULL
  AND _batch_id = (SELECT max(_batch_id) FROM landing.payments);
