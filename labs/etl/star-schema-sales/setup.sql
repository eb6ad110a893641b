-- Visible dataset: a small online tea shop, raw tables copied from the shop database.
CREATE SCHEMA raw;
CREATE SCHEMA dw;

CREATE TABLE raw.customers (
    customer_code  VARCHAR NOT NULL,   -- natural key, unique
    full_name      VARCHAR NOT NULL,
    country        VARCHAR,
    signup_date    DATE
);

INSERT INTO raw.customers VALUES
    ('CU-1004', 'Maja Lund',      'SE', DATE '2023-11-02'),
    ('CU-1001', 'Oskar Berg',     'SE', DATE '2023-09-14'),
    ('CU-1007', 'Aoife Byrne',    'IE', DATE '2024-01-20'),
    ('CU-1002', 'Jonas Weber',    'DE', DATE '2023-10-01'),
    ('CU-1010', 'Lucia Romano',   'IT', DATE '2024-02-11'),
    ('CU-1005', 'Pieter de Vries','NL', DATE '2023-12-05');

CREATE TABLE raw.products (
    sku            VARCHAR NOT NULL,   -- natural key, unique
    product_name   VARCHAR NOT NULL,
    category       VARCHAR NOT NULL,
    list_price     DECIMAL(10, 2) NOT NULL
);

INSERT INTO raw.products VALUES
    ('TEA-GRN-050', 'Sencha 50 g',          'green tea',  6.90),
    ('TEA-BLK-100', 'Assam 100 g',          'black tea',  7.50),
    ('POT-CER-001', 'Ceramic teapot 0.8 l', 'teaware',   34.00),
    ('TEA-OOL-050', 'Tieguanyin 50 g',      'oolong',     9.80),
    ('ACC-INF-002', 'Steel infuser',        'teaware',    4.50),
    ('TEA-BLK-250', 'Assam 250 g',          'black tea', 16.00);

-- customer_code is NULL for guest checkouts; it can also name a customer the CRM sync has not copied yet.
CREATE TABLE raw.sales (
    sale_id        INTEGER NOT NULL,
    sold_at        TIMESTAMP NOT NULL,
    customer_code  VARCHAR,
    sku            VARCHAR NOT NULL,
    quantity       INTEGER NOT NULL,
    unit_price     DECIMAL(10, 2) NOT NULL   -- price actually charged, may differ from list_price
);

INSERT INTO raw.sales VALUES
    (1, TIMESTAMP '2024-03-01 08:12:00', 'CU-1001', 'TEA-GRN-050', 2,  6.90),
    (2, TIMESTAMP '2024-03-01 19:40:00', 'CU-1004', 'POT-CER-001', 1, 34.00),
    (3, TIMESTAMP '2024-03-01 23:59:59', NULL,      'TEA-BLK-100', 1,  7.50),
    (4, TIMESTAMP '2024-03-02 10:05:00', 'CU-1002', 'TEA-OOL-050', 3,  9.80),
    (5, TIMESTAMP '2024-03-02 10:05:00', 'CU-1002', 'ACC-INF-002', 1,  4.50),
    (6, TIMESTAMP '2024-03-04 14:30:00', 'CU-1007', 'TEA-BLK-250', 2, 14.40),
    (7, TIMESTAMP '2024-03-04 16:00:00', 'CU-1001', 'TEA-BLK-100', 4,  7.50),
    (8, TIMESTAMP '2024-03-05 00:00:00', 'CU-1005', 'TEA-GRN-050', 1,  6.90),
    (9, TIMESTAMP '2024-03-05 11:20:00', 'CU-1099', 'POT-CER-001', 1, 30.60),
    (10, TIMESTAMP '2024-03-07 09:45:00', 'CU-1004', 'TEA-OOL-050', 2,  9.80),
    (11, TIMESTAMP '2024-03-07 21:10:00', NULL,      'ACC-INF-002', 2,  4.50),
    (12, TIMESTAMP '2024-03-09 13:00:00', 'CU-1002', 'TEA-BLK-250', 1, 16.00),
    (13, TIMESTAMP '2024-03-09 18:25:00', 'CU-1007', 'TEA-GRN-050', 5,  6.21),
    (14, TIMESTAMP '2024-03-10 10:10:00', 'CU-1001', 'TEA-OOL-050', 1,  9.80);

-- The targets are created for you: fill them, do not recreate them.
CREATE TABLE dw.dim_customer (
    customer_key   INTEGER,
    customer_code  VARCHAR,
    full_name      VARCHAR,
    country        VARCHAR
);

CREATE TABLE dw.dim_product (
    product_key    INTEGER,
    sku            VARCHAR,
    product_name   VARCHAR,
    category       VARCHAR
);

CREATE TABLE dw.dim_date (
    date_key         INTEGER,
    full_date        DATE,
    year             INTEGER,
    quarter          INTEGER,
    month            INTEGER,
    iso_day_of_week  INTEGER,
    is_weekend       BOOLEAN
);

CREATE TABLE dw.fact_sales (
    sale_id        INTEGER,
    date_key       INTEGER,
    customer_key   INTEGER,
    product_key    INTEGER,
    quantity       INTEGER,
    net_amount     DECIMAL(12, 2)
);
