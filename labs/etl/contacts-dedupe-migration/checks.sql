-- check: crm.contacts.email_key must be declared NOT NULL
SELECT 'email_key nullable'
WHERE NOT EXISTS (
    SELECT 1 FROM information_schema.columns
    WHERE table_schema = 'crm' AND table_name = 'contacts'
      AND column_name = 'email_key' AND is_nullable = 'NO'
);

-- check: crm.contacts needs a unique key on email_key (a UNIQUE constraint or a unique index)
SELECT 'no unique key on email_key'
WHERE NOT EXISTS (
    SELECT 1 FROM duckdb_constraints()
    WHERE schema_name = 'crm' AND table_name = 'contacts'
      AND constraint_type IN ('UNIQUE', 'PRIMARY KEY')
      AND constraint_column_names = ['email_key']
)
AND NOT EXISTS (
    SELECT 1 FROM duckdb_indexes()
    WHERE schema_name = 'crm' AND table_name = 'contacts'
      AND is_unique AND replace(expressions, ' ', '') = '[email_key]'
);

-- check: crm.contacts lost its primary key on contact_id
SELECT 'contacts primary key missing'
WHERE NOT EXISTS (
    SELECT 1 FROM duckdb_constraints()
    WHERE schema_name = 'crm' AND table_name = 'contacts'
      AND constraint_type = 'PRIMARY KEY' AND constraint_column_names = ['contact_id']
);

-- check: crm.subscriptions lost its primary key on (contact_id, list_name)
SELECT 'subscriptions primary key missing'
WHERE NOT EXISTS (
    SELECT 1 FROM duckdb_constraints()
    WHERE schema_name = 'crm' AND table_name = 'subscriptions'
      AND constraint_type = 'PRIMARY KEY' AND constraint_column_names = ['contact_id', 'list_name']
);

-- check: a deal or a subscription points at a contact that no longer exists
SELECT d.deal_id FROM crm.deals AS d
WHERE NOT EXISTS (SELECT 1 FROM crm.contacts AS c WHERE c.contact_id = d.contact_id)
UNION ALL
SELECT s.contact_id FROM crm.subscriptions AS s
WHERE NOT EXISTS (SELECT 1 FROM crm.contacts AS c WHERE c.contact_id = s.contact_id);

-- check: crm.contact_merges maps an id that still exists, or to a survivor that does not
SELECT m.merged_id FROM crm.contact_merges AS m
WHERE EXISTS (SELECT 1 FROM crm.contacts AS c WHERE c.contact_id = m.merged_id)
   OR NOT EXISTS (SELECT 1 FROM crm.contacts AS c WHERE c.contact_id = m.survivor_id);
