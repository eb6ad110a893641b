-- Also correct: INSERT ... ON CONFLICT DO UPDATE with a WHERE clause that only lets real changes
-- through. "excluded" is the row that was about to be inserted.
INSERT INTO crm.customers_current (customer_id, email, phone, city, tier, updated_on)
SELECT customer_id, email, phone, city, tier, snapshot_date
FROM staging.customer_snapshot
ON CONFLICT (customer_id) DO UPDATE
SET email = excluded.email,
    phone = excluded.phone,
    city = excluded.city,
    tier = excluded.tier,
    updated_on = excluded.updated_on
WHERE crm.customers_current.email IS DISTINCT FROM excluded.email
   OR crm.customers_current.phone IS DISTINCT FROM excluded.phone
   OR crm.customers_current.city  IS DISTINCT FROM excluded.city
   OR crm.customers_current.tier  IS DISTINCT FROM excluded.tier;
