-- check: crm.contacts.email_key must be declared NOT NULL
-- check.ko: crm.contacts.email_key는 NOT NULL로 선언해야 합니다
SELECT 'email_key nullable'
WHERE NOT EXISTS (
    SELECT 1 FROM information_schema.columns
    WHERE table_schema = 'crm' AND table_name = 'contacts'
      AND column_name = 'email_key' AND is_nullable = 'NO'
);

-- check: crm.contacts needs a unique key on email_key (a UNIQUE constraint or a unique index)
-- check.ko: crm.contacts에는 email_key에 대한 유일 키(UNIQUE 제약 조건이나 유일 인덱스)가 있어야 합니다
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
-- check.ko: crm.contacts에서 contact_id 기본 키가 사라졌습니다
SELECT 'contacts primary key missing'
WHERE NOT EXISTS (
    SELECT 1 FROM duckdb_constraints()
    WHERE schema_name = 'crm' AND table_name = 'contacts'
      AND constraint_type = 'PRIMARY KEY' AND constraint_column_names = ['contact_id']
);

-- check: crm.subscriptions lost its primary key on (contact_id, list_name)
-- check.ko: crm.subscriptions에서 (contact_id, list_name) 기본 키가 사라졌습니다
SELECT 'subscriptions primary key missing'
WHERE NOT EXISTS (
    SELECT 1 FROM duckdb_constraints()
    WHERE schema_name = 'crm' AND table_name = 'subscriptions'
      AND constraint_type = 'PRIMARY KEY' AND constraint_column_names = ['contact_id', 'list_name']
);

-- check: a deal or a subscription points at a contact that no longer exists
-- check.ko: 딜이나 구독이 더는 존재하지 않는 연락처를 가리킵니다
SELECT d.deal_id FROM crm.deals AS d
WHERE NOT EXISTS (SELECT 1 FROM crm.contacts AS c WHERE c.contact_id = d.contact_id)
UNION ALL
SELECT s.contact_id FROM crm.subscriptions AS s
WHERE NOT EXISTS (SELECT 1 FROM crm.contacts AS c WHERE c.contact_id = s.contact_id);

-- check: crm.contact_merges maps an id that still exists, or to a survivor that does not
-- check.ko: crm.contact_merges가 아직 남아 있는 id를 매핑하거나, 존재하지 않는 생존 연락처로 매핑합니다
SELECT m.merged_id FROM crm.contact_merges AS m
WHERE EXISTS (SELECT 1 FROM crm.contacts AS c WHERE c.contact_id = m.merged_id)
   OR NOT EXISTS (SELECT 1 FROM crm.contacts AS c WHERE c.contact_id = m.survivor_id);
