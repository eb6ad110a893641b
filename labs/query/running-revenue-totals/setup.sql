-- Visible dataset: orders around the end of February 2024 (a leap year).
CREATE SCHEMA shop;

CREATE TABLE shop.orders (
    order_id     INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL,
    order_ts     TIMESTAMP NOT NULL,
    status       VARCHAR NOT NULL,    -- paid, refunded, cancelled
    amount       DECIMAL(10, 2) NOT NULL
);

INSERT INTO shop.orders VALUES
    (1,  306, TIMESTAMP '2024-01-31 22:10:00', 'paid',       77.00),
    (2,  301, TIMESTAMP '2024-02-02 09:00:00', 'paid',      120.00),
    (3,  302, TIMESTAMP '2024-02-09 14:30:00', 'paid',       80.50),
    (4,  303, TIMESTAMP '2024-02-15 11:45:00', 'cancelled',  60.00),
    (5,  301, TIMESTAMP '2024-02-19 18:20:00', 'paid',       45.00),
    (6,  304, TIMESTAMP '2024-02-20 08:05:00', 'paid',       99.90),
    (7,  305, TIMESTAMP '2024-02-20 21:40:00', 'paid',       15.10),
    (8,  306, TIMESTAMP '2024-02-21 10:00:00', 'refunded',  200.00),
    (9,  302, TIMESTAMP '2024-02-23 16:15:00', 'paid',       64.00),
    (10, 307, TIMESTAMP '2024-02-26 12:00:00', 'paid',       30.00),
    (11, 308, TIMESTAMP '2024-02-27 13:30:00', 'cancelled',  10.00),
    (12, 303, TIMESTAMP '2024-02-29 23:59:00', 'paid',      250.00),
    (13, 309, TIMESTAMP '2024-03-01 00:01:00', 'paid',       40.00),
    (14, 310, TIMESTAMP '2024-03-01 09:30:00', 'paid',       22.00),
    (15, 301, TIMESTAMP '2024-03-04 17:00:00', 'paid',       18.75),
    (16, 304, TIMESTAMP '2024-03-04 17:05:00', 'refunded',   18.75),
    (17, 311, TIMESTAMP '2024-03-07 20:45:00', 'paid',      300.00),
    (18, 305, TIMESTAMP '2024-03-10 11:10:00', 'paid',       12.00),
    (19, 312, TIMESTAMP '2024-03-11 00:00:00', 'paid',      500.00);
