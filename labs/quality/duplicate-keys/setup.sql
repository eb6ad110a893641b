-- Duplicate keys: visible dataset.
-- Warehouse tables do not enforce keys: the loader appends each batch (_batch_id) as it comes.

CREATE SCHEMA shop;

CREATE TABLE shop.orders (
    order_id     INTEGER,
    customer_id  INTEGER,
    order_ts     TIMESTAMP,
    status       VARCHAR,
    total_amount DECIMAL(10,2),
    _batch_id    VARCHAR
);
INSERT INTO shop.orders VALUES
    (5001, 11, TIMESTAMP '2024-03-14 09:12:00', 'shipped',   64.80, 'b-20240314'),
    (5002, 27, TIMESTAMP '2024-03-14 10:40:00', 'shipped',   19.90, 'b-20240314'),
    (5003, 11, TIMESTAMP '2024-03-14 13:05:00', 'cancelled', 42.00, 'b-20240314'),
    (5004, 35, TIMESTAMP '2024-03-14 18:22:00', 'shipped',  117.50, 'b-20240314'),
    (5005, 42, TIMESTAMP '2024-03-15 08:03:00', 'paid',      35.70, 'b-20240315'),
    (5006, 27, TIMESTAMP '2024-03-15 11:47:00', 'paid',      24.00, 'b-20240315'),
    (5007, 58, TIMESTAMP '2024-03-15 15:30:00', 'pending',   89.97, 'b-20240315'),
    (5008, 63, TIMESTAMP '2024-03-15 20:14:00', 'paid',      12.50, 'b-20240315');

-- (order_id, line_no) identifies a line. The same SKU may appear on two lines of one order
-- (for example a gift-wrapped copy and a normal one).
CREATE TABLE shop.order_items (
    order_id    INTEGER,
    line_no     INTEGER,
    product_sku VARCHAR,
    quantity    INTEGER,
    unit_price  DECIMAL(10,2),
    _batch_id   VARCHAR
);
INSERT INTO shop.order_items VALUES
    (5001, 1, 'MUG-BLUE',    2, 12.90, 'b-20240314'),
    (5001, 2, 'TEA-EARLGREY',3, 13.00, 'b-20240314'),
    (5002, 1, 'NOTEBOOK-A5', 1, 19.90, 'b-20240314'),
    (5003, 1, 'LAMP-DESK',   1, 42.00, 'b-20240314'),
    (5004, 1, 'CHAIR-CUSH',  2, 29.50, 'b-20240314'),
    (5004, 2, 'MUG-BLUE',    1, 12.90, 'b-20240314'),
    (5004, 3, 'MUG-BLUE',    1, 12.90, 'b-20240314'),
    (5004, 4, 'TEA-EARLGREY',1, 13.00, 'b-20240314'),
    (5004, 5, 'NOTEBOOK-A5', 1, 19.70, 'b-20240314'),
    (5005, 1, 'TEA-GREEN',   3, 11.90, 'b-20240315'),
    (5006, 1, 'PEN-SET',     2, 12.00, 'b-20240315'),
    (5007, 1, 'LAMP-DESK',   1, 42.00, 'b-20240315'),
    (5007, 2, 'CANDLE-FIG',  3, 15.99, 'b-20240315'),
    (5008, 1, 'NOTEBOOK-A5', 1, 12.50, 'b-20240315');
