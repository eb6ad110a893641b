-- Visible dataset: a landing zone with two order batches, the previous run's staging leftovers,
-- the published orders table and the quarantine table.
CREATE SCHEMA ops;
CREATE SCHEMA landing;
CREATE SCHEMA stage;
CREATE SCHEMA ref;
CREATE SCHEMA dw;
CREATE SCHEMA qa;

-- The batch this run must process.
CREATE TABLE ops.run_context (batch_id VARCHAR NOT NULL);
INSERT INTO ops.run_context VALUES ('b-2024-06-03');

CREATE TABLE ref.currencies (code VARCHAR PRIMARY KEY);
INSERT INTO ref.currencies VALUES ('EUR'), ('USD'), ('GBP'), ('KRW');

CREATE TABLE dw.customers (customer_id INTEGER PRIMARY KEY, country VARCHAR);
INSERT INTO dw.customers
SELECT 100 + i, ['DE', 'FR', 'US', 'GB', 'KR'][1 + i % 5] FROM range(0, 45) AS t(i);

-- Landing zone: every batch the order service sends is appended here as it arrives, unchecked.
CREATE TABLE landing.orders (
    batch_id     VARCHAR NOT NULL,
    order_id     INTEGER,
    customer_id  INTEGER,
    order_date   DATE,
    amount       DECIMAL(10, 2),
    currency     VARCHAR
);

-- Yesterday's batch, already processed (published and audited).
INSERT INTO landing.orders
SELECT 'b-2024-06-02', 49901 + i, 100 + (i * 7) % 45, DATE '2024-06-02',
       CAST(12 + (i * 53) % 180 + 0.5 AS DECIMAL(10, 2)), ['EUR', 'USD', 'EUR', 'GBP'][1 + i % 4]
FROM range(0, 100) AS t(i);

-- Today's batch: 180 rows, a few of them broken.
INSERT INTO landing.orders
SELECT 'b-2024-06-03', 50001 + i, 100 + (i * 11) % 45, DATE '2024-06-02' + CAST(i % 2 AS INTEGER),
       CAST(9 + (i * 37) % 210 + 0.99 AS DECIMAL(10, 2)), ['EUR', 'EUR', 'USD', 'GBP', 'KRW'][1 + i % 5]
FROM range(0, 180) AS t(i);

UPDATE landing.orders SET order_id = NULL, amount = -3.00 WHERE batch_id = 'b-2024-06-03' AND order_id = 50006;  -- no id and a negative amount
UPDATE landing.orders SET order_id = 50021                  WHERE batch_id = 'b-2024-06-03' AND order_id = 50022;  -- two rows with id 50021
UPDATE landing.orders SET currency = 'eur'                  WHERE batch_id = 'b-2024-06-03' AND order_id = 50021 AND currency = 'EUR';
UPDATE landing.orders SET order_id = 49990                  WHERE batch_id = 'b-2024-06-03' AND order_id = 50041;  -- replay of a published order
UPDATE landing.orders SET amount = 0                        WHERE batch_id = 'b-2024-06-03' AND order_id = 50061;
UPDATE landing.orders SET currency = 'eur'                  WHERE batch_id = 'b-2024-06-03' AND order_id = 50081;
UPDATE landing.orders SET customer_id = 999                 WHERE batch_id = 'b-2024-06-03' AND order_id = 50101;
UPDATE landing.orders SET customer_id = NULL, amount = NULL WHERE batch_id = 'b-2024-06-03' AND order_id = 50121;

-- Staging: the audit runs here. It still holds the rows of the previous run.
CREATE TABLE stage.orders_audit (
    batch_id     VARCHAR,
    order_id     INTEGER,
    customer_id  INTEGER,
    order_date   DATE,
    amount       DECIMAL(10, 2),
    currency     VARCHAR
);
INSERT INTO stage.orders_audit SELECT * FROM landing.orders WHERE batch_id = 'b-2024-06-02';

-- Published orders: what dashboards and finance read.
CREATE TABLE dw.orders (
    order_id     INTEGER,
    customer_id  INTEGER,
    order_date   DATE,
    amount       DECIMAL(10, 2),
    currency     VARCHAR,
    batch_id     VARCHAR
);
INSERT INTO dw.orders
SELECT order_id, customer_id, order_date, amount, currency, batch_id
FROM landing.orders WHERE batch_id = 'b-2024-06-02' AND order_id NOT IN (49917, 49958);

-- Quarantine: every row an audit rejected, with the reason.
CREATE TABLE qa.orders_quarantine (
    batch_id     VARCHAR,
    order_id     INTEGER,
    customer_id  INTEGER,
    order_date   DATE,
    amount       DECIMAL(10, 2),
    currency     VARCHAR,
    reason       VARCHAR
);
INSERT INTO qa.orders_quarantine
SELECT batch_id, order_id, customer_id, order_date, amount, currency, 'bad_amount'
FROM landing.orders WHERE batch_id = 'b-2024-06-02' AND order_id IN (49917, 49958);
