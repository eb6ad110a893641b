-- Wrong: the survivor keeps its own NULL phone, although the rule fills it from the most recently
-- created duplicate that has one. Ana loses the only phone numbers the CRM has for her.
CREATE OR REPLACE TABLE crm.migration_keys AS
SELECT contact_id,
       lower(trim(email)) AS email_key,
       first_value(contact_id) OVER (PARTITION BY lower(trim(email)) ORDER BY created_at, contact_id) AS survivor_id
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
       c.phone,
       c.created_at, c.source, k.email_key
FROM crm.contacts AS c JOIN crm.migration_keys AS k ON k.contact_id = c.contact_id
WHERE k.contact_id = k.survivor_id;

ALTER TABLE crm.contacts ADD PRIMARY KEY (contact_id);
ALTER TABLE crm.contacts ALTER COLUMN email_key SET NOT NULL;
CREATE UNIQUE INDEX contacts_email_key ON crm.contacts (email_key);
