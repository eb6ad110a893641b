-- Visible dataset: a customer dimension with history, and the batch of changes from the CRM for March 2024.
CREATE SCHEMA dw;
CREATE SCHEMA staging;

-- SCD type 2 dimension. A version is valid on the days valid_from <= day < valid_to (valid_to excluded);
-- the current version of a customer has valid_to NULL and is_current true.
CREATE TABLE dw.dim_customer (
    customer_sk  INTEGER,      -- surrogate key, one per version
    customer_id  INTEGER,      -- business key from the CRM
    email        VARCHAR,
    city         VARCHAR,
    tier         VARCHAR,
    valid_from   DATE,
    valid_to     DATE,
    is_current   BOOLEAN
);

INSERT INTO dw.dim_customer VALUES
    (1, 201, 'ana@example.com',   'Lisbon', 'basic',  DATE '2023-01-10', DATE '2023-06-01', false),
    (2, 202, 'ben@example.com',   'Leeds',  'basic',  DATE '2023-02-15', NULL,               true),
    (3, 201, 'ana@example.com',   'Porto',  'basic',  DATE '2023-06-01', NULL,               true),
    (4, 203, 'chloe@example.com', 'Lyon',   'gold',   DATE '2023-03-01', NULL,               true),
    (5, 204, 'dev@example.com',   'Pune',   'silver', DATE '2023-04-20', DATE '2023-09-15', false),
    (6, 204, 'dev@example.com',   'Pune',   'gold',   DATE '2023-09-15', NULL,               true),
    (7, 205, 'eva@example.com',   NULL,     'basic',  DATE '2023-05-05', NULL,               true),
    (8, 206, 'femi@example.com',  'Lagos',  'basic',  DATE '2023-07-01', NULL,               true);

-- The batch: the full record of a customer as of effective_date (the day the change takes effect).
CREATE TABLE staging.customer_updates (
    customer_id     INTEGER,
    email           VARCHAR,
    city            VARCHAR,
    tier            VARCHAR,
    effective_date  DATE
);

INSERT INTO staging.customer_updates VALUES
    (201, 'ana@example.com',    'Braga',  'basic',    DATE '2024-03-04'),
    (202, 'ben@example.com',    'Leeds',  'basic',    DATE '2024-03-02'),   -- nothing changed
    (203, 'chloe@example.com',  'Lyon',   'platinum', DATE '2024-03-01'),
    (203, 'chloe@example.com',  'Paris',  'platinum', DATE '2024-03-08'),   -- second change in the same batch
    (205, 'eva@example.com',    'Brno',   'basic',    DATE '2024-03-05'),   -- city was unknown
    (206, 'femi.a@example.com', 'Lagos',  'basic',    DATE '2024-03-03'),
    (207, 'gus@example.com',    'Bremen', 'basic',    DATE '2024-03-06');   -- new customer
