-- Visible dataset: a month of web-shop orders around March 2024.
CREATE SCHEMA shop;

CREATE TABLE shop.orders (
    order_id      INTEGER PRIMARY KEY,
    customer_id   INTEGER NOT NULL,
    order_ts      TIMESTAMP NOT NULL,
    status        VARCHAR NOT NULL,   -- pending, paid, shipped, delivered, cancelled, returned
    total_amount  DECIMAL(10, 2) NOT NULL,
    channel       VARCHAR NOT NULL
);

INSERT INTO shop.orders VALUES
    (1001, 11, TIMESTAMP '2024-02-28 09:15:00', 'delivered', 120.00, 'web'),
    (1002, 12, TIMESTAMP '2024-02-29 23:50:00', 'shipped',    75.50, 'app'),
    (1003, 13, TIMESTAMP '2024-03-01 00:00:00', 'delivered',  89.90, 'web'),
    (1004, 11, TIMESTAMP '2024-03-02 10:20:00', 'cancelled', 240.00, 'web'),
    (1005, 14, TIMESTAMP '2024-03-03 14:05:00', 'shipped',    49.99, 'app'),
    (1006, 15, TIMESTAMP '2024-03-05 08:30:00', 'delivered',  50.00, 'web'),
    (1007, 12, TIMESTAMP '2024-03-07 19:45:00', 'shipped',   150.00, 'app'),
    (1008, 16, TIMESTAMP '2024-03-09 11:11:00', 'pending',    60.00, 'web'),
    (1009, 17, TIMESTAMP '2024-03-12 16:40:00', 'delivered', 150.00, 'web'),
    (1010, 18, TIMESTAMP '2024-03-15 12:00:00', 'returned',   95.00, 'app'),
    (1011, 13, TIMESTAMP '2024-03-18 09:05:00', 'paid',      210.00, 'web'),
    -- marketplace order imported late: higher id, earlier timestamp
    (1012, 19, TIMESTAMP '2024-03-06 07:00:00', 'shipped',   150.00, 'marketplace'),
    (1013, 20, TIMESTAMP '2024-03-21 13:30:00', 'delivered',  64.25, 'web'),
    (1014, 14, TIMESTAMP '2024-03-24 18:00:00', 'shipped',   310.40, 'app'),
    (1015, 21, TIMESTAMP '2024-03-27 22:10:00', 'delivered',  64.25, 'web'),
    (1016, 15, TIMESTAMP '2024-03-31 21:45:00', 'shipped',    88.00, 'app'),
    (1017, 22, TIMESTAMP '2024-03-31 23:59:59', 'delivered', 135.00, 'web'),
    (1018, 16, TIMESTAMP '2024-04-01 00:00:00', 'shipped',    99.00, 'web'),
    (1019, 23, TIMESTAMP '2024-04-02 10:00:00', 'delivered', 180.00, 'app'),
    (1020, 17, TIMESTAMP '2024-03-14 09:00:00', 'shipped',    45.00, 'web');
