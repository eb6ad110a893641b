-- Wrong: treats only the second copy of a duplicated order_id as the duplicate and publishes the
-- first one. Nothing says which copy is right (here they even differ in currency), so the rule
-- quarantines every copy.
DELETE FROM stage.orders_audit;
INSERT INTO stage.orders_audit
SELECT batch_id, order_id, customer_id, order_date, amount, currency
FROM landing.orders WHERE batch_id = (SELECT batch_id FROM ops.run_context);

CREATE OR REPLACE TABLE stage.orders_audit_result AS
SELECT s.*,
       CASE
           WHEN s.order_id IS NULL THEN 'missing_order_id'
           WHEN row_number() OVER (PARTITION BY s.order_id ORDER BY s.currency) > 1 THEN 'duplicate_in_batch'
           WHEN EXISTS (SELECT 1 FROM dw.orders AS d WHERE d.order_id = s.order_id) THEN 'already_published'
           WHEN s.amount IS NULL OR s.amount <= 0 THEN 'bad_amount'
           WHEN NOT EXISTS (SELECT 1 FROM ref.currencies AS c WHERE c.code = s.currency) THEN 'unknown_currency'
           WHEN NOT EXISTS (SELECT 1 FROM dw.customers AS c WHERE c.customer_id = s.customer_id) THEN 'unknown_customer'
       END AS reason
FROM stage.orders_audit AS s;

INSERT INTO qa.orders_quarantine
SELECT batch_id, order_id, customer_id, order_date, amount, currency, reason
FROM stage.orders_audit_result WHERE reason IS NOT NULL;

INSERT INTO dw.orders
SELECT order_id, customer_id, order_date, amount, currency, batch_id
FROM stage.orders_audit_result
WHERE reason IS NULL
  AND (SELECT count(*) FILTER (WHERE reason IS NOT NULL) / count(*) FROM stage.orders_audit_result) < 0.05;
