-- Wrong: quarantines first, then publishes the staged rows whose order_id is NOT IN the
-- quarantine. The row without an order_id puts a NULL in that list, "x NOT IN (..., NULL)" is
-- never true, and not a single order is published.
DELETE FROM stage.orders_audit;
INSERT INTO stage.orders_audit
SELECT batch_id, order_id, customer_id, order_date, amount, currency
FROM landing.orders WHERE batch_id = (SELECT batch_id FROM ops.run_context);

INSERT INTO qa.orders_quarantine
SELECT * FROM (
    SELECT s.*,
           CASE
               WHEN s.order_id IS NULL THEN 'missing_order_id'
               WHEN count(*) OVER (PARTITION BY s.order_id) > 1 THEN 'duplicate_in_batch'
               WHEN EXISTS (SELECT 1 FROM dw.orders AS d WHERE d.order_id = s.order_id) THEN 'already_published'
               WHEN s.amount IS NULL OR s.amount <= 0 THEN 'bad_amount'
               WHEN NOT EXISTS (SELECT 1 FROM ref.currencies AS c WHERE c.code = s.currency) THEN 'unknown_currency'
               WHEN NOT EXISTS (SELECT 1 FROM dw.customers AS c WHERE c.customer_id = s.customer_id) THEN 'unknown_customer'
           END AS reason
    FROM stage.orders_audit AS s
) AS a
WHERE reason IS NOT NULL;

INSERT INTO dw.orders
SELECT s.order_id, s.customer_id, s.order_date, s.amount, s.currency, s.batch_id
FROM stage.orders_audit AS s
WHERE s.order_id NOT IN (
        SELECT order_id FROM qa.orders_quarantine
        WHERE batch_id = (SELECT batch_id FROM ops.run_context))
  AND (SELECT count(*) FROM qa.orders_quarantine WHERE batch_id = (SELECT batch_id FROM ops.run_context))
      < 0.05 * (SELECT count(*) FROM stage.orders_audit);
