-- Wrong: a plain INSERT of the snapshot collides with the primary key at the first known customer
-- and the load fails.
INSERT INTO crm.customers_current
SELECT customer_id, email, phone, city, tier, snapshot_date
FROM staging.customer_snapshot;
