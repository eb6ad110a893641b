-- Visible dataset: completed and cancelled orders of a few repeat customers.
CREATE SCHEMA shop;

CREATE TABLE shop.orders (
    order_id     INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL,
    order_ts     TIMESTAMP NOT NULL,
    status       VARCHAR NOT NULL     -- completed, cancelled
);

INSERT INTO shop.orders VALUES
    (1,  401, TIMESTAMP '2024-01-05 10:00:00', 'completed'),
    (2,  402, TIMESTAMP '2024-01-06 08:00:00', 'completed'),
    (3,  403, TIMESTAMP '2024-01-08 15:20:00', 'completed'),
    (4,  401, TIMESTAMP '2024-01-12 09:00:00', 'completed'),
    (5,  402, TIMESTAMP '2024-01-20 19:00:00', 'cancelled'),
    (6,  404, TIMESTAMP '2024-01-25 12:00:00', 'completed'),
    (7,  404, TIMESTAMP '2024-01-25 12:00:00', 'completed'),
    (8,  405, TIMESTAMP '2024-02-01 10:30:00', 'cancelled'),
    (9,  401, TIMESTAMP '2024-02-10 23:30:00', 'completed'),
    (10, 402, TIMESTAMP '2024-02-15 18:00:00', 'completed'),
    (11, 404, TIMESTAMP '2024-03-01 07:00:00', 'completed'),
    (12, 401, TIMESTAMP '2024-02-11 00:15:00', 'completed'),
    (13, 406, TIMESTAMP '2024-02-28 22:00:00', 'completed'),
    (14, 406, TIMESTAMP '2024-03-01 01:00:00', 'completed'),
    -- imported from the old shop later: higher id, earliest timestamp
    (15, 401, TIMESTAMP '2024-01-01 12:00:00', 'completed');
