-- Wrong: lower() without trim(). Addresses that differ only by surrounding spaces keep separate keys,
-- so Dev Patel (and Ana's record with a trailing space) stay duplicated under the new unique key.
CREATE OR REPLACE TABLE crm.migration_keys AS
SELECT contact_id,
       lower(email) AS email_key,
       first_value(contact_id) OVER (PARTITION BY lower(email) ORDER BY created_at, contact_id) AS survivor_id
FROM crm.contacts;

INSERT INTO crm.contact_merges
SELECT contact_id, survivor_id FROM crm.migration_keys WHERE contact_id <> survivor_id;

UPDATE crm.deals AS d SET contact_id = m.survivor_id
FROM crm.contact_merges AS m WHERE d.contact_id = m.merged_id;

CREATE OR REPLACE TABLE crm.migration_subscriptions AS
SELECT coalesce(m.survivor_id, s.contact_id) AS contact_id, s.list_name, min(s.subscribed_at) AS subscribed_at
FROM crm.subscriptions AS s LEFT JOIN crm.contact_merges AS m ON m.merged_id = s.contact_id
GROUP BY ALL;
DELETE FROM crm.subscriptions;
INSERT INTO crm.subscriptions SELECT * FROM crm.migration_subscriptions;

CREATE OR REPLACE TABLE crm.contacts AS
SELECT c.contact_id, c.email, c.full_name,
       coalesce(c.phone, (
           SELECT d.phone FROM crm.contacts AS d JOIN crm.migration_keys AS dk ON dk.contact_id = d.contact_id
           WHERE dk.survivor_id = c.contact_id AND d.phone IS NOT NULL
           ORDER BY d.created_at DESC, d.contact_id LIMIT 1)) AS phone,
       c.created_at, c.source, k.email_key
FROM crm.contacts AS c JOIN crm.migration_keys AS k ON k.contact_id = c.contact_id
WHERE k.contact_id = k.survivor_id;

ALTER TABLE crm.contacts ADD PRIMARY KEY (contact_id);
ALTER TABLE crm.contacts ALTER COLUMN email_key SET NOT NULL;
CREATE UNIQUE INDEX contacts_email_key ON crm.contacts (email_key);
