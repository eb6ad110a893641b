-- Sunday's partition was never written: the nightly job failed, the streaming part of the
-- pipeline kept going, so Monday morning's orders are there but Sunday has no row at all.
DELETE FROM shop.orders WHERE CAST(order_ts AS DATE) = DATE '2024-03-17';
