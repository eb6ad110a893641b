-- The orders loader has been failing for the last 8 hours: none of the batches it should have
-- loaded since then reached the warehouse.
DELETE FROM shop.orders
WHERE loaded_at > (SELECT as_of - INTERVAL 8 HOURS FROM ops.run_context);
