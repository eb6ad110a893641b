-- Also correct: the shadow-table migration. Create the new table with all of its constraints,
-- backfill it, drop the old table and rename the new one. Inline constraints move with the
-- rename (a separate CREATE INDEX would block it in DuckDB, so it comes after).
CREATE OR REPLACE TABLE crm.contacts_keys AS
SELECT contact_id, lower(trim(email)) AS email_key,
       row_number() OVER (PARTITION BY lower(trim(email)) ORDER BY created_at, contact_id) AS pos
FROM crm.contacts;

CREATE OR REPLACE TABLE crm.contacts_survivors AS
SELECT k.email_key, k.contact_id AS survivor_id
FROM crm.contacts_keys AS k
WHERE k.pos = 1;

INSERT INTO crm.contact_merges
SELECT k.contact_id, s.survivor_id
FROM crm.contacts_keys AS k JOIN crm.contacts_survivors AS s USING (email_key)
WHERE k.pos > 1;

UPDATE crm.deals SET contact_id = m.survivor_id
FROM crm.contact_merges AS m WHERE crm.deals.contact_id = m.merged_id;

-- subscriptions: drop the merged rows that would collide with one the survivor keeps (moving the
-- earlier date onto it first), then re-point the rest.
UPDATE crm.subscriptions AS keep
SET subscribed_at = x.first_at
FROM (
    SELECT coalesce(m.survivor_id, s.contact_id) AS contact_id, s.list_name, min(s.subscribed_at) AS first_at
    FROM crm.subscriptions AS s LEFT JOIN crm.contact_merges AS m ON m.merged_id = s.contact_id
    GROUP BY ALL
) AS x
WHERE keep.contact_id = x.contact_id AND keep.list_name = x.list_name AND keep.subscribed_at <> x.first_at;

DELETE FROM crm.subscriptions AS s
USING crm.contact_merges AS m
WHERE s.contact_id = m.merged_id
  AND (EXISTS (SELECT 1 FROM crm.subscriptions AS t WHERE t.contact_id = m.survivor_id AND t.list_name = s.list_name)
       OR EXISTS (SELECT 1 FROM crm.subscriptions AS t JOIN crm.contact_merges AS m2 ON m2.merged_id = t.contact_id
                  WHERE m2.survivor_id = m.survivor_id AND t.list_name = s.list_name
                    AND (t.subscribed_at, t.contact_id) < (s.subscribed_at, s.contact_id)));

UPDATE crm.subscriptions SET contact_id = m.survivor_id
FROM crm.contact_merges AS m WHERE crm.subscriptions.contact_id = m.merged_id;

CREATE TABLE crm.contacts_new (
    contact_id  INTEGER PRIMARY KEY,
    email       VARCHAR NOT NULL,
    full_name   VARCHAR,
    phone       VARCHAR,
    created_at  TIMESTAMP NOT NULL,
    source      VARCHAR NOT NULL,
    email_key   VARCHAR NOT NULL UNIQUE
);

INSERT INTO crm.contacts_new
SELECT c.contact_id, c.email, c.full_name,
       coalesce(c.phone, arg_max(d.phone, (d.created_at, -d.contact_id)) FILTER (WHERE d.phone IS NOT NULL)),
       c.created_at, c.source, s.email_key
FROM crm.contacts_survivors AS s
JOIN crm.contacts AS c ON c.contact_id = s.survivor_id
LEFT JOIN crm.contact_merges AS m ON m.survivor_id = s.survivor_id
LEFT JOIN crm.contacts AS d ON d.contact_id = m.merged_id
GROUP BY c.contact_id, c.email, c.full_name, c.phone, c.created_at, c.source, s.email_key;

DROP TABLE crm.contacts;
ALTER TABLE crm.contacts_new RENAME TO contacts;
