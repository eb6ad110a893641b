-- Schema drift: visible dataset.
-- The tables of schema shop are under a data contract (ops.expected_columns). Schema staging
-- holds the raw landing copy of the orders, all text, and is not under contract.

CREATE SCHEMA ops;
CREATE SCHEMA shop;
CREATE SCHEMA staging;

CREATE TABLE shop.customers (
    customer_id INTEGER,
    email       VARCHAR,
    country     VARCHAR,
    created_at  TIMESTAMP
);
INSERT INTO shop.customers VALUES
    (1, 'ana.silva@example.com',   'PT', TIMESTAMP '2024-01-04 10:12:00'),
    (2, 'jonas.berg@example.com',  'SE', TIMESTAMP '2024-01-09 18:40:00'),
    (3, 'lea.martin@example.com',  'FR', TIMESTAMP '2024-02-01 08:05:00'),
    (4, 'tom.okafor@example.com',  'IE', TIMESTAMP '2024-02-14 21:33:00'),
    (5, 'mia.kowalski@example.com','PL', TIMESTAMP '2024-03-02 12:00:00');

-- _loaded_at is a technical column added by the loader: it is not part of the contract.
CREATE TABLE shop.orders (
    order_id    INTEGER,
    customer_id INTEGER,
    order_ts    TIMESTAMP,
    amount      DECIMAL(10,2),
    status      VARCHAR,
    _loaded_at  TIMESTAMP
);
INSERT INTO shop.orders VALUES
    (101, 1, TIMESTAMP '2024-03-10 09:15:00',  49.90, 'shipped',   TIMESTAMP '2024-03-10 10:00:00'),
    (102, 2, TIMESTAMP '2024-03-10 11:02:00', 120.00, 'shipped',   TIMESTAMP '2024-03-10 12:00:00'),
    (103, 3, TIMESTAMP '2024-03-11 16:45:00',  15.50, 'cancelled', TIMESTAMP '2024-03-11 17:00:00'),
    (104, 1, TIMESTAMP '2024-03-12 08:30:00',  74.25, 'paid',      TIMESTAMP '2024-03-12 09:00:00'),
    (105, 5, TIMESTAMP '2024-03-12 19:20:00',  32.00, 'pending',   TIMESTAMP '2024-03-12 20:00:00');

CREATE TABLE shop.payments (
    payment_id INTEGER,
    order_id   INTEGER,
    method     VARCHAR,
    amount     DECIMAL(10,2),
    paid_at    TIMESTAMP
);
INSERT INTO shop.payments VALUES
    (9001, 101, 'card',   49.90, TIMESTAMP '2024-03-10 09:16:00'),
    (9002, 102, 'paypal',120.00, TIMESTAMP '2024-03-10 11:05:00'),
    (9003, 104, 'card',   74.25, TIMESTAMP '2024-03-12 08:31:00');

-- Raw landing table: same column names as shop.orders, but everything is text.
CREATE TABLE staging.orders (
    order_id    VARCHAR,
    customer_id VARCHAR,
    order_ts    VARCHAR,
    amount      VARCHAR,
    status      VARCHAR
);
INSERT INTO staging.orders VALUES
    ('105', '5', '2024-03-12T19:20:00Z', '32.00', 'pending');

-- The data contract: every column listed here must exist in schema shop with this exact type
-- (as information_schema.columns reports it).
CREATE TABLE ops.expected_columns (
    table_name  VARCHAR NOT NULL,
    column_name VARCHAR NOT NULL,
    data_type   VARCHAR NOT NULL
);
INSERT INTO ops.expected_columns VALUES
    ('customers', 'customer_id', 'INTEGER'),
    ('customers', 'email',       'VARCHAR'),
    ('customers', 'country',     'VARCHAR'),
    ('customers', 'created_at',  'TIMESTAMP'),
    ('orders',    'order_id',    'INTEGER'),
    ('orders',    'customer_id', 'INTEGER'),
    ('orders',    'order_ts',    'TIMESTAMP'),
    ('orders',    'amount',      'DECIMAL(10,2)'),
    ('orders',    'status',      'VARCHAR'),
    ('payments',  'payment_id',  'INTEGER'),
    ('payments',  'order_id',    'INTEGER'),
    ('payments',  'method',      'VARCHAR'),
    ('payments',  'amount',      'DECIMAL(10,2)'),
    ('payments',  'paid_at',     'TIMESTAMP');
