-- Visible dataset: the current-state customer table and today's full snapshot from the shop.
CREATE SCHEMA crm;
CREATE SCHEMA staging;

CREATE TABLE crm.customers_current (
    customer_id  INTEGER PRIMARY KEY,
    email        VARCHAR NOT NULL,
    phone        VARCHAR,               -- optional
    city         VARCHAR,               -- optional
    tier         VARCHAR NOT NULL,      -- 'standard', 'silver' or 'gold'
    updated_on   DATE NOT NULL          -- the snapshot date of the last real change
);

INSERT INTO crm.customers_current
SELECT i,
       'customer' || i || '@example.com',
       CASE WHEN i % 4 = 0 THEN NULL ELSE '+44 7700 9' || lpad(CAST(i * 37 % 100000 AS VARCHAR), 5, '0') END,
       CASE WHEN i % 7 = 0 THEN NULL ELSE CASE i % 3 WHEN 0 THEN 'Leeds' WHEN 1 THEN 'Bristol' ELSE 'York' END END,
       CASE WHEN i % 10 = 0 THEN 'gold' WHEN i % 3 = 0 THEN 'silver' ELSE 'standard' END,
       DATE '2024-05-01' + CAST(i % 20 AS INTEGER)
FROM range(1, 31) AS t(i);

CREATE TABLE staging.customer_snapshot (
    snapshot_date  DATE NOT NULL,
    customer_id    INTEGER NOT NULL,
    email          VARCHAR NOT NULL,
    phone          VARCHAR,
    city           VARCHAR,
    tier           VARCHAR NOT NULL
);

-- Today's export: everyone the shop still has, as it is now (customers 29 and 30 were erased
-- from the shop but stay in the warehouse).
INSERT INTO staging.customer_snapshot
SELECT DATE '2024-06-03', customer_id, email, phone, city, tier
FROM crm.customers_current
WHERE customer_id <= 28;

-- The real changes of the day.
UPDATE staging.customer_snapshot SET email = 'c3.new@example.com'          WHERE customer_id = 3;
UPDATE staging.customer_snapshot SET tier = 'gold'                          WHERE customer_id = 5;
UPDATE staging.customer_snapshot SET phone = '+44 7700 900999'              WHERE customer_id = 8;    -- NULL -> a phone
UPDATE staging.customer_snapshot SET phone = NULL                           WHERE customer_id = 9;    -- a phone -> NULL
UPDATE staging.customer_snapshot SET city = 'Leeds'                         WHERE customer_id = 14;   -- NULL -> a city
UPDATE staging.customer_snapshot SET city = NULL, tier = 'silver'           WHERE customer_id = 16;   -- two changes
-- Customer 28 has no phone and no city; the snapshot repeats both NULLs: unchanged.
-- Customer 12 has no phone; the snapshot repeats the NULL: unchanged.

-- New sign-ups.
INSERT INTO staging.customer_snapshot VALUES
    (DATE '2024-06-03', 31, 'newbie31@example.com', NULL,              'York',  'standard'),
    (DATE '2024-06-03', 32, 'newbie32@example.com', '+44 7700 900032', NULL,    'standard');
