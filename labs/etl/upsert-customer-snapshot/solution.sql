-- Insert the customers the table does not know, update the ones where any attribute really changed
-- (IS DISTINCT FROM treats NULL as a value: NULL -> x and x -> NULL are changes, NULL -> NULL is
-- not), and leave unchanged and missing customers alone.
MERGE INTO crm.customers_current AS t
USING staging.customer_snapshot AS s
ON t.customer_id = s.customer_id
WHEN MATCHED AND (   t.email IS DISTINCT FROM s.email
                  OR t.phone IS DISTINCT FROM s.phone
                  OR t.city  IS DISTINCT FROM s.city
                  OR t.tier  IS DISTINCT FROM s.tier) THEN
    UPDATE SET email      = s.email,
               phone      = s.phone,
               city       = s.city,
               tier       = s.tier,
               updated_on = s.snapshot_date
WHEN NOT MATCHED THEN
    INSERT (customer_id, email, phone, city, tier, updated_on)
    VALUES (s.customer_id, s.email, s.phone, s.city, s.tier, s.snapshot_date);
