-- Wrong: runs each check as its own INSERT into the quarantine. A row that fails two checks is
-- quarantined twice (with two reasons), and the inflated count pushes the batch over the threshold.
DELETE FROM stage.orders_audit;
INSERT INTO stage.orders_audit
SELECT batch_id, order_id, customer_id, order_date, amount, currency
FROM landing.orders WHERE batch_id = (SELECT batch_id FROM ops.run_context);

INSERT INTO qa.orders_quarantine
SELECT s.*, 'missing_order_id' FROM stage.orders_audit AS s WHERE s.order_id IS NULL
UNION ALL
SELECT s.*, 'duplicate_in_batch' FROM stage.orders_audit AS s
WHERE s.order_id IN (SELECT order_id FROM stage.orders_audit GROUP BY order_id HAVING count(*) > 1)
UNION ALL
SELECT s.*, 'already_published' FROM stage.orders_audit AS s
WHERE EXISTS (SELECT 1 FROM dw.orders AS d WHERE d.order_id = s.order_id)
UNION ALL
SELECT s.*, 'bad_amount' FROM stage.orders_audit AS s WHERE s.amount IS NULL OR s.amount <= 0
UNION ALL
SELECT s.*, 'unknown_currency' FROM stage.orders_audit AS s
WHERE NOT EXISTS (SELECT 1 FROM ref.currencies AS c WHERE c.code = s.currency)
UNION ALL
SELECT s.*, 'unknown_customer' FROM stage.orders_audit AS s
WHERE NOT EXISTS (SELECT 1 FROM dw.customers AS c WHERE c.customer_id = s.customer_id);

INSERT INTO dw.orders
SELECT s.order_id, s.customer_id, s.order_date, s.amount, s.currency, s.batch_id
FROM stage.orders_audit AS s
WHERE s.order_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM qa.orders_quarantine AS q
                  WHERE q.batch_id = s.batch_id AND q.order_id = s.order_id)
  AND (SELECT count(*) FROM qa.orders_quarantine WHERE batch_id = (SELECT batch_id FROM ops.run_context))
      < 0.05 * (SELECT count(*) FROM stage.orders_audit);
