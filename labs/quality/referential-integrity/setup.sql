-- Referential integrity: visible dataset.
-- The warehouse does not enforce foreign keys. A payment without an order is allowed only for
-- gift-card purchases, which have order_id NULL.

CREATE SCHEMA shop;

CREATE TABLE shop.orders (
    order_id    INTEGER,
    customer_id INTEGER,
    order_ts    TIMESTAMP,
    status      VARCHAR
);
INSERT INTO shop.orders VALUES
    (7001, 21, TIMESTAMP '2024-03-14 09:12:00', 'shipped'),
    (7002, 34, TIMESTAMP '2024-03-14 11:40:00', 'shipped'),
    (7003, 21, TIMESTAMP '2024-03-14 16:05:00', 'cancelled'),
    (7004, 47, TIMESTAMP '2024-03-15 08:22:00', 'paid'),
    (7005, 52, TIMESTAMP '2024-03-15 10:03:00', 'pending'),
    (7006, 34, TIMESTAMP '2024-03-15 14:47:00', 'cancelled'),
    (7007, 66, TIMESTAMP '2024-03-15 19:30:00', 'paid'),
    (7008, 71, TIMESTAMP '2024-03-15 21:14:00', 'pending');

CREATE TABLE shop.order_items (
    order_id    INTEGER,
    line_no     INTEGER,
    product_sku VARCHAR,
    quantity    INTEGER,
    unit_price  DECIMAL(10,2)
);
INSERT INTO shop.order_items VALUES
    (7001, 1, 'MUG-BLUE',     2, 12.90),
    (7001, 2, 'TEA-EARLGREY', 1, 13.00),
    (7002, 1, 'LAMP-DESK',    1, 42.00),
    (7003, 1, 'CHAIR-CUSH',   2, 29.50),
    (7004, 1, 'NOTEBOOK-A5',  3, 19.90),
    (7004, 2, 'PEN-SET',      1, 12.00),
    (7005, 1, 'CANDLE-FIG',   2, 15.99),
    (7006, 1, 'TEA-GREEN',    4, 11.90),
    (7006, 2, 'MUG-BLUE',     1, 12.90),
    (7007, 1, 'LAMP-DESK',    1, 42.00),
    (7007, 2, 'CANDLE-FIG',   1, 15.99),
    (7008, 1, 'NOTEBOOK-A5',  1, 19.90);

-- Pending and cancelled orders have no payment yet (or never will). Gift cards are sold on
-- their own: their payment has no order (order_id NULL).
CREATE TABLE shop.payments (
    payment_id INTEGER,
    order_id   INTEGER,
    kind       VARCHAR,     -- 'order' or 'gift_card'
    amount     DECIMAL(10,2),
    paid_at    TIMESTAMP
);
INSERT INTO shop.payments VALUES
    (91001, 7001,  'order',     38.80, TIMESTAMP '2024-03-14 09:13:00'),
    (91002, 7002,  'order',     42.00, TIMESTAMP '2024-03-14 11:41:00'),
    (91003, NULL,  'gift_card', 50.00, TIMESTAMP '2024-03-14 15:00:00'),
    (91004, 7004,  'order',     71.70, TIMESTAMP '2024-03-15 08:23:00'),
    (91005, 7007,  'order',     57.99, TIMESTAMP '2024-03-15 19:31:00');
