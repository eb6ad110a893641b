-- Visible dataset: customers, their orders, and the date the feature table is built for.
CREATE SCHEMA ml;
CREATE SCHEMA crm;
CREATE SCHEMA shop;

-- The features describe each customer as of the start of this day (00:00).
CREATE TABLE ml.run_context (as_of_date DATE NOT NULL);
INSERT INTO ml.run_context VALUES (DATE '2024-06-01');

CREATE TABLE crm.customers (
    customer_id  INTEGER PRIMARY KEY,
    signup_date  DATE NOT NULL,
    country      VARCHAR NOT NULL
);

INSERT INTO crm.customers
SELECT 100 + i,
       DATE '2023-09-01' + CAST(i * 9 AS INTEGER),
       CASE i % 3 WHEN 0 THEN 'DE' WHEN 1 THEN 'FR' ELSE 'PL' END
FROM range(0, 18) AS t(i);

INSERT INTO crm.customers VALUES
    (200, DATE '2024-05-20', 'DE'),   -- signed up recently, no orders yet
    (201, DATE '2024-01-15', 'FR'),   -- only cancelled orders
    (202, DATE '2024-02-02', 'PL'),   -- one completed order whose amount is not known yet
    (203, DATE '2024-03-03', 'DE'),   -- ordered yesterday evening and again this morning
    (204, DATE '2024-06-01', 'FR');   -- signed up on the run date itself: not part of the table

CREATE TABLE shop.orders (
    order_id     INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL,
    ordered_at   TIMESTAMP NOT NULL,
    status       VARCHAR NOT NULL,        -- 'completed', 'cancelled' or 'pending'
    amount       DECIMAL(10, 2)           -- NULL while the payment is being settled
);

-- Regular orders of customers 100..117 (customers 100 + 5k never order).
INSERT INTO shop.orders
SELECT 5000 + j,
       100 + (j * 7) % 18,
       TIMESTAMP '2023-10-01 10:00:00' + INTERVAL 1 DAY * ((j * 41) % 240) + INTERVAL 1 MINUTE * ((j * 97) % 600),
       CASE WHEN j % 11 = 0 THEN 'cancelled' WHEN j % 13 = 0 THEN 'pending' ELSE 'completed' END,
       CAST(15 + (j * 29) % 120 + ((j * 7) % 100) / 100.0 AS DECIMAL(10, 2))
FROM range(0, 70) AS t(j)
WHERE (100 + (j * 7) % 18) % 5 <> 0;

INSERT INTO shop.orders VALUES
    (9001, 201, TIMESTAMP '2024-02-01 12:00:00', 'cancelled', 49.00),
    (9002, 201, TIMESTAMP '2024-04-11 18:30:00', 'cancelled', 12.50),
    (9003, 202, TIMESTAMP '2024-05-28 09:15:00', 'completed', NULL),
    (9004, 203, TIMESTAMP '2024-04-30 20:00:00', 'completed', 35.00),
    (9005, 203, TIMESTAMP '2024-05-31 23:59:59', 'completed', 20.00),   -- yesterday: 1 day ago
    (9006, 203, TIMESTAMP '2024-06-01 08:30:00', 'completed', 99.00),   -- today: after the cut-off
    (9007, 204, TIMESTAMP '2024-06-01 09:00:00', 'completed', 15.00);
