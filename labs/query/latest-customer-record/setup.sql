-- Visible dataset: a change-data-capture (CDC) feed of the customer table.
CREATE SCHEMA crm;

CREATE TABLE crm.customer_changes (
    seq          BIGINT NOT NULL,      -- position in the CDC log (arrival order)
    customer_id  INTEGER NOT NULL,
    op           VARCHAR NOT NULL,     -- I = insert, U = update, D = delete
    email        VARCHAR,
    city         VARCHAR,
    tier         VARCHAR,
    changed_at   TIMESTAMP NOT NULL    -- when the change happened in the source system
);

INSERT INTO crm.customer_changes VALUES
    (1,  101, 'I', 'rita@example.com',      'Lisbon',  'bronze',   TIMESTAMP '2024-01-02 09:00:00'),
    (2,  102, 'I', 'sam@example.com',       'Leeds',   'bronze',   TIMESTAMP '2024-01-03 11:30:00'),
    (3,  103, 'I', 'tomas@example.com',     'Brno',    'silver',   TIMESTAMP '2024-01-05 08:00:00'),
    (4,  104, 'I', 'uma@example.com',       'Pune',    'bronze',   TIMESTAMP '2024-01-07 16:45:00'),
    (5,  102, 'U', 'sam.hill@example.com',  'Leeds',   'bronze',   TIMESTAMP '2024-01-20 12:00:00'),
    (6,  102, 'U', 'sam.hill@example.com',  'Leeds',   'gold',     TIMESTAMP '2024-01-20 12:00:00'),
    (7,  101, 'U', 'rita@example.com',      'Lisbon',  'silver',   TIMESTAMP '2024-02-10 10:00:00'),
    (8,  104, 'U', 'uma@example.com',       NULL,      'bronze',   TIMESTAMP '2024-02-01 13:00:00'),
    (9,  103, 'D', NULL,                    NULL,      NULL,       TIMESTAMP '2024-02-15 17:20:00'),
    (10, 105, 'I', 'vik@example.com',       'Oslo',    'bronze',   TIMESTAMP '2024-02-20 09:10:00'),
    (11, 105, 'D', NULL,                    NULL,      NULL,       TIMESTAMP '2024-02-25 10:00:00'),
    (12, 101, 'U', 'rita@example.com',      'Porto',   'silver',   TIMESTAMP '2024-03-01 08:00:00'),
    (13, 105, 'I', 'vik.new@example.com',   'Bergen',  'bronze',   TIMESTAMP '2024-03-05 14:00:00'),
    -- late arrival: logged after seq 12 but happened before it
    (14, 101, 'U', 'rita@example.com',      'Lisbon',  'platinum', TIMESTAMP '2024-02-20 18:00:00'),
    (15, 106, 'I', 'wen@example.com',       'Taipei',  'gold',     TIMESTAMP '2024-03-02 10:00:00'),
    (16, 107, 'I', 'xavi@example.com',      'Madrid',  'bronze',   TIMESTAMP '2024-03-03 07:30:00');
