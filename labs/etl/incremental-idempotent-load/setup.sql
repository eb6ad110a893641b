-- Visible dataset: an hourly-ish incremental load of shop orders into the warehouse.
CREATE SCHEMA staging;
CREATE SCHEMA dw;
CREATE SCHEMA etl;

-- Warehouse table, as left by the previous successful load. Like many warehouse tables it has
-- no primary key constraint: nothing but your script keeps order_id unique.
CREATE TABLE dw.orders (
    order_id     INTEGER,
    customer_id  INTEGER,
    status       VARCHAR,
    amount       DECIMAL(10, 2),
    updated_at   TIMESTAMP
);

INSERT INTO dw.orders VALUES
    (1001, 11, 'delivered',  59.90, TIMESTAMP '2024-04-28 10:00:00'),
    (1002, 12, 'shipped',   120.00, TIMESTAMP '2024-05-01 09:00:00'),
    (1003, 13, 'paid',       35.50, TIMESTAMP '2024-05-01 17:00:00'),
    (1004, 11, 'cancelled',  80.00, TIMESTAMP '2024-04-30 12:00:00'),
    (1005, 14, 'paid',      210.00, TIMESTAMP '2024-05-01 20:00:00'),
    (1006, 15, 'pending',    15.00, TIMESTAMP '2024-05-02 05:10:00'),
    (1007, 16, 'paid',       42.00, TIMESTAMP '2024-05-02 05:40:00');

-- Landing table: every extract of the source appends here and nothing is ever deleted.
-- updated_at: when the order last changed in the shop; extracted_at: when the extract ran.
CREATE TABLE staging.orders_extract (
    order_id      INTEGER,
    customer_id   INTEGER,
    status        VARCHAR,
    amount        DECIMAL(10, 2),
    updated_at    TIMESTAMP,
    extracted_at  TIMESTAMP
);

INSERT INTO staging.orders_extract VALUES
    -- extracts already loaded by earlier runs
    (1001, 11, 'shipped',    59.90, TIMESTAMP '2024-04-27 15:00:00', TIMESTAMP '2024-05-01 06:00:00'),
    (1001, 11, 'delivered',  59.90, TIMESTAMP '2024-04-28 10:00:00', TIMESTAMP '2024-05-01 06:00:00'),
    (1002, 12, 'paid',      120.00, TIMESTAMP '2024-04-30 22:00:00', TIMESTAMP '2024-05-01 06:00:00'),
    (1004, 11, 'cancelled',  80.00, TIMESTAMP '2024-04-30 12:00:00', TIMESTAMP '2024-05-01 06:00:00'),
    (1002, 12, 'shipped',   120.00, TIMESTAMP '2024-05-01 09:00:00', TIMESTAMP '2024-05-02 06:00:00'),
    (1003, 13, 'paid',       35.50, TIMESTAMP '2024-05-01 17:00:00', TIMESTAMP '2024-05-02 06:00:00'),
    (1005, 14, 'paid',      210.00, TIMESTAMP '2024-05-01 20:00:00', TIMESTAMP '2024-05-02 06:00:00'),
    (1006, 15, 'pending',    15.00, TIMESTAMP '2024-05-02 05:10:00', TIMESTAMP '2024-05-02 06:00:00'),
    (1007, 16, 'paid',       42.00, TIMESTAMP '2024-05-02 05:40:00', TIMESTAMP '2024-05-02 06:00:00'),
    -- a test order: it was loaded, then removed from dw.orders by hand. It must stay out.
    (1008, 99, 'paid',        1.00, TIMESTAMP '2024-05-02 05:50:00', TIMESTAMP '2024-05-02 06:00:00'),
    -- new extracts, not loaded yet
    (1005, 14, 'shipped',   210.00, TIMESTAMP '2024-05-02 14:00:00', TIMESTAMP '2024-05-03 06:00:00'),
    (1006, 15, 'paid',       15.00, TIMESTAMP '2024-05-02 09:30:00', TIMESTAMP '2024-05-03 06:00:00'),
    (1009, 17, 'pending',    64.00, TIMESTAMP '2024-05-02 18:00:00', TIMESTAMP '2024-05-03 06:00:00'),
    (1003, 13, 'paid',       35.50, TIMESTAMP '2024-05-01 17:00:00', TIMESTAMP '2024-05-03 06:00:00'),
    (1010, 18, 'pending',    99.00, TIMESTAMP '2024-05-03 05:00:00', TIMESTAMP '2024-05-03 06:00:00'),
    (1005, 14, 'delivered', 210.00, TIMESTAMP '2024-05-03 10:15:00', TIMESTAMP '2024-05-03 12:00:00'),
    (1010, 18, 'paid',       99.00, TIMESTAMP '2024-05-03 11:00:00', TIMESTAMP '2024-05-03 12:00:00'),
    (1002, 12, 'paid',      120.00, TIMESTAMP '2024-04-30 22:00:00', TIMESTAMP '2024-05-03 12:00:00'),
    (1009, 17, 'pending',    58.00, TIMESTAMP '2024-05-03 09:00:00', TIMESTAMP '2024-05-03 12:00:00');

-- How far each pipeline has read its landing table.
CREATE TABLE etl.watermarks (
    pipeline           VARCHAR,
    last_extracted_at  TIMESTAMP
);

INSERT INTO etl.watermarks VALUES
    ('orders',    TIMESTAMP '2024-05-02 06:00:00'),
    ('customers', TIMESTAMP '2024-05-02 05:30:00');
