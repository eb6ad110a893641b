-- Also correct: keep the verdict in staging itself. Add a reason column, fill it with one UPDATE
-- per check from the lowest priority to the highest (so the highest-priority failure is written
-- last), then move the rows on with plain INSERTs.
DELETE FROM stage.orders_audit;
INSERT INTO stage.orders_audit
SELECT batch_id, order_id, customer_id, order_date, amount, currency
FROM landing.orders
WHERE batch_id = (SELECT batch_id FROM ops.run_context);

ALTER TABLE stage.orders_audit ADD COLUMN reason VARCHAR;

UPDATE stage.orders_audit AS s SET reason = 'unknown_customer'
WHERE s.customer_id IS NULL OR s.customer_id NOT IN (SELECT customer_id FROM dw.customers);
UPDATE stage.orders_audit AS s SET reason = 'unknown_currency'
WHERE s.currency IS NULL OR s.currency NOT IN (SELECT code FROM ref.currencies);
UPDATE stage.orders_audit AS s SET reason = 'bad_amount'
WHERE s.amount IS NULL OR s.amount <= 0;
UPDATE stage.orders_audit AS s SET reason = 'already_published'
WHERE s.order_id IN (SELECT order_id FROM dw.orders);
UPDATE stage.orders_audit AS s SET reason = 'duplicate_in_batch'
WHERE s.order_id IN (SELECT order_id FROM stage.orders_audit GROUP BY order_id HAVING count(*) > 1);
UPDATE stage.orders_audit AS s SET reason = 'missing_order_id'
WHERE s.order_id IS NULL;

INSERT INTO qa.orders_quarantine
SELECT batch_id, order_id, customer_id, order_date, amount, currency, reason
FROM stage.orders_audit
WHERE reason IS NOT NULL;

INSERT INTO dw.orders
SELECT order_id, customer_id, order_date, amount, currency, batch_id
FROM stage.orders_audit
WHERE reason IS NULL
  AND (SELECT 20 * count(reason) < count(*) FROM stage.orders_audit);

ALTER TABLE stage.orders_audit DROP COLUMN reason;
