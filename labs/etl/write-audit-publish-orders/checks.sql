-- check: stage.orders_audit must hold exactly the current batch: clear the previous run's rows before you write
SELECT 1
FROM stage.orders_audit
WHERE batch_id IS DISTINCT FROM (SELECT batch_id FROM ops.run_context);

-- check: stage.orders_audit must hold every row of the current batch from landing.orders
SELECT 1
WHERE (SELECT count(*) FROM stage.orders_audit)
   <> (SELECT count(*) FROM landing.orders WHERE batch_id = (SELECT batch_id FROM ops.run_context));
