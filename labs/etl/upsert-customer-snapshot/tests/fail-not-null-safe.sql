-- Wrong: "<>" is not NULL-safe. NULL <> '+44 ...' is NULL, not true, so a phone or city that is
-- added where there was none, or removed, is never detected as a change.
MERGE INTO crm.customers_current AS t
USING staging.customer_snapshot AS s
ON t.customer_id = s.customer_id
WHEN MATCHED AND (t.email <> s.email OR t.phone <> s.phone OR t.city <> s.city OR t.tier <> s.tier) THEN
    UPDATE SET email = s.email, phone = s.phone, city = s.city, tier = s.tier, updated_on = s.snapshot_date
WHEN NOT MATCHED THEN
    INSERT VALUES (s.customer_id, s.email, s.phone, s.city, s.tier, s.snapshot_date);
