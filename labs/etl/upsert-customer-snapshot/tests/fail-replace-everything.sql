-- Wrong: replaces the table with the snapshot. Customers missing from today's export disappear,
-- and every remaining customer gets today's date as its last change.
DELETE FROM crm.customers_current;
INSERT INTO crm.customers_current
SELECT customer_id, email, phone, city, tier, snapshot_date
FROM staging.customer_snapshot;
