-- Also correct, without MERGE: an UPDATE of the changed rows, then an INSERT of the unknown ones.
-- The row comparison (a, b) IS DISTINCT FROM (c, d) is NULL-safe field by field.
UPDATE crm.customers_current AS t
SET email = s.email, phone = s.phone, city = s.city, tier = s.tier, updated_on = s.snapshot_date
FROM staging.customer_snapshot AS s
WHERE s.customer_id = t.customer_id
  AND (t.email, t.phone, t.city, t.tier) IS DISTINCT FROM (s.email, s.phone, s.city, s.tier);

INSERT INTO crm.customers_current
SELECT s.customer_id, s.email, s.phone, s.city, s.tier, s.snapshot_date
FROM staging.customer_snapshot AS s
WHERE NOT EXISTS (SELECT 1 FROM crm.customers_current AS t WHERE t.customer_id = s.customer_id);
