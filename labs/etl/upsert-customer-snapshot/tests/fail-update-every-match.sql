-- Wrong: updates every customer found in the snapshot, changed or not. The values end up right,
-- but updated_on moves to today for everyone, and "customers changed since ..." now means nothing.
MERGE INTO crm.customers_current AS t
USING staging.customer_snapshot AS s
ON t.customer_id = s.customer_id
WHEN MATCHED THEN
    UPDATE SET email = s.email, phone = s.phone, city = s.city, tier = s.tier, updated_on = s.snapshot_date
WHEN NOT MATCHED THEN
    INSERT VALUES (s.customer_id, s.email, s.phone, s.city, s.tier, s.snapshot_date);
