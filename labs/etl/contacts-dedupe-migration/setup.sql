-- Visible dataset: a CRM whose contacts table was filled by several imports, so one person can
-- exist several times with the same email in another case or with stray spaces. Ids are not in
-- creation order (the 2022 migration renumbered the old contacts).
CREATE SCHEMA crm;

CREATE TABLE crm.contacts (
    contact_id  INTEGER PRIMARY KEY,
    email       VARCHAR NOT NULL,
    full_name   VARCHAR,
    phone       VARCHAR,
    created_at  TIMESTAMP NOT NULL,
    source      VARCHAR NOT NULL
);

INSERT INTO crm.contacts VALUES
    -- Ana: three records. The oldest is id 12; it has no phone, the newest duplicate has one.
    (12, 'Ana.Lima@Example.com',    'Ana Lima',     NULL,            TIMESTAMP '2021-03-01 10:00:00', 'legacy'),
    (5,  'ana.lima@example.com ',   'Ana Lima',     '+351 910 000 111', TIMESTAMP '2022-06-10 09:30:00', 'webform'),
    (31, ' ANA.LIMA@example.com',   'A. Lima',      '+351 910 000 222', TIMESTAMP '2023-01-05 14:00:00', 'event'),
    -- Ben: two records created in the same second by a double-submitted form: the lower id survives
    (8,  'ben.okafor@example.com',  'Ben Okafor',   NULL,            TIMESTAMP '2022-09-14 11:11:11', 'webform'),
    (3,  'Ben.Okafor@example.com',  'Ben Okafor',   NULL,            TIMESTAMP '2022-09-14 11:11:11', 'webform'),
    -- Chloe: the survivor already has a phone and keeps it
    (20, 'chloe.martin@example.com','Chloe Martin', '+33 6 00 00 00 01', TIMESTAMP '2020-11-20 08:00:00', 'legacy'),
    (21, 'CHLOE.MARTIN@EXAMPLE.COM','Chloe M.',     '+33 6 00 00 00 99', TIMESTAMP '2023-04-02 16:45:00', 'import'),
    -- Dev: the addresses differ only by a trailing space
    (40, 'dev.patel@example.com',   'Dev Patel',    NULL,            TIMESTAMP '2023-02-01 12:00:00', 'import'),
    (41, 'dev.patel@example.com  ', 'Dev Patel',    NULL,            TIMESTAMP '2023-02-01 12:05:00', 'import'),
    -- Emma and E. Novak are different addresses (no provider-specific rules): not duplicates
    (50, 'emma.novak@example.com',  'Emma Novak',   NULL,            TIMESTAMP '2023-05-05 10:00:00', 'webform'),
    (51, 'e.novak@example.com',     'Emil Novak',   '+420 600 000 000', TIMESTAMP '2023-05-06 10:00:00', 'webform');

-- Forty ordinary contacts without duplicates.
INSERT INTO crm.contacts
SELECT 100 + i,
       'user' || (100 + i) || '@example.org',
       'Customer ' || (100 + i),
       CASE WHEN i % 3 = 0 THEN NULL ELSE '+49 151 ' || lpad(CAST(i * 7919 % 1000000 AS VARCHAR), 6, '0') END,
       TIMESTAMP '2023-06-01 09:00:00' + i * INTERVAL 3 DAY,
       CASE i % 4 WHEN 0 THEN 'webform' WHEN 1 THEN 'import' WHEN 2 THEN 'event' ELSE 'webform' END
FROM range(0, 40) AS t(i);

CREATE TABLE crm.deals (
    deal_id     INTEGER PRIMARY KEY,
    contact_id  INTEGER NOT NULL,
    amount      DECIMAL(12, 2) NOT NULL,
    stage       VARCHAR NOT NULL
);

INSERT INTO crm.deals VALUES
    (9001, 12, 1200.00, 'won'),
    (9002, 5,   300.00, 'open'),     -- points at a duplicate of Ana
    (9003, 31,  450.00, 'lost'),     -- another duplicate of Ana
    (9004, 8,   800.00, 'open'),     -- Ben's duplicate
    (9005, 21,  999.00, 'won'),      -- Chloe's duplicate
    (9006, 50,   75.00, 'open'),
    (9007, 51,   80.00, 'open');

INSERT INTO crm.deals
SELECT 9100 + i, 100 + (i * 7) % 40, CAST(100 + (i * 37) % 900 AS DECIMAL(12, 2)),
       CASE i % 3 WHEN 0 THEN 'open' WHEN 1 THEN 'won' ELSE 'lost' END
FROM range(0, 25) AS t(i);

-- Mailing-list subscriptions: at most one row per contact and list.
CREATE TABLE crm.subscriptions (
    contact_id     INTEGER NOT NULL,
    list_name      VARCHAR NOT NULL,
    subscribed_at  TIMESTAMP NOT NULL,
    PRIMARY KEY (contact_id, list_name)
);

INSERT INTO crm.subscriptions VALUES
    (12, 'newsletter', TIMESTAMP '2022-01-10 08:00:00'),
    (5,  'newsletter', TIMESTAMP '2021-12-01 08:00:00'),   -- Ana subscribed earlier from her other record
    (5,  'product-updates', TIMESTAMP '2022-07-01 08:00:00'),
    (31, 'events', TIMESTAMP '2023-01-05 14:01:00'),
    (3,  'newsletter', TIMESTAMP '2022-09-14 11:12:00'),
    (8,  'newsletter', TIMESTAMP '2022-09-14 11:12:00'),   -- the same subscription twice, same second
    (21, 'product-updates', TIMESTAMP '2023-04-02 16:46:00'),
    (40, 'newsletter', TIMESTAMP '2023-02-01 12:01:00'),
    (50, 'newsletter', TIMESTAMP '2023-05-05 10:01:00'),
    (51, 'newsletter', TIMESTAMP '2023-05-06 10:01:00');

INSERT INTO crm.subscriptions
SELECT 100 + i, 'newsletter', TIMESTAMP '2023-06-01 09:30:00' + i * INTERVAL 3 DAY
FROM range(0, 40) AS t(i)
WHERE i % 2 = 0;

-- The mapping of merged contacts, empty until the migration runs.
CREATE TABLE crm.contact_merges (
    merged_id    INTEGER PRIMARY KEY,
    survivor_id  INTEGER NOT NULL
);
