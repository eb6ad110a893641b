-- Visible dataset: a sales table, the analysts, their region grants and the deny rules.
CREATE SCHEMA sales;
CREATE SCHEMA acl;
CREATE SCHEMA ops;

CREATE TABLE ops.run_context (as_of DATE NOT NULL);
INSERT INTO ops.run_context VALUES (DATE '2024-07-01');

CREATE TABLE sales.orders (
    order_id    INTEGER PRIMARY KEY,
    region      VARCHAR NOT NULL,     -- EMEA, APAC, AMER
    country     VARCHAR NOT NULL,     -- ISO code
    order_date  DATE NOT NULL,
    amount      DECIMAL(10, 2) NOT NULL
);

INSERT INTO sales.orders
SELECT 8000 + i,
       r.region,
       r.countries[1 + (i // 3) % 3],
       DATE '2024-06-03' + CAST(i AS INTEGER),
       CAST(40 + (i * 37) % 260 + 0.50 AS DECIMAL(10, 2))
FROM range(0, 27) AS t(i)
JOIN (VALUES (0, 'EMEA', ['DE', 'FR', 'GB']),
             (1, 'APAC', ['KR', 'JP', 'SG']),
             (2, 'AMER', ['US', 'CA', 'BR'])) AS r(k, region, countries)
  ON r.k = i % 3;

CREATE TABLE acl.analysts (
    analyst  VARCHAR PRIMARY KEY,
    active   BOOLEAN NOT NULL          -- false once the person has left the company
);

INSERT INTO acl.analysts VALUES
    ('ana', true), ('bo', true), ('chen', true), ('dara', true), ('eli', false), ('femi', true);

-- A grant lets an analyst see one region, or every region when region = '*'.
-- It applies from granted_on (included) until expires_on (excluded); NULL means it never expires.
CREATE TABLE acl.region_grants (
    grant_id    INTEGER PRIMARY KEY,
    analyst     VARCHAR NOT NULL,
    region      VARCHAR NOT NULL,
    granted_on  DATE NOT NULL,
    expires_on  DATE
);

INSERT INTO acl.region_grants VALUES
    (1, 'ana',  'EMEA', DATE '2024-01-10', NULL),
    (2, 'ana',  'APAC', DATE '2024-03-01', DATE '2024-06-30'),   -- expired yesterday
    (3, 'bo',   '*',    DATE '2023-11-20', NULL),
    (4, 'chen', 'APAC', DATE '2024-02-01', DATE '2024-12-31'),
    (5, 'chen', 'APAC', DATE '2024-05-15', NULL),                -- renewed before the old one ran out
    (6, 'dara', 'EMEA', DATE '2024-04-01', DATE '2024-07-01'),   -- expires today: no longer applies
    (7, 'dara', 'AMER', DATE '2024-07-02', NULL),                -- starts tomorrow
    (8, 'dara', 'APAC', DATE '2024-07-01', DATE '2024-07-02'),   -- a one-day grant: today only
    (9, 'eli',  '*',    DATE '2023-06-01', NULL);                -- eli has left the company

-- A deny rule hides the orders it matches from one analyst, or from everyone when analyst is NULL.
-- A NULL region or country matches any region or country. Deny always wins over grants.
CREATE TABLE acl.deny_rules (
    rule_id  INTEGER PRIMARY KEY,
    analyst  VARCHAR,
    region   VARCHAR,
    country  VARCHAR,
    reason   VARCHAR NOT NULL
);

INSERT INTO acl.deny_rules VALUES
    (1, 'bo',   NULL,   'KR', 'works for the Korean distributor: conflict of interest'),
    (2, 'chen', 'APAC', 'JP', 'Japanese data stays with the Tokyo team'),
    (3, NULL,   NULL,   'BR', 'legal: Brazilian sales under audit, hidden from everyone'),
    (4, 'ana',  'AMER', NULL, 'not cleared for the Americas');
