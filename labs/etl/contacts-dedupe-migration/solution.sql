-- Reference migration: decide the survivors, record the mapping, fill the survivor's missing
-- phone, re-point the child tables, then rebuild contacts with the new NOT NULL column and the
-- unique key, and put the primary key back.

-- 1. Every contact with its key and its survivor (earliest created_at, then lowest id).
CREATE OR REPLACE TABLE crm.migration_keys AS
SELECT contact_id,
       lower(trim(email)) AS email_key,
       first_value(contact_id) OVER (
           PARTITION BY lower(trim(email))
           ORDER BY created_at, contact_id
       ) AS survivor_id
FROM crm.contacts;

-- 2. The mapping: one row per contact that disappears.
INSERT INTO crm.contact_merges (merged_id, survivor_id)
SELECT contact_id, survivor_id
FROM crm.migration_keys
WHERE contact_id <> survivor_id;

-- 3. Re-point the deals.
UPDATE crm.deals AS d
SET contact_id = m.survivor_id
FROM crm.contact_merges AS m
WHERE d.contact_id = m.merged_id;

-- 4. Re-point the subscriptions: one row per survivor and list, with the earliest subscribed_at.
CREATE OR REPLACE TABLE crm.migration_subscriptions AS
SELECT coalesce(m.survivor_id, s.contact_id) AS contact_id,
       s.list_name,
       min(s.subscribed_at) AS subscribed_at
FROM crm.subscriptions AS s
LEFT JOIN crm.contact_merges AS m ON m.merged_id = s.contact_id
GROUP BY ALL;

DELETE FROM crm.subscriptions;
INSERT INTO crm.subscriptions SELECT * FROM crm.migration_subscriptions;

-- 5. Rebuild contacts: survivors only, phone filled from the most recent duplicate that has
--    one, and the new column. Then the constraints.
CREATE OR REPLACE TABLE crm.contacts AS
SELECT c.contact_id,
       c.email,
       c.full_name,
       coalesce(c.phone, (
           SELECT d.phone
           FROM crm.contacts AS d
           JOIN crm.migration_keys AS dk ON dk.contact_id = d.contact_id
           WHERE dk.survivor_id = c.contact_id AND d.phone IS NOT NULL
           ORDER BY d.created_at DESC, d.contact_id
           LIMIT 1
       )) AS phone,
       c.created_at,
       c.source,
       k.email_key
FROM crm.contacts AS c
JOIN crm.migration_keys AS k ON k.contact_id = c.contact_id
WHERE k.contact_id = k.survivor_id;

ALTER TABLE crm.contacts ADD PRIMARY KEY (contact_id);
ALTER TABLE crm.contacts ALTER COLUMN email SET NOT NULL;
ALTER TABLE crm.contacts ALTER COLUMN created_at SET NOT NULL;
ALTER TABLE crm.contacts ALTER COLUMN source SET NOT NULL;
ALTER TABLE crm.contacts ALTER COLUMN email_key SET NOT NULL;
CREATE UNIQUE INDEX contacts_email_key ON crm.contacts (email_key);
