-- Wrong: audits correctly but always publishes the passing rows. Write-audit-publish exists for
-- the day a batch is mostly broken: then the passing rows are suspect too, and nothing is published.
DELETE FROM stage.orders_audit;
INSERT INTO stage.orders_audit
SELECT batch_id, order_id, customer_id, order_date, amount, currency
FROM landing.orders WHERE batch_id = (SELECT batch_id FROM ops.run_context);

CREATE OR REPLACE TABLE stage.orders_audit_result AS
SELECT s.*,
       CASE
           WHEN s.order_id IS NULL THEN 'missing_order_id'
           WHEN count(*) OVER (PARTITION BY s.order_id) > 1 THEN 'duplicate_in_batch'
           WHEN s.order_id IN (SELECT order_id FROM dw.orders) THEN 'already_published'
           WHEN s.amount IS NULL OR s.amount <= 0 THEN 'bad_amount'
           WHEN s.currency IS NULL OR s.currency NOT IN (SELECT code FROM ref.currencies) THEN 'unknown_currency'
           WHEN s.customer_id IS NULL OR s.customer_id NOT IN (SELECT customer_id FROM dw.customers) THEN 'unknown_customer'
       END AS reason
FROM stage.orders_audit AS s;

INSERT INTO qa.orders_quarantine
SELECT batch_id, order_id, customer_id, order_date, amount, currency, reason
FROM stage.orders_audit_result WHERE reason IS NOT NULL;

INSERT INTO dw.orders
SELECT order_id, customer_id, order_date, amount, currency, batch_id
FROM stage.orders_audit_result WHERE reason IS NULL;
