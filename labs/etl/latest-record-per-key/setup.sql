-- Visible dataset: the change log that the CRM database streams into the warehouse.
CREATE SCHEMA crm;

-- One row per change captured from the CRM. Each row is a full image of the customer after the change
-- (op 'I' insert, 'U' update), or the last image before a hard delete (op 'D').
-- change_seq is assigned by the capture tool when it reads the change; it is unique, but the tool reads two
-- database replicas, so a higher change_seq does not always mean a later changed_at.
CREATE TABLE crm.customer_changes (
    change_seq   BIGINT    NOT NULL,
    customer_id  INTEGER   NOT NULL,
    op           VARCHAR   NOT NULL,
    changed_at   TIMESTAMP NOT NULL,
    email        VARCHAR,
    full_name    VARCHAR,
    city         VARCHAR,
    tier         VARCHAR
);

INSERT INTO crm.customer_changes VALUES
    (1,  101, 'I', TIMESTAMP '2024-04-01 09:00:00', 'ana@example.com',    'Ana Silva',     'Lisbon',    'basic'),
    (2,  102, 'I', TIMESTAMP '2024-04-01 09:05:00', 'ben@example.com',    'Ben Carter',    'Leeds',     'basic'),
    (3,  103, 'I', TIMESTAMP '2024-04-01 10:30:00', 'chloe@example.com',  'Chloe Martin',  'Lyon',      'gold'),
    (4,  101, 'U', TIMESTAMP '2024-04-03 14:00:00', 'ana@example.com',    'Ana Silva',     'Porto',     'basic'),
    (5,  104, 'I', TIMESTAMP '2024-04-03 15:20:00', 'dev@example.com',    'Dev Patel',     'Pune',      'basic'),
    (6,  102, 'U', TIMESTAMP '2024-04-04 08:00:00', 'ben.c@example.com',  'Ben Carter',    'Leeds',     'silver'),
    -- two changes of customer 103 committed in the same second: the higher change_seq is the later one
    (7,  103, 'U', TIMESTAMP '2024-04-05 11:00:00', 'chloe@example.com',  'Chloe Martin',  'Paris',     'gold'),
    (8,  103, 'U', TIMESTAMP '2024-04-05 11:00:00', 'chloe@example.com',  'Chloe Martin',  'Paris',     'platinum'),
    (9,  105, 'I', TIMESTAMP '2024-04-06 12:00:00', 'eva@example.com',    'Eva Novak',     'Brno',      'basic'),
    (10, 101, 'U', TIMESTAMP '2024-04-07 16:45:00', 'ana.s@example.com',  'Ana Silva',     'Porto',     'silver'),
    -- read late from the second replica: higher change_seq, but an older change than seq 10
    (11, 101, 'U', TIMESTAMP '2024-04-06 10:00:00', 'ana@example.com',    'Ana Silva',     'Porto',     'silver'),
    (12, 104, 'D', TIMESTAMP '2024-04-08 09:00:00', 'dev@example.com',    'Dev Patel',     'Pune',      'basic'),
    (13, 106, 'I', TIMESTAMP '2024-04-08 10:00:00', 'femi@example.com',   'Femi Adeyemi',  'Lagos',     'basic'),
    (14, 105, 'U', TIMESTAMP '2024-04-09 13:30:00', 'eva@example.com',    'Eva Novak',     NULL,        'basic'),
    (15, 106, 'U', TIMESTAMP '2024-04-09 18:00:00', 'femi@example.com',   'Femi Adeyemi',  'Abuja',     'silver'),
    (16, 102, 'U', TIMESTAMP '2024-04-10 07:30:00', 'ben.c@example.com',  'Benjamin Carter', 'York',    'silver');

-- The target is created for you: fill it, do not recreate it.
CREATE TABLE crm.customers_current (
    customer_id  INTEGER,
    email        VARCHAR,
    full_name    VARCHAR,
    city         VARCHAR,
    tier         VARCHAR,
    updated_at   TIMESTAMP
);
