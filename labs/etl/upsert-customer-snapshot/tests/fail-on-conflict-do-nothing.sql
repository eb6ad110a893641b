-- Wrong: ON CONFLICT DO NOTHING inserts the new customers and silently skips every change to an
-- existing one.
INSERT INTO crm.customers_current
SELECT customer_id, email, phone, city, tier, snapshot_date
FROM staging.customer_snapshot
ON CONFLICT (customer_id) DO NOTHING;
