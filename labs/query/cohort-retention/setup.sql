-- Visible dataset: four months of orders (January to April 2024).
CREATE SCHEMA shop;

CREATE TABLE shop.orders (
    order_id     INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL,
    order_ts     TIMESTAMP NOT NULL,
    status       VARCHAR NOT NULL     -- completed, cancelled
);

INSERT INTO shop.orders VALUES
    -- January cohort: customers 1-5
    (1,  1,  TIMESTAMP '2024-01-03 10:00:00', 'completed'),
    (2,  2,  TIMESTAMP '2024-01-05 12:30:00', 'completed'),
    (3,  3,  TIMESTAMP '2024-01-09 09:15:00', 'completed'),
    (4,  8,  TIMESTAMP '2024-01-12 18:00:00', 'cancelled'),
    (5,  5,  TIMESTAMP '2024-01-20 14:00:00', 'completed'),
    (6,  4,  TIMESTAMP '2024-01-31 23:59:00', 'completed'),
    (7,  1,  TIMESTAMP '2024-01-25 08:00:00', 'completed'),
    -- February
    (8,  4,  TIMESTAMP '2024-02-01 00:01:00', 'completed'),
    (9,  1,  TIMESTAMP '2024-02-02 11:00:00', 'completed'),
    (10, 1,  TIMESTAMP '2024-02-20 11:00:00', 'completed'),
    (11, 3,  TIMESTAMP '2024-02-14 19:45:00', 'completed'),
    (12, 6,  TIMESTAMP '2024-02-03 10:10:00', 'completed'),
    (13, 7,  TIMESTAMP '2024-02-10 16:00:00', 'completed'),
    (14, 8,  TIMESTAMP '2024-02-29 21:00:00', 'completed'),
    (15, 2,  TIMESTAMP '2024-02-11 13:00:00', 'cancelled'),
    -- March
    (16, 6,  TIMESTAMP '2024-03-04 09:00:00', 'completed'),
    (17, 7,  TIMESTAMP '2024-03-08 17:30:00', 'completed'),
    (18, 9,  TIMESTAMP '2024-03-01 00:00:00', 'completed'),
    (19, 10, TIMESTAMP '2024-03-12 12:00:00', 'completed'),
    (20, 11, TIMESTAMP '2024-03-15 15:00:00', 'completed'),
    (21, 12, TIMESTAMP '2024-03-31 23:59:59', 'completed'),
    (22, 5,  TIMESTAMP '2024-03-20 10:00:00', 'cancelled'),
    (23, 14, TIMESTAMP '2024-03-22 10:00:00', 'cancelled'),
    -- April
    (24, 2,  TIMESTAMP '2024-04-02 10:00:00', 'completed'),
    (25, 3,  TIMESTAMP '2024-04-05 10:00:00', 'completed'),
    (26, 5,  TIMESTAMP '2024-04-09 10:00:00', 'completed'),
    (27, 5,  TIMESTAMP '2024-04-10 10:00:00', 'completed'),
    (28, 7,  TIMESTAMP '2024-04-18 10:00:00', 'completed'),
    (29, 13, TIMESTAMP '2024-04-22 10:00:00', 'completed'),
    (30, 9,  TIMESTAMP '2024-04-30 10:00:00', 'cancelled');
