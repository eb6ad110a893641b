-- The judged day's partition was never written: the nightly job failed, the streaming part of
-- the pipeline kept going, so this morning's orders are there but the day before has no row.
DELETE FROM shop.orders
WHERE CAST(order_ts AS DATE) = (SELECT CAST(as_of AS DATE) - 1 FROM ops.run_context);
